//! The `baton-server` command: flags and environment in, a running server out.
//!
//! Configuration mistakes end the process with one line on stderr and exit code 2, never a panic:
//! whoever started it (a person, a script, CI) should see what to fix at a glance. Everything that
//! can be checked without side effects is checked before the port is bound (`Config::validate`),
//! so a bad value is reported as itself even when the port is taken.

use anyhow::Context;
use baton_server::config::{
    DEFAULT_ADDR, DEFAULT_DATABASE_URL, DEFAULT_DIST, DEFAULT_MAX_UPLOAD_MB, DEFAULT_PUBLIC_URL,
    DEFAULT_REQUEST_TIMEOUT_SECS, DEFAULT_SCHEDULER_LEASE_SECS, DEFAULT_STAFF_IDLE_MINUTES, MAX_UPLOAD_MB_LIMIT,
};
use baton_server::blobs::S3Credentials;
use baton_server::limits::DEFAULT_ATTEMPTS_PER_IP;
use baton_server::{demo, Config, Server};
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;

mod data_cmd;
mod key_cmd;
mod tenant_cmd;

/// Baton help desk server: the REST API under /api/v1 and the single-page app.
#[derive(Debug, Parser)]
#[command(name = "baton-server", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the SPA (the default).
    Serve(Box<ServeArgs>),
    /// Fill a database with the demo data and many tickets, for benchmarks.
    Seed(data_cmd::SeedArgs),
    /// Bring the database's schema up to date, then exit (run it once before starting or
    /// upgrading several replicas; `serve` also migrates on start).
    Migrate(data_cmd::MigrateArgs),
    /// Copy a SQLite database, consistently, while the server runs (PostgreSQL: pg_dump).
    Backup(data_cmd::BackupArgs),
    /// Re-seal every sealed value (confidential info, SSO secrets) under the current key, after a
    /// rotation, so the retired keys can be dropped.
    Rekey(key_cmd::RekeyArgs),
    /// Manage desks (tenants): `tenant create`.
    #[command(subcommand)]
    Tenant(tenant_cmd::TenantCommand),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address to listen on (host:port).
    #[arg(long, env = "BATON_ADDR", default_value = DEFAULT_ADDR)]
    addr: String,
    /// Database URL: sqlite://file (created with its directory if missing) or
    /// postgres://user:password@host:port/database.
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// Directory of the SPA build (Trunk's dist). If missing, only the API is served.
    #[arg(long, env = "BATON_DIST", default_value = DEFAULT_DIST)]
    dist: PathBuf,
    /// Seed demo tenants, accounts and tickets when the database has no tenant yet.
    #[arg(long, env = "BATON_DEMO")]
    demo: bool,
    /// Origins allowed to call the API with credentials, comma separated.
    #[arg(
        long = "cors-origin",
        env = "BATON_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    #[command(flatten)]
    keys: key_cmd::KeyArgs,
    /// The largest attachment accepted, in MiB.
    #[arg(long, env = "BATON_MAX_UPLOAD_MB", default_value_t = DEFAULT_MAX_UPLOAD_MB,
          value_parser = clap::value_parser!(u64).range(1..=MAX_UPLOAD_MB_LIMIT))]
    max_upload_mb: u64,
    /// Directory for attachments. Default: the SQLite file's directory, or ./data with
    /// PostgreSQL.
    #[arg(long = "data-dir", env = "BATON_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Seconds the scheduler's lease lasts unless renewed: with several replicas, how long the
    /// scheduled jobs may pause when the replica running them dies (2 to 3600).
    #[arg(long = "scheduler-lease-secs", env = "BATON_SCHEDULER_LEASE_SECS",
          default_value_t = DEFAULT_SCHEDULER_LEASE_SECS)]
    scheduler_lease_secs: u64,
    /// Where attachments are stored: `local` (the data directory's attachments/) or
    /// s3://bucket[/prefix]?endpoint=http://host:port&region=… (credentials from
    /// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and AWS_SESSION_TOKEN if set).
    #[arg(long = "blob-store", env = "BATON_BLOB_STORE", default_value = "local")]
    blob_store: String,
    /// Sign-ins, password-link redemptions and SSO exchanges one client address may attempt per
    /// minute, each kind apart (0: no limit). Accounts lock after 10 failed sign-ins regardless.
    #[arg(long = "attempts-per-ip", env = "BATON_ATTEMPTS_PER_IP", default_value_t = DEFAULT_ATTEMPTS_PER_IP)]
    attempts_per_ip: u32,
    /// Behind a proxy: the header with the client's address (its last entry counts), e.g.
    /// x-forwarded-for. Without it the connection's peer address is the client's.
    #[arg(long = "client-ip-header", env = "BATON_CLIENT_IP_HEADER")]
    client_ip_header: Option<String>,
    /// Minutes a staff session may go unused before it ends (0: never). Customers' sessions end
    /// only after their 14 days.
    #[arg(long = "staff-idle-minutes", env = "BATON_STAFF_IDLE_MINUTES", default_value_t = DEFAULT_STAFF_IDLE_MINUTES)]
    staff_idle_minutes: u32,
    /// Live event streams (`GET /api/v1/events`) one user may hold open on this server at once.
    #[arg(long = "streams-per-user", env = "BATON_STREAMS_PER_USER", default_value_t = baton_server::events::MAX_STREAMS_PER_USER,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    streams_per_user: usize,
    /// Seconds an API request (uploads aside) may take to answer before it is stopped (503).
    #[arg(long = "request-timeout-secs", env = "BATON_REQUEST_TIMEOUT_SECS", default_value_t = DEFAULT_REQUEST_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    request_timeout_secs: u64,
    /// The SMTP server mail leaves through: smtp://user:pass@host:port, smtps://… (TLS) or
    /// smtp://…?tls=required (STARTTLS). Without it mail waits in the outbox (GET /admin/mail).
    #[arg(long = "smtp-url", env = "BATON_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// The sender of the mail this server sends.
    #[arg(long = "mail-from", env = "BATON_MAIL_FROM", default_value = baton_server::mail::DEFAULT_FROM)]
    mail_from: String,
    /// Where people reach this server: the base of the links in mail.
    #[arg(long = "public-url", env = "BATON_PUBLIC_URL", default_value = DEFAULT_PUBLIC_URL)]
    public_url: String,
}

