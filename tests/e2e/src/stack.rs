//! The server side of a test: a fresh SQLite file in a temp dir, demo data, and the built SPA.

use baton_server::{Config, Server};
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;

/// One reference server on 127.0.0.1:<free port> with its own database.
pub struct Stack {
    server: Option<Server>,
    dir: TempDir,
    addr: SocketAddr,
}

impl Stack {
    /// Starts the server with demo data and the SPA from `dist/` (built by `make dist`).
    pub async fn start() -> Stack {
        let dist = dist_dir();
        let dir = tempfile::tempdir().expect("temp dir");
        let server = Server::start(config(&dir, "127.0.0.1:0".parse().expect("addr"), dist))
            .await
            .expect("the reference server starts");
        let addr = server.local_addr();
        Stack { server: Some(server), dir, addr }
    }

    /// `http://127.0.0.1:PORT` — no trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url())
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
        let server = Server::start(config(&self.dir, self.addr, dist_dir()))
            .await
            .expect("the reference server restarts on the same port");
        self.server = Some(server);
    }
}

fn config(dir: &TempDir, addr: SocketAddr, dist: PathBuf) -> Config {
    Config {
        addr,
        database_url: format!("sqlite://{}", dir.path().join("baton.db").display()),
        dist: Some(dist),
        demo: true,
        cors_origins: Vec::new(),
        ..Default::default()
    }
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
