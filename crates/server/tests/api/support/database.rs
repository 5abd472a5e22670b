//! The database of a test: a SQLite file in its temporary directory, or a database of its own on
//! the PostgreSQL server named by `BATON_TEST_POSTGRES_URL`; and the tests' own pool to it.

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use tempfile::TempDir;

/// The database URL of a new test: see `support::config`.
pub fn database_url(dir: &TempDir) -> String {
    match std::env::var("BATON_TEST_POSTGRES_URL") {
        Ok(server) if !server.is_empty() => postgres_database(&server),
        _ => format!("sqlite://{}", dir.path().join("data/baton.db").display()),
    }
}

/// Creates an empty database on the PostgreSQL server at `server` (a URL naming its maintenance
/// database); its URL. psql does it synchronously, so `config` stays a plain function.
fn postgres_database(server: &str) -> String {
    let bytes: [u8; 8] = rand::random();
    let name = format!("baton_test_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let status = std::process::Command::new("psql")
        .args([server, "-q", "-v", "ON_ERROR_STOP=1", "-c"])
        .arg(format!("CREATE DATABASE {name}"))
        .status()
        .expect("run psql");
    assert!(status.success(), "psql could not create {name} on {server}");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database name");
    format!("{base}/{name}")
}

/// A connection pool of the tests' own to the database at `url`, for looking at rows directly.
pub async fn sql_pool(url: &str) -> AnyPool {
    sqlx::any::install_default_drivers();
    AnyPoolOptions::new().max_connections(2).connect(url).await.expect("test pool")
}

/// What a test leaves behind, removed when its last `TestApp` (replicas share it) is dropped: the
/// temporary directory, and on PostgreSQL the test's database (each is ~10 MB, and a run on
/// PostgreSQL creates hundreds: kept, they filled the disk).
pub struct Scratch {
    pub dir: TempDir,
    pub database_url: String,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Ok(server) = std::env::var("BATON_TEST_POSTGRES_URL") else { return };
        if server.is_empty() || !self.database_url.starts_with("postgres") {
            return;
        }
        let Some((_, name)) = self.database_url.rsplit_once('/') else { return };
        // Best effort: a database left behind costs disk, not correctness.
        let _ = std::process::Command::new("psql")
            .args([server.as_str(), "-q", "-c"])
            .arg(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}
