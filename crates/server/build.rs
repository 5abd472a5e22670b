//! sqlx's `migrate!` embeds the migration folders at compile time; this makes cargo rebuild when
//! a migration is added or changed (sqlx does not track new files by itself).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
