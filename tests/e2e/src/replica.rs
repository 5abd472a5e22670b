//! Server processes for the multi-replica test: each replica is a child process running the real
//! server (`baton_server::Server`) on its own port against a shared PostgreSQL database, so that
//! killing one (SIGKILL) really ends it — its connections, its relay, its scheduler — as a
//! crashed machine would. Attachments go to the object store the test names (`--blob-store`'s
//! environment variable and the AWS_* access key, as an operator would configure the binary).
//!
//! The child is the test binary itself, started again with `BATON_E2E_REPLICA` set: the test's
//! `main` calls [`child_main`] first, which serves until its stdin closes (the parent exiting, or
//! dropping the [`Replica`]). That avoids depending on a separately built `baton-server` binary
//! being present and current.

use baton_server::blobs::S3Credentials;
use baton_server::{Config, Server};
use std::process::{ExitCode, Stdio};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};

/// Set in a child's environment: it should serve as a replica instead of running the test.
const CHILD: &str = "BATON_E2E_REPLICA";

/// A running replica.
pub struct Replica {
    child: Child,
    _stdin: ChildStdin,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The id under which it holds the scheduler's lease when it does.
    pub holder: String,
}

impl Replica {
    /// Starts a replica on `database_url` with `secret_key`, a scheduler lease of `lease_secs`
    /// and attachments in `blobs` (`--blob-store`'s value and the access key, as
    /// `(key id, secret)`); returns once it serves.
    pub async fn start(database_url: &str, secret_key: &str, lease_secs: u64, blobs: (&str, (&str, &str))) -> Replica {
        let exe = std::env::current_exe().expect("the test binary's path");
        let (blob_store, (key_id, secret)) = blobs;
        let mut child = Command::new(exe)
            .env(CHILD, "1")
            .env("BATON_DATABASE_URL", database_url)
            .env("BATON_SECRET_KEY", secret_key)
            .env("BATON_SCHEDULER_LEASE_SECS", lease_secs.to_string())
            .env("BATON_BLOB_STORE", blob_store)
            .env("AWS_ACCESS_KEY_ID", key_id)
            .env("AWS_SECRET_ACCESS_KEY", secret)
            .env_remove("AWS_SESSION_TOKEN")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start a replica process");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let line = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
            .await
            .expect("the replica starts within 30 s")
            .expect("read the replica's output")
            .expect("the replica printed its address");
        // "serving http://127.0.0.1:PORT as HOLDER"
        let mut words = line.split_whitespace().skip(1);
        let (Some(base), Some("as"), Some(holder)) = (words.next(), words.next(), words.next()) else {
            panic!("unexpected first line from a replica: {line}");
        };
        Replica { base: base.to_owned(), holder: holder.to_owned(), child, _stdin: stdin }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// SIGKILL: no graceful shutdown, no lease given up, connections cut.
    pub async fn kill(&mut self) {
        self.child.start_kill().expect("kill the replica");
        self.child.wait().await.expect("the replica ends");
    }
}

/// In a child started by [`Replica::start`]: serves, and returns the exit code once stdin closes.
/// `None` in the test process itself.
pub fn child_main() -> Option<ExitCode> {
    std::env::var_os(CHILD)?;
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let data = tempfile::tempdir().expect("a data directory");
    let config = Config {
        addr: ([127, 0, 0, 1], 0).into(),
        database_url: env("BATON_DATABASE_URL"),
        dist: None,
        demo: false,
        secret_key: Some(env("BATON_SECRET_KEY")),
        data_dir: Some(data.path().to_path_buf()),
        scheduler_lease_secs: env("BATON_SCHEDULER_LEASE_SECS").parse().unwrap_or(2),
        blob_store: Some(env("BATON_BLOB_STORE")).filter(|s| !s.is_empty()),
        blob_credentials: S3Credentials::from_env(),
        ..Default::default()
    };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    Some(runtime.block_on(async {
        let server = match Server::start(config).await {
            Ok(server) => server,
            Err(e) => {
                eprintln!("replica: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("serving http://{} as {}", server.local_addr(), server.scheduler_holder());
        // Until the parent goes away.
        let mut sink = Vec::new();
        let _ = tokio::io::stdin().read_to_end(&mut sink).await;
        server.shutdown().await;
        ExitCode::SUCCESS
    }))
}
