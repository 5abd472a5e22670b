//! The demo seed (`--demo`): two tenants, their people, a few tickets and knowledge-base articles,
//! so the SPA has something to show and isolation between tenants can be tried by hand. It runs
//! only on a database without any tenant, in one transaction, so it never mixes with real data.

mod agents;
// Automations (issue 13).
mod automations;
pub mod bulk;
mod catalog;
mod kb;
mod tickets;
// Workflows (issue 13).
mod workflows;

use crate::auth;
use crate::storage::{self, sso, tenants, users, Conn, Db};
use baton_core::Role;
use std::collections::HashMap;

/// The password of every demo account.
pub const PASSWORD: &str = "baton-demo";

pub const TENANT: &str = "Baton Demo";
pub const OTHER_TENANT: &str = "Other Desk";

/// The tenants' public slugs (the widget loader's `data-tenant`).
pub const TENANT_SLUG: &str = "demo";
pub const OTHER_TENANT_SLUG: &str = "other";

/// The demo tenants' SSO secrets. Public, so anyone can sign a token for these tenants: fine
/// for trying the widget, never for a real tenant, whose admin rotates a random one.
pub const SSO_SECRET: &str = "baton-demo-sso-secret-NOT-FOR-PRODUCTION";
pub const OTHER_SSO_SECRET: &str = "baton-other-sso-secret-NOT-FOR-PRODUCTION";

/// The origins the demo tenant lets embed its widget: scripts/widget-demo.py's default port.
pub const DEMO_EMBED_ORIGINS: [&str; 2] = ["http://127.0.0.1:8000", "http://localhost:8000"];

/// A demo login.
#[derive(Debug, Clone, Copy)]
pub struct Account {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub tenant: &'static str,
    pub customer_group: Option<&'static str>,
}

const fn account(
    email: &'static str,
    name: &'static str,
    role: Role,
    tenant: &'static str,
    customer_group: Option<&'static str>,
) -> Account {
    Account {
        email,
        name,
        role,
        tenant,
        customer_group,
    }
}

pub const ACCOUNTS: &[Account] = &[
    account(
        "alice@customer.test",
        "Alice Chen",
        Role::Customer,
        TENANT,
        Some("Acme"),
    ),
    account(
        "bob@customer.test",
        "Bob Li",
        Role::Customer,
        TENANT,
        Some("Acme"),
    ),
    account(
        "carol@customer.test",
        "Carol Wu",
        Role::Customer,
        TENANT,
        Some("Globex"),
    ),
    account("agent@baton.test", "Agent Smith", Role::Agent, TENANT, None),
    account("agent2@baton.test", "Li Lei", Role::Agent, TENANT, None),
    account("admin@baton.test", "Ada Admin", Role::Admin, TENANT, None),
    // The desk's opener: an admin nobody can demote.
    account("owner@baton.test", "Olivia Owner", Role::Owner, TENANT, None),
    // An agent with the custom role "Auditor" (demo/agents.rs): sees every ticket, reveals nothing.
    account("auditor@baton.test", "Wang Shen", Role::Agent, TENANT, None),
    // Workflows (issue 13): the goods-return flow's supervisor and warehouse (demo/workflows.rs).
    account("supervisor@baton.test", "Zhou Min", Role::Agent, TENANT, None),
    account("warehouse@baton.test", "Chen Gang", Role::Agent, TENANT, None),
    account(
        "other-agent@other.test",
        "Olga Other",
        Role::Agent,
        OTHER_TENANT,
        None,
    ),
    account(
        "dave@other.test",
        "Dave Doe",
        Role::Customer,
        OTHER_TENANT,
        None,
    ),
];

/// Customer groups: (tenant, name, shares_tickets).
const GROUPS: &[(&str, &str, bool)] = &[(TENANT, "Acme", true), (TENANT, "Globex", false)];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Database(#[from] storage::Error),
    #[error(transparent)]
    Hash(#[from] auth::HashError),
    #[error("hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// The bulk seed found tenants, but not the demo's: it adds to the demo desk only.
    #[error("the database has tenants but none called {0:?}: seed an empty database")]
    NoDemoTenant(&'static str),
}

/// Whether the demo tenant exists.
pub async fn is_present(db: &Db) -> Result<bool, storage::Error> {
    Ok(tenants::find_by_name(db, TENANT).await?.is_some())
}

/// Seeds the demo if the database has no tenant; whether it did.
pub async fn seed_if_empty(db: &Db) -> Result<bool, SeedError> {
    // One hash for all accounts: the password is public anyway, and seven argon2 runs would slow
    // every test start for nothing.
    let hash = tokio::task::spawn_blocking(|| auth::hash_password(PASSWORD)).await??;
    let mut tx = db.begin_write().await?;
    // Checked inside the write transaction, so two servers starting at once seed only once.
    if tenants::any(&mut tx).await? {
        return Ok(false);
    }
    seed(&mut tx, &hash).await?;
    tx.commit().await?;
    tracing::debug!("seeded the demo data");
    Ok(true)
}

async fn seed(conn: &mut Conn, hash: &str) -> Result<(), storage::Error> {
    let now = storage::now();
    let created = storage::timestamp(now);
    let mut tenant_ids = HashMap::new();
    for (name, slug, secret) in [
        (TENANT, TENANT_SLUG, SSO_SECRET),
        (OTHER_TENANT, OTHER_TENANT_SLUG, OTHER_SSO_SECRET),
    ] {
        tenant_ids.insert(name, tenants::create(conn, name, slug, &created).await?);
        sso::set_secret(conn, tenant_ids[name], secret, &created).await?;
    }
    // The demo desk takes sign-ups from anyone, so `make run` shows them; the other stays
    // staff-only, as a new desk is.
    let open = tenants::SettingsChange { signup_mode: Some("open"), ..Default::default() };
    tenants::update_settings(conn, tenant_ids[TENANT], &open).await?;
    // Session 10 (reports): the demo desk counts its days in China's time.
    let zone = tenants::SettingsChange { time_zone: Some("Asia/Shanghai"), ..Default::default() };
    tenants::update_settings(conn, tenant_ids[TENANT], &zone).await?;
    // scripts/widget-demo.py serves a host page there, to try the widget by hand.
    let origins = DEMO_EMBED_ORIGINS.map(str::to_owned);
    sso::set_origins(conn, tenant_ids[TENANT], &origins).await?;
    let mut group_ids = HashMap::new();
    for (tenant, name, shares) in GROUPS {
        let id = tenants::create_customer_group(conn, tenant_ids[tenant], name, *shares, &created)
            .await?;
        group_ids.insert(*name, id);
    }
    let mut user_ids = HashMap::new();
    for a in ACCOUNTS {
        let user = users::NewUser {
            tenant_id: tenant_ids[a.tenant],
            email: a.email,
            name: a.name,
            role: a.role,
            customer_group_id: a.customer_group.map(|g| group_ids[g]),
            password_hash: hash,
        };
        user_ids.insert(a.email, users::create(conn, &user, &created).await?);
    }
    agents::seed(conn, tenant_ids[TENANT], &user_ids, &created).await?;
    let types = catalog::seed(conn, tenant_ids[TENANT], &created).await?;
    tickets::seed(conn, &tenant_ids, &user_ids, now).await?;
    workflows::seed(conn, tenant_ids[TENANT], &types, &user_ids, now).await?;
    automations::seed(conn, tenant_ids[TENANT], group_ids["Acme"], &created).await?;
    kb::seed(conn, &tenant_ids, now).await
}
