//! Tenants (help desks) and their customer groups.

use super::Db;
use crate::storage::{Conn, Error};

/// Creates a tenant with its unique `slug`; its id. A slug already taken is a unique violation
/// ([`Error::is_unique_violation`]).
pub async fn create(
    conn: &mut Conn,
    name: &str,
    slug: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO tenants (name, slug, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(slug)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Whether any tenant exists (the demo seed runs only on an empty database).
pub async fn any(conn: &mut Conn) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tenants)")
        .fetch_one(c).await).map_err(Error::from)
}

/// The id of the tenant called `name`, the lowest if several are.
pub async fn find_by_name(db: &Db, name: &str) -> Result<Option<i64>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT id FROM tenants WHERE name = $1 ORDER BY id LIMIT 1")
        .bind(name)
        .fetch_optional(c).await).map_err(Error::from)
}

/// Creates a customer group in `tenant_id`; its id.
pub async fn create_customer_group(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    shares_tickets: bool,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO customer_groups (tenant_id, name, shares_tickets, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(shares_tickets)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// A desk's settings as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingsRow {
    pub name: String,
    pub slug: Option<String>,
    pub auto_close_days: i64,
    pub signup_mode: String,
    /// Comma-separated, lowercase.
    pub signup_domains: String,
    // Session 10 (reports): the desk's time zone.
    pub time_zone: String,
    pub logo_text: String,
    /// `zh-CN` or `en`.
    pub language: String,
}

/// The settings of `tenant_id`.
pub async fn settings(db: &Db, tenant_id: i64) -> Result<Option<SettingsRow>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT name, slug, auto_close_days, signup_mode, signup_domains, time_zone, logo_text, language
         FROM tenants WHERE id = $1")
        .bind(tenant_id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// A change of a desk's settings: each `None` keeps the stored value.
#[derive(Debug, Default)]
pub struct SettingsChange<'a> {
    pub name: Option<&'a str>,
    pub auto_close_days: Option<i64>,
    pub signup_mode: Option<&'a str>,
    /// Comma-separated, lowercase.
    pub signup_domains: Option<&'a str>,
    // Session 10 (reports): an IANA zone name, checked.
    pub time_zone: Option<&'a str>,
    /// Trimmed; empty: the product's name.
    pub logo_text: Option<&'a str>,
    pub language: Option<&'a str>,
}

/// Sets the settings of `tenant_id` that `change` gives.
pub async fn update_settings(conn: &mut Conn, tenant_id: i64, change: &SettingsChange<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE tenants SET name = COALESCE($2, name), auto_close_days = COALESCE($3, auto_close_days),
                signup_mode = COALESCE($4, signup_mode), signup_domains = COALESCE($5, signup_domains),
                time_zone = COALESCE($6, time_zone), logo_text = COALESCE($7, logo_text),
                language = COALESCE($8, language)
         WHERE id = $1",
    )
    .bind(tenant_id)
    .bind(change.name)
    .bind(change.auto_close_days)
    .bind(change.signup_mode)
    .bind(change.signup_domains)
    .bind(change.time_zone)
    .bind(change.logo_text)
    .bind(change.language)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The desk's time zone (an IANA name; `UTC` for a desk that does not exist).
pub async fn time_zone(conn: &mut Conn, tenant_id: i64) -> Result<String, Error> {
    let zone: Option<String> = crate::on!(conn, |c| sqlx::query_scalar("SELECT time_zone FROM tenants WHERE id = $1")
        .bind(tenant_id)
        .fetch_optional(c).await)?;
    Ok(zone.unwrap_or_else(|| "UTC".to_owned()))
}

/// A desk as sign-up sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignupDesk {
    pub id: i64,
    pub name: String,
    pub signup_mode: String,
    pub signup_domains: String,
}

/// The desk of slug `slug`, or without one, every desk (at most `limit`, by id): sign-up with
/// no slug works on an installation of one desk only.
pub async fn for_signup(conn: &mut Conn, slug: Option<&str>, limit: i64) -> Result<Vec<SignupDesk>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, name, signup_mode, signup_domains FROM tenants WHERE ($1 IS NULL OR slug = $1) ORDER BY id LIMIT $2",
    )
    .bind(slug)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// Every desk that closes solved tickets by itself, with its number of days.
pub async fn auto_closing(db: &Db) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, auto_close_days FROM tenants WHERE auto_close_days > 0 ORDER BY id")
        .fetch_all(c).await).map_err(Error::from)
}
