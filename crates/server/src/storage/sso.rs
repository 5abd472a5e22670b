//! Single sign-on and embedding: tenant slugs, SSO secrets, allowed embed origins, used token
//! ids, and the customer a verified token signs in (created or updated from its claims).

use super::Db;
use crate::storage::{Conn, Error};

/// A tenant found by its public slug.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TenantRow {
    pub id: i64,
    pub name: String,
    pub slug: String,
}

pub async fn tenant_by_slug(db: &Db, slug: &str) -> Result<Option<TenantRow>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, name, slug FROM tenants WHERE slug = $1")
        .bind(slug)
        .fetch_optional(c).await).map_err(Error::from)
}

pub async fn slug(db: &Db, tenant_id: i64) -> Result<Option<String>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT slug FROM tenants WHERE id = $1")
        .bind(tenant_id)
        .fetch_optional(c).await)
        .map(Option::flatten).map_err(Error::from)
}

pub async fn set_slug(
    conn: &mut Conn,
    tenant_id: i64,
    slug: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE tenants SET slug = $1 WHERE id = $2")
        .bind(slug)
        .bind(tenant_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The tenant's SSO secret and when it was set, if SSO is set up.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SecretRow {
    pub secret: String,
    pub rotated_at: String,
}

pub async fn secret(db: &Db, tenant_id: i64) -> Result<Option<SecretRow>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT secret, rotated_at FROM tenant_sso WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// Replaces the tenant's secret: tokens signed with the old one stop working at once.
pub async fn set_secret(
    conn: &mut Conn,
    tenant_id: i64,
    secret: &str,
    now: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO tenant_sso (tenant_id, secret, rotated_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET secret = excluded.secret, rotated_at = excluded.rotated_at",
    )
    .bind(tenant_id)
    .bind(secret)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The origins allowed to embed the widget, in the order the admin gave them.
pub async fn origins(db: &Db, tenant_id: i64) -> Result<Vec<String>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT origin FROM embed_origins WHERE tenant_id = $1 ORDER BY position")
        .bind(tenant_id)
        .fetch_all(c).await).map_err(Error::from)
}

/// Replaces the allowed origins (already normalized and deduplicated by baton-core).
pub async fn set_origins(
    conn: &mut Conn,
    tenant_id: i64,
    origins: &[String],
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM embed_origins WHERE tenant_id = $1")
        .bind(tenant_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    for (position, origin) in origins.iter().enumerate() {
        crate::on!(conn, |c| sqlx::query("INSERT INTO embed_origins (tenant_id, position, origin) VALUES ($1, $2, $3)")
            .bind(tenant_id)
            .bind(position as i64)
            .bind(origin)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Records a token id as used; false if it already was (a replay).
pub async fn use_jti(
    conn: &mut Conn,
    tenant_id: i64,
    jti: &str,
    keep_until: &str,
) -> Result<bool, Error> {
    let inserted = crate::on!(conn, |c| sqlx::query(
        "INSERT INTO sso_used_jtis (tenant_id, jti, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, jti) DO NOTHING",
    )
    .bind(tenant_id)
    .bind(jti)
    .bind(keep_until)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

/// Forgets token ids whose tokens have expired: they would be refused as expired anyway.
pub async fn purge_jtis(conn: &mut Conn, now: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM sso_used_jtis WHERE expires_at <= $1")
        .bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The customer a token describes.
pub struct SsoUser<'a> {
    pub tenant_id: i64,
    pub external_id: &'a str,
    /// Normalized (trimmed, lowercase).
    pub email: &'a str,
    pub name: &'a str,
    pub customer_group: Option<&'a str>,
}

/// What [`upsert_customer`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// The customer's id, created or updated.
    Customer(i64),
    /// The external id or email belongs to staff: SSO never signs staff in, so a host's secret
    /// cannot be turned into an agent's or admin's session.
    Staff,
    /// The email belongs to another customer with another external id.
    EmailTaken,
}

/// Finds the customer by external id, else by email (linking the host's id to an existing
/// account), else creates one; then brings name, email and group up to date with the claims.
pub async fn upsert_customer(
    tx: &mut Conn,
    u: &SsoUser<'_>,
    now: &str,
) -> Result<Upsert, Error> {
    let group_id = match u.customer_group {
        Some(name) => Some(group(tx, u.tenant_id, name.trim(), now).await?),
        None => None,
    };
    let by_external: Option<(i64, String)> =
        crate::on!(tx, |c| sqlx::query_as("SELECT id, role FROM users WHERE tenant_id = $1 AND external_id = $2")
            .bind(u.tenant_id)
            .bind(u.external_id)
            .fetch_optional(c).await)?;
    let by_email: Option<(i64, String, Option<String>)> =
        crate::on!(tx, |c| sqlx::query_as("SELECT id, role, external_id FROM users WHERE tenant_id = $1 AND email = $2")
            .bind(u.tenant_id)
            .bind(u.email)
            .fetch_optional(c).await)?;
    let id = match (by_external, by_email) {
        (Some((_, role)), _) | (None, Some((_, role, _))) if role != "customer" => {
            return Ok(Upsert::Staff)
        }
        (Some((id, _)), Some((other, _, _))) if other != id => return Ok(Upsert::EmailTaken),
        (Some((id, _)), _) => id,
        (None, Some((_, _, Some(_)))) => return Ok(Upsert::EmailTaken),
        (None, Some((id, _, None))) => id,
        (None, None) => {
            // "!" is no PHC string, so password login never succeeds for this account: it
            // exists only through the host's sign-in.
            return crate::on!(tx, |c| sqlx::query_scalar(
                "INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash,
                                    created_at, external_id)
                 VALUES ($1, $2, $3, 'customer', $4, '!', $5, $6) RETURNING id",
            )
            .bind(u.tenant_id)
            .bind(u.email)
            .bind(u.name.trim())
            .bind(group_id)
            .bind(now)
            .bind(u.external_id)
            .fetch_one(c).await)
            .map(Upsert::Customer)
            .map_err(Error::from);
        }
    };
    // No group claim leaves the group as it is: hosts that do not manage groups keep the
    // ones an admin set.
    crate::on!(tx, |c| sqlx::query(
        "UPDATE users SET external_id = $1, email = $2, name = $3,
                          customer_group_id = COALESCE($4, customer_group_id)
         WHERE tenant_id = $5 AND id = $6",
    )
    .bind(u.external_id)
    .bind(u.email)
    .bind(u.name.trim())
    .bind(group_id)
    .bind(u.tenant_id)
    .bind(id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(Upsert::Customer(id))
}

/// The id of the tenant's customer group `name`, created (not sharing tickets) if missing.
async fn group(
    tx: &mut Conn,
    tenant_id: i64,
    name: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(tx, |c| sqlx::query(
        "INSERT INTO customer_groups (tenant_id, name, shares_tickets, created_at)
         VALUES ($1, $2, FALSE, $3) ON CONFLICT (tenant_id, name) DO NOTHING",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    crate::on!(tx, |c| sqlx::query_scalar("SELECT id FROM customer_groups WHERE tenant_id = $1 AND name = $2")
        .bind(tenant_id)
        .bind(name)
        .fetch_one(c).await).map_err(Error::from)
}