/// Exit code for configuration the server cannot start with.
const BAD_CONFIG: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: print and leave successfully.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(first_line(&e.to_string()).trim_start_matches("error: ")),
    };
    let args = match cli.command {
        Some(Command::Serve(args)) => *args,
        Some(Command::Seed(args)) => return data_cmd::seed(args),
        Some(Command::Migrate(args)) => return data_cmd::migrate(args),
        Some(Command::Backup(args)) => return data_cmd::backup(args),
        Some(Command::Rekey(args)) => return key_cmd::rekey(args),
        Some(Command::Tenant(command)) => return tenant_cmd::run(command),
        None => cli.serve,
    };
    let Some(addr) = resolve(&args.addr) else {
        return fail(&format!(
            "invalid --addr {:?}: expected host:port, e.g. {DEFAULT_ADDR}",
            args.addr
        ));
    };
    init_tracing();
    let mut config = Config {
        addr,
        database_url: args.database,
        dist: Some(args.dist),
        demo: args.demo,
        cors_origins: args
            .cors_origins
            .into_iter()
            .filter(|o| !o.trim().is_empty())
            .collect(),
        max_upload_mb: args.max_upload_mb,
        data_dir: args.data_dir,
        scheduler_lease_secs: args.scheduler_lease_secs,
        blob_store: Some(args.blob_store),
        blob_credentials: S3Credentials::from_env(),
        attempts_per_ip: args.attempts_per_ip,
        client_ip_header: args.client_ip_header.filter(|h| !h.trim().is_empty()),
        staff_idle_minutes: args.staff_idle_minutes,
        streams_per_user: args.streams_per_user,
        request_timeout_secs: args.request_timeout_secs,
        smtp_url: args.smtp_url.filter(|u| !u.trim().is_empty()),
        mail_from: args.mail_from,
        public_url: args.public_url,
        ..Config::default()
    };
    args.keys.apply(&mut config);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(run(config))
}

async fn run(config: Config) -> ExitCode {
    let mails = config.smtp_url.is_some();
    let server = match Server::start(config).await {
        Ok(server) => server,
        Err(e) => return fail(&first_line(&e.to_string())),
    };
    println!("Baton is listening on http://{}", server.local_addr());
    if !mails {
        println!("No --smtp-url: mail (setup links, invitations, resets) waits in the outbox (GET /api/v1/admin/mail).");
    }
    if !server.has_tenants() {
        println!("No help desk yet. Create one and its owner (it prints the owner's set-password link):");
        println!("  baton-server tenant create --slug acme --name \"Acme Support\" --owner-email you@example.com");
        println!("  (with this server's --database and --public-url), or start with --demo for the demo desks.");
    }
    if server.has_demo_data() {
        println!("Demo accounts (password {:?}):", demo::PASSWORD);
        for a in demo::ACCOUNTS {
            println!(
                "  {:<24} {:<12} {:<9} {}",
                a.email,
                a.name,
                a.role.code(),
                a.tenant
            );
        }
        println!("Widget and SSO (demo secrets: public, NEVER use them for a real tenant):");
        for (slug, secret) in [
            (demo::TENANT_SLUG, demo::SSO_SECRET),
            (demo::OTHER_TENANT_SLUG, demo::OTHER_SSO_SECRET),
        ] {
            println!("  data-tenant={slug:<8} HS256 secret {secret}");
        }
        println!("  try it: python3 scripts/widget-demo.py  (a demo shop on http://127.0.0.1:8000)");
    }
    if let Err(e) = shutdown_signal().await {
        eprintln!("baton-server: {e:#}");
    }
    server.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM from a service manager or container runtime.
async fn shutdown_signal() -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
        tokio::select! {
            r = tokio::signal::ctrl_c() => r.context("cannot listen for Ctrl-C")?,
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c()
        .await
        .context("cannot listen for Ctrl-C")?;
    Ok(())
}

/// Logs go to stderr; `RUST_LOG` overrides the default level.
pub(crate) fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let colors = std::io::stderr().is_terminal();
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colors)
        .init();
}

/// `host:port` as an address: an IP literal, or a name such as `localhost` (its first address).
fn resolve(addr: &str) -> Option<SocketAddr> {
    addr.parse()
        .ok()
        .or_else(|| addr.to_socket_addrs().ok()?.next())
}

pub(crate) fn first_line(message: &str) -> String {
    message
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .to_owned()
}

pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("baton-server: {message}");
    ExitCode::from(BAD_CONFIG)
}
