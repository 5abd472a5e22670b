//! The secret key flags `serve` and `rekey` share, and `baton-server rekey` (part of the binary).

use crate::{fail, first_line};
use baton_server::config::{self, Config, DEFAULT_DATABASE_URL};
use baton_server::secret::{rekey, Cipher};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// Key for confidential info at rest: 64 hex digits or base64 of 32 bytes. Without it, the
    /// key file (--secret-key-file) is used.
    #[arg(long, env = "BATON_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,
    /// Keys replaced by a rotation, comma separated: they only open values sealed before it, until
    /// `baton-server rekey` has re-sealed those under the current key.
    #[arg(long = "retired-secret-keys", env = "BATON_RETIRED_SECRET_KEYS", hide_env_values = true, value_delimiter = ',')]
    pub retired_secret_keys: Vec<String>,
    /// The key file when no --secret-key is given (created on first start, mode 0600). Default:
    /// $XDG_CONFIG_HOME/baton/secret.key or ~/.config/baton/secret.key, apart from the data
    /// directory; a secret.key left in the data directory by an older install is used until moved.
    #[arg(long = "secret-key-file", env = "BATON_SECRET_KEY_FILE")]
    pub secret_key_file: Option<PathBuf>,
}

impl KeyArgs {
    /// Fills the key settings of `config`.
    pub fn apply(self, config: &mut Config) {
        config.secret_key = self.secret_key;
        config.retired_secret_keys = self.retired_secret_keys;
        config.secret_key_file = self.secret_key_file.filter(|p| !p.as_os_str().is_empty());
    }
}

#[derive(Debug, clap::Args)]
pub struct RekeyArgs {
    /// Database URL (sqlite://… or postgres://…).
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// The data directory, where an older install's key file may be (as for `serve`).
    #[arg(long = "data-dir", env = "BATON_DATA_DIR")]
    data_dir: Option<PathBuf>,
    #[command(flatten)]
    keys: KeyArgs,
    /// Values re-sealed per transaction.
    #[arg(long, default_value_t = rekey::DEFAULT_BATCH, value_parser = clap::value_parser!(i64).range(1..=100_000))]
    batch: i64,
}

/// `baton-server rekey`: re-seals every sealed value under the current key; prints how many.
pub fn rekey(args: RekeyArgs) -> ExitCode {
    crate::init_tracing();
    let mut config = Config { database_url: args.database, data_dir: args.data_dir, ..Config::default() };
    args.keys.apply(&mut config);
    if let Err(e) = config::check_database_url(&config.database_url) {
        return fail(&e.to_string());
    }
    let data_dir = config.data_dir();
    let cipher = match Cipher::load(&config.key_settings(data_dir.as_deref())) {
        Ok(cipher) => cipher,
        Err(e) => return fail(&e.to_string()),
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(async {
        let db = match baton_server::storage::open(&config.database_url).await {
            Ok(db) => db,
            Err(e) => return fail(&first_line(&e.to_string())),
        };
        let result = rekey::run(&db, &cipher, args.batch).await;
        db.close().await;
        let report = match result {
            Ok(report) => report,
            Err(e) => return fail(&first_line(&e.to_string())),
        };
        println!(
            "re-sealed {} values under key {} ({} were under it already)",
            report.resealed,
            cipher.current_id(),
            report.current
        );
        if report.changed > 0 {
            println!("{} values changed while being re-sealed: run rekey again", report.changed);
        }
        if report.unopened > 0 {
            return fail(&format!(
                "{} values open with none of these keys: add the key that sealed them to --retired-secret-keys and run rekey again",
                report.unopened
            ));
        }
        if report.changed == 0 {
            println!("every value is under the current key: the retired keys can be dropped");
        }
        ExitCode::SUCCESS
    })
}
