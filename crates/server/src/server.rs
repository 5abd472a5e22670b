//! A running server: check the configuration, bind, open and migrate the database, seed the demo,
//! and serve on the current tokio runtime until [`Server::shutdown`].

use crate::config::{Config, ConfigError};
use crate::demo;
use crate::http::{app, AppState, StateError};
use crate::scheduler::{Scheduler, SchedulerHandle};
use crate::secret::check::{self as key_check, CheckError};
use crate::storage::{self, OpenError};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How long [`Server::shutdown`] waits for requests in flight.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Why a server did not start. Each message is one line, meant for a human at a terminal.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Invalid(#[from] ConfigError),
    #[error(transparent)]
    Database(#[from] OpenError),
    #[error("cannot seed the demo data: {0}")]
    Seed(String),
    #[error(transparent)]
    Config(#[from] StateError),
    #[error(transparent)]
    SecretKey(#[from] CheckError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// A server serving in the background.
pub struct Server {
    local_addr: SocketAddr,
    demo: bool,
    has_tenants: bool,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
    scheduler: SchedulerHandle,
    holder: String,
    state: AppState,
}

impl Server {
    /// Checks the configuration, binds `config.addr`, opens and migrates the database, seeds the
    /// demo if asked and the database is empty, and starts serving.
    pub async fn start(config: Config) -> Result<Server, StartError> {
        // Check first, without side effects: a bad value must be reported as itself, not hidden
        // behind a taken port (say, a developer's `make run` on 8080 while tests run).
        config.validate()?;
        // Then bind, before anything touches the disk: a taken port is the most common mistake,
        // and it should not leave a fresh database or key file behind. Nothing is logged at info
        // level until everything that can fail has been tried, so a failed start prints one line.
        let bind_error = |source| StartError::Bind {
            addr: config.addr,
            source,
        };
        let listener = TcpListener::bind(config.addr).await.map_err(bind_error)?;
        let local_addr = listener.local_addr().map_err(bind_error)?;
        let db = storage::open(&config.database_url).await?;
        let state = AppState::new(db, &config)?;
        // Before anything is written: a replica with another key must not seal a single value.
        key_check::database(&state.db, &state.cipher).await?;
        let seed_error = |e: &dyn std::fmt::Display| StartError::Seed(e.to_string());
        if config.demo {
            demo::seed_if_empty(&state.db).await.map_err(|e| seed_error(&e))?;
        }
        let demo = demo::is_present(&state.db).await.map_err(|e| seed_error(&e))?;
        let mut conn = state.db.acquire().await.map_err(|e| seed_error(&e))?;
        let has_tenants = storage::tenants::any(&mut conn).await.map_err(|e| seed_error(&e))?;
        drop(conn);
        let lease = Duration::from_secs(config.scheduler_lease_secs);
        let scheduler = Scheduler::new(state.services.clone(), lease);
        let holder = scheduler.holder().to_owned();
        let scheduler = scheduler.spawn();
        let (stop, stopped) = oneshot::channel::<()>();
        let router = app(state.clone());
        let task = tokio::spawn(async move {
            // The peer's address, for the rate limits (`http::extract::ClientIp`).
            axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async {
                    // A dropped sender stops the server too, rather than leaving it orphaned.
                    let _ = stopped.await;
                })
                .await
        });
        Ok(Server {
            local_addr,
            demo,
            has_tenants,
            stop,
            task,
            scheduler,
            holder,
            state,
        })
    }

    /// The clock the server's requests and scheduled jobs read: tests move it instead of waiting
    /// (the SLA watch, auto-close, digests).
    pub fn clock(&self) -> crate::clock::Clock {
        self.state.services.clock.clone()
    }

    /// The address actually bound (the real port when `config.addr` asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Whether the demo tenant exists in the database (seeded now or earlier).
    pub fn has_demo_data(&self) -> bool {
        self.demo
    }

    /// Whether the database held any desk when the server started (without one, nobody can
    /// sign in: `baton-server tenant create` makes the first).
    pub fn has_tenants(&self) -> bool {
        self.has_tenants
    }

    /// The id under which this server holds the scheduler's lease when it does
    /// (`storage::scheduler::holder` tells who holds it now).
    pub fn scheduler_holder(&self) -> &str {
        &self.holder
    }

    /// The state the server runs with (its database pool, for tests that inspect rows).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops accepting, lets in-flight requests finish (for at most [`SHUTDOWN_GRACE`], so a
    /// client that never lets go cannot hold the process), gives the scheduler's lease up, then
    /// closes the database (which ends the live-events relay). Once it returns, the port no
    /// longer answers.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(());
        match tokio::time::timeout(SHUTDOWN_GRACE, &mut self.task).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => tracing::error!(error = %e, "server stopped with an error"),
            Ok(Err(e)) => tracing::error!(error = %e, "server task failed"),
            Err(_) => {
                tracing::warn!("requests still running after the grace period; cutting them off");
                self.task.abort();
                let _ = (&mut self.task).await;
            }
        }
        self.scheduler.stop().await;
        self.state.db.close().await;
    }
}
