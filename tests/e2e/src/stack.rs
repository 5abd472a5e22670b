//! The server side of a test: a fresh database, demo data, and the built SPA. The database is a
//! SQLite file in a temp dir, or, when `BATON_E2E_POSTGRES_URL` names a PostgreSQL server's
//! maintenance database (the smoke run of `scripts/test.sh`), a new database there.

use baton_server::{Config, Server};
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;

/// One reference server on 127.0.0.1:<free port> with its own database.
pub struct Stack {
    server: Option<Server>,
    dir: TempDir,
    addr: SocketAddr,
    database_url: String,
}

impl Stack {
    /// Starts the server with demo data and the SPA from `dist/` (built by `make dist`).
    pub async fn start() -> Stack {
        let dist = dist_dir();
        let dir = tempfile::tempdir().expect("temp dir");
        let database_url = database_url(&dir);
        let server = Server::start(config(&dir, &database_url, "127.0.0.1:0".parse().expect("addr"), dist))
            .await
            .expect("the reference server starts");
        let addr = server.local_addr();
        Stack { server: Some(server), dir, addr, database_url }
    }

    /// [`Stack::start`], mailing through `sink` (a real SMTP server): the server's links point at
    /// itself, so its port is chosen before it starts.
    pub async fn start_with_mail(sink: &baton_smtp_fixture::SmtpSink) -> Stack {
        let dist = dist_dir();
        let dir = tempfile::tempdir().expect("temp dir");
        let database_url = database_url(&dir);
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let mut config = config(&dir, &database_url, addr, dist);
        config.smtp_url = Some(sink.url());
        config.public_url = format!("http://{addr}");
        let server = Server::start(config).await.expect("the reference server starts");
        let addr = server.local_addr();
        Stack { server: Some(server), dir, addr, database_url }
    }

    /// The server's clock: a test moves it forward instead of waiting (scheduled jobs read it).
    pub fn clock(&self) -> baton_server::clock::Clock {
        self.server.as_ref().expect("the server runs").clock()
    }

    /// `http://127.0.0.1:PORT` — no trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url())
    }

    /// The database's URL, for tests that act as another process on it (`baton-server tenant
    /// create` does so through `baton_server::accounts`).
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// The SQLite file, for tests that check what was (or was not) stored.
    pub fn database_file(&self) -> PathBuf {
        self.dir.path().join("baton.db")
    }

    /// Stops the server (the port stops answering); `restart` brings it back on the same port
    /// and database, as an operator restarting the process would.
    pub async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await;
        }
    }

    pub async fn restart(&mut self) {
        self.stop().await;
        let server = Server::start(config(&self.dir, &self.database_url, self.addr, dist_dir()))
            .await
            .expect("the reference server restarts on the same port");
        self.server = Some(server);
    }
}

fn config(dir: &TempDir, database_url: &str, addr: SocketAddr, dist: PathBuf) -> Config {
    Config {
        addr,
        database_url: database_url.to_owned(),
        dist: Some(dist),
        demo: true,
        cors_origins: Vec::new(),
        data_dir: Some(dir.path().to_path_buf()),
        // Never the real ~/.config/baton/secret.key.
        secret_key_file: Some(dir.path().join("config/secret.key")),
        ..Default::default()
    }
}

/// See the module's documentation.
fn database_url(dir: &TempDir) -> String {
    let Some(server) = std::env::var("BATON_E2E_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        return format!("sqlite://{}", dir.path().join("baton.db").display());
    };
    let bytes: [u8; 8] = rand::random();
    let name = format!("baton_e2e_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let status = std::process::Command::new("psql")
        .args([server.as_str(), "-q", "-v", "ON_ERROR_STOP=1", "-c"])
        .arg(format!("CREATE DATABASE {name}"))
        .status()
        .expect("run psql");
    assert!(status.success(), "psql could not create {name}");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database name");
    format!("{base}/{name}")
}

fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("BATON_E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_root().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no SPA build at {}: run `make dist` (or `make test`, which builds it) first",
        dist.display()
    );
    dist
}
