//! `--name value` pairs, and the HTTP client every mode uses.

use std::collections::HashMap;
use std::time::Duration;

pub struct Args(HashMap<String, String>);

impl Args {
    pub fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut map = HashMap::new();
        while let Some(name) = argv.next() {
            let key = name.strip_prefix("--").ok_or_else(|| format!("expected --name, got {name:?}"))?;
            let value = argv.next().ok_or_else(|| format!("--{key} needs a value"))?;
            map.insert(key.to_owned(), value);
        }
        Ok(Args(map))
    }

    pub fn text(&self, name: &str) -> Result<&str, String> {
        self.0.get(name).map(String::as_str).ok_or_else(|| format!("--{name} is required"))
    }

    pub fn number(&self, name: &str, default: u64) -> Result<u64, String> {
        self.0.get(name).map_or(Ok(default), |v| v.parse().map_err(|_| format!("--{name}: not a number: {v}")))
    }

    /// A comma-separated list.
    pub fn list(&self, name: &str) -> Result<Vec<String>, String> {
        Ok(self.text(name)?.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
    }

    /// The base URL, loopback only: this tool must never load anything else.
    pub fn base(&self) -> Result<String, String> {
        let base = self.text("base")?.trim_end_matches('/').to_owned();
        let loopback = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"];
        if !loopback.iter().any(|p| base.starts_with(p)) {
            return Err(format!("--base must be a loopback http URL, got {base}"));
        }
        Ok(base)
    }
}

/// A client whose pool keeps one connection per concurrent worker.
pub fn client(connections: usize) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .connect_timeout(Duration::from_secs(10))
        .tcp_nodelay(true)
        .build()
        .map_err(|e| format!("HTTP client: {e}"))
}
