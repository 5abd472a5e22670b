//! Customers as agents see them: search by a part of name, email or phone, register a new caller
//! (409 `already_exists` for an email the tenant knows), and the customer panel with their latest
//! tickets the agent may see — also as a ticket's requester panel, for any requester. Phone registration itself is `tickets::create_for`.

use super::staff;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::tickets::{self as ticket_store, like_pattern, ListFilter};
use crate::storage::users::normalize_email;
use crate::storage::customers::{self as store, NewCustomerRow};
use crate::storage::{self, directory, Db, TicketScope};
use baton_core::agent::checks;
use baton_core::problem::field_code;
use baton_core::{CustomerInfo, CustomerPanel, NewCustomer, Permission};

/// Most customers a search answers, and most tickets in the panel.
pub const MAX_RESULTS: i64 = 20;

/// A password hash no password matches: a customer registered by an agent signs in by SSO (or
/// after a reset) — never with a guessable default.
const NO_PASSWORD: &str = "!registered-by-agent";

/// Customers whose name, email or phone contains `q` (all when empty), by name; at most
/// `limit` (1–20, default 20). Deactivated and merged customers are left out: a new ticket is
/// never registered for someone who can no longer sign in (`/admin/customers` still lists them).
pub async fn search(db: &Db, user: &CurrentUser, q: &str, limit: Option<i64>) -> Result<Vec<CustomerInfo>, Error> {
    staff(user)?;
    let limit = match limit {
        None => MAX_RESULTS,
        Some(n) if (1..=MAX_RESULTS).contains(&n) => n,
        Some(_) => return Err(Error::field("limit", field_code::INVALID_VALUE)),
    };
    let pattern = like_pattern(q.trim());
    Ok(store::search(db, user.tenant_id, &pattern, limit).await?)
}

/// Customer `id` of the user's tenant; 404 for anyone else (staff, another tenant, nobody).
pub async fn find(db: &Db, user: &CurrentUser, id: i64) -> Result<CustomerInfo, Error> {
    store::find(db, user.tenant_id, id).await?.ok_or(Error::NotFound)
}

/// Registers a customer: `customers.manage` (customers lack it: 403).
pub async fn create(app: &Services, user: &CurrentUser, new: NewCustomer) -> Result<CustomerInfo, Error> {
    let db = &app.db;
    user.require(Permission::CustomersManage)?;
    checks::new_customer(&new).map_err(Error::Validation)?;
    if let Some(group) = new.customer_group_id {
        if !directory::customer_group_exists(db, user.tenant_id, group).await? {
            return Err(Error::field("customer_group_id", field_code::INVALID_VALUE));
        }
    }
    let now = storage::timestamp(app.clock.now());
    let phone = new.phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let email = normalize_email(&new.email);
    let row = NewCustomerRow {
        tenant_id: user.tenant_id,
        email: &email,
        name: new.name.trim(),
        customer_group_id: new.customer_group_id,
        password_hash: NO_PASSWORD,
        phone,
        now: &now,
    };
    let mut tx = db.begin_write().await?;
    let id = store::insert(&mut tx, &row).await?;
    let id = id.ok_or(Error::AlreadyExists("a user with this email exists"))?;
    let entry = Entry::new("customer.created", id, row.name).field("email", None::<()>, Some(&email)).field("phone", None::<()>, phone);
    audit::record(&mut tx, app, user, entry.field("customer_group_id", None::<()>, new.customer_group_id)).await?;
    tx.commit().await?;
    find(db, user, id).await
}

/// The customer and their latest tickets that `user` may see, newest first.
pub async fn panel(db: &Db, user: &CurrentUser, id: i64) -> Result<CustomerPanel, Error> {
    staff(user)?;
    let customer = find(db, user, id).await?;
    with_tickets(db, user, customer).await
}

/// The panel of ticket `ticket_id`'s requester, whoever asked it — a customer, or a staff member
/// (then `role` says so and there is no customer group): staff only, 404 for anyone else, as every
/// ticket-scoped staff endpoint.
pub async fn requester_panel(db: &Db, user: &CurrentUser, ticket_id: i64) -> Result<CustomerPanel, Error> {
    if !user.role.is_staff() {
        return Err(Error::NotFound);
    }
    let mut conn = db.acquire().await?;
    let ticket = ticket_store::get(&mut conn, user.ticket_scope(), ticket_id).await?.ok_or(Error::NotFound)?;
    drop(conn);
    let requester = store::user(db, user.tenant_id, ticket.requester_id).await?.ok_or(Error::NotFound)?;
    with_tickets(db, user, requester).await
}

/// `person` with their latest tickets that `user` may see, newest first.
async fn with_tickets(db: &Db, user: &CurrentUser, person: CustomerInfo) -> Result<CustomerPanel, Error> {
    let scope = TicketScope { requester_id: Some(person.id), share_group_id: None, ..user.ticket_scope() };
    let rows = ticket_store::list(db, scope, &ListFilter::default(), MAX_RESULTS).await?;
    let tickets = rows.into_iter().map(|r| r.into_summary()).collect::<Result<_, _>>()?;
    Ok(CustomerPanel { customer: person, tickets })
}
