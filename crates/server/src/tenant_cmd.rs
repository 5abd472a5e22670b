//! `baton-server tenant create` (part of the binary, not the library): creates a desk and its
//! owner through `accounts::create_tenant` and prints the owner's single-use setup link. Like the
//! other commands, a refusal is one line on stderr and exit code 2.

use crate::{fail, first_line};
use baton_server::accounts::{self, NewTenant, SetupMail, SETUP_TTL};
use baton_server::mail::Lang;
use baton_server::config::{self, DEFAULT_DATABASE_URL, DEFAULT_PUBLIC_URL};
use baton_server::error::Error;
use baton_server::storage;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum TenantCommand {
    /// Create a desk and its owner, and print the link where the owner sets a password.
    Create(CreateArgs),
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// The desk's slug: 2 to 40 of a-z, 0-9 and inner '-' (in URLs and at login).
    #[arg(long)]
    slug: String,
    /// The desk's name as people see it.
    #[arg(long)]
    name: String,
    /// The owner's email: they sign in with it once they have set a password.
    #[arg(long = "owner-email")]
    owner_email: String,
    /// Database URL (sqlite://… or postgres://…); migrated, and a SQLite file created, if missing.
    #[arg(long = "database", env = "BATON_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// Where people reach this server: the base of the printed link.
    #[arg(long = "public-url", env = "BATON_PUBLIC_URL", default_value = DEFAULT_PUBLIC_URL)]
    public_url: String,
    /// The desk's language (its people's until they choose one), and so the owner's setup mail's: en or zh-CN.
    #[arg(long = "language", default_value = "en")]
    language: String,
}

pub fn run(command: TenantCommand) -> ExitCode {
    match command {
        TenantCommand::Create(args) => create(args),
    }
}

fn create(args: CreateArgs) -> ExitCode {
    if let Err(e) = config::check_database_url(&args.database) {
        return fail(&e.to_string());
    }
    if !baton_core::validate::is_http_url(&args.public_url) {
        return fail(&format!(
            "invalid --public-url {:?}: expected an http(s) URL, e.g. {DEFAULT_PUBLIC_URL}",
            args.public_url
        ));
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    runtime.block_on(async {
        let db = match storage::open(&args.database).await {
            Ok(db) => db,
            Err(e) => return fail(&first_line(&e.to_string())),
        };
        let new = NewTenant {
            slug: &args.slug,
            name: &args.name,
            owner_email: &args.owner_email,
        };
        // The setup link is also queued as a mail to the owner: the server sends it when it has
        // an SMTP server (--smtp-url), and its outbox lists it either way.
        let mail = SetupMail { public_url: &args.public_url, lang: Lang::from_code(&args.language) };
        let created = accounts::create_tenant_mailing(&db, storage::now(), &new, Some(&mail)).await;
        db.close().await;
        match created {
            Ok(created) => {
                println!(
                    "Created the desk {:?} (slug {}) and its owner {}.",
                    args.name.trim(),
                    args.slug,
                    args.owner_email.trim()
                );
                println!(
                    "The owner sets a password at this link (works once, for {} days; a server with --smtp-url also mails it):",
                    SETUP_TTL.whole_days()
                );
                println!("{}", accounts::password_link(&args.public_url, &created.token));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&refusal(&args, &e)),
        }
    })
}

/// One line saying why the desk was not created.
fn refusal(args: &CreateArgs, e: &Error) -> String {
    match e {
        Error::AlreadyExists(_) => format!("the slug {:?} is already taken: choose another --slug", args.slug),
        Error::Validation(errors) => errors
            .iter()
            .map(|f| match f.field.as_str() {
                "slug" => format!(
                    "invalid --slug {:?}: use 2 to 40 of a-z, 0-9 and '-' (not first or last)",
                    args.slug
                ),
                "name" => format!("invalid --name {:?}: {}", args.name, f.code),
                "owner_email" => format!("invalid --owner-email {:?}: not an email address", args.owner_email),
                other => format!("invalid {other}: {}", f.code),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => format!("cannot create the desk: {}", first_line(&other.to_string())),
    }
}
