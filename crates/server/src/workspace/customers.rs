//! Customers as agents see them: search by a part of name, email or phone, register a new caller
//! (409 `already_exists` for an email the tenant knows), and the customer panel with their latest
//! tickets the agent may see. Phone registration itself is `tickets::create_for`.

use super::staff;
use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::tickets::{self as ticket_store, like_pattern, ListFilter};
use crate::storage::users::normalize_email;
use crate::storage::{self, Db, TicketScope};
use baton_core::agent::checks;
use baton_core::problem::field_code;
use baton_core::{CustomerInfo, CustomerPanel, GroupRef, NewCustomer};

/// Most customers a search answers, and most tickets in the panel.
pub const MAX_RESULTS: i64 = 20;

/// A password hash no password matches: a customer registered by an agent signs in by SSO (or
/// after a reset) — never with a guessable default.
const NO_PASSWORD: &str = "!registered-by-agent";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    email: String,
    phone: Option<String>,
    group_id: Option<i64>,
    group_name: Option<String>,
}

impl Row {
    fn into_info(self) -> CustomerInfo {
        let customer_group = self.group_id.zip(self.group_name).map(|(id, name)| GroupRef { id, name });
        CustomerInfo { id: self.id, name: self.name, email: self.email, phone: self.phone, customer_group }
    }
}

const SELECT: &str = "SELECT u.id, u.name, u.email, u.phone, g.id AS group_id, g.name AS group_name
     FROM users u LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id
     WHERE u.role = 'customer' AND u.tenant_id = ?";

/// Customers whose name, email or phone contains `q` (all when empty), by name; at most
/// `limit` (1–20, default 20).
pub async fn search(db: &Db, user: &CurrentUser, q: &str, limit: Option<i64>) -> Result<Vec<CustomerInfo>, Error> {
    staff(user)?;
    let limit = match limit {
        None => MAX_RESULTS,
        Some(n) if (1..=MAX_RESULTS).contains(&n) => n,
        Some(_) => return Err(Error::field("limit", field_code::INVALID_VALUE)),
    };
    let pattern = like_pattern(q.trim());
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} AND (u.name LIKE ?2 ESCAPE '\\' OR u.email LIKE ?2 ESCAPE '\\' OR u.phone LIKE ?2 ESCAPE '\\')
         ORDER BY u.name, u.id LIMIT ?3"
    ))
    .bind(user.tenant_id)
    .bind(pattern)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Row::into_info).collect())
}

/// Customer `id` of the user's tenant; 404 for anyone else (staff, another tenant, nobody).
pub async fn find(db: &Db, user: &CurrentUser, id: i64) -> Result<CustomerInfo, Error> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} AND u.id = ?"))
        .bind(user.tenant_id)
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(Row::into_info).ok_or(Error::NotFound)
}

pub async fn create(db: &Db, user: &CurrentUser, new: NewCustomer) -> Result<CustomerInfo, Error> {
    staff(user)?;
    checks::new_customer(&new).map_err(Error::Validation)?;
    if let Some(group) = new.customer_group_id {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customer_groups WHERE tenant_id = ? AND id = ?")
            .bind(user.tenant_id)
            .bind(group)
            .fetch_one(db)
            .await?;
        if n == 0 {
            return Err(Error::field("customer_group_id", field_code::INVALID_VALUE));
        }
    }
    let now = storage::timestamp(storage::now());
    let phone = new.phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
    // UNIQUE (tenant_id, email) decides, so two agents registering one caller at once get one row.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash, created_at, phone)
         VALUES (?, ?, ?, 'customer', ?, ?, ?, ?) ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id",
    )
    .bind(user.tenant_id)
    .bind(normalize_email(&new.email))
    .bind(new.name.trim())
    .bind(new.customer_group_id)
    .bind(NO_PASSWORD)
    .bind(now)
    .bind(phone)
    .fetch_optional(db)
    .await?;
    let id = id.ok_or(Error::AlreadyExists("a user with this email exists"))?;
    find(db, user, id).await
}

/// The customer and their latest tickets that `user` may see, newest first.
pub async fn panel(db: &Db, user: &CurrentUser, id: i64) -> Result<CustomerPanel, Error> {
    staff(user)?;
    let customer = find(db, user, id).await?;
    let scope = TicketScope { requester_id: Some(id), share_group_id: None, ..user.ticket_scope() };
    let rows = ticket_store::list(db, scope, &ListFilter::default(), MAX_RESULTS).await?;
    let tickets = rows.into_iter().map(|r| r.into_summary()).collect::<Result<_, _>>()?;
    Ok(CustomerPanel { customer, tickets })
}
