//! Customers as the admin console manages them (`/admin/customers`, `customers.manage`): the list
//! with search, filters, sort and paging, one customer, their edit (name, email unique in the
//! desk, phone, customer group) with deactivation and reactivation ([`change`]), the merge of two
//! customers ([`merge`]), the CSV import (`customers.import`, [`import`]) and customer groups
//! ([`groups`]).

mod change;
pub mod groups;
pub mod import;
mod merge;

pub use change::change;
pub use merge::merge;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::customers_admin::{self as store, AdminRow, GroupFilter, ListFilter, Sort, StateFilter};
use crate::storage::tickets::like_pattern;
use crate::storage::Conn;
use baton_core::problem::field_code;
use baton_core::{AdminCustomer, CustomerInfo, CustomerList, GroupRef, Permission, Role};

/// A page of the list unless `limit` says otherwise, and the most one page holds.
pub const PAGE: i64 = 50;
pub const PAGE_MAX: i64 = 200;

/// `GET /admin/customers`'s parameters, as the client sent them.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    /// A part of the name, email or phone.
    pub q: Option<String>,
    /// A customer group's id, or `none`.
    pub group: Option<String>,
    /// `all` (the default), `active` or `deactivated`.
    pub state: Option<String>,
    /// `name` (the default), `email` or `created`; `-` in front for descending.
    pub sort: Option<String>,
    pub limit: Option<String>,
    pub cursor: Option<String>,
}

/// The cursor of the page that starts at `offset` (opaque to clients).
fn offset_cursor(offset: i64) -> String {
    paging::encode_cursor(&format!("o{offset}"))
}

fn parse_query(q: &ListQuery) -> Result<ListFilter, Error> {
    let bad = |field: &str| Error::field(field, field_code::INVALID_VALUE);
    let pattern = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(like_pattern);
    let group = match q.group.as_deref().filter(|g| !g.is_empty()) {
        None => GroupFilter::Any,
        Some("none") => GroupFilter::None,
        Some(id) => GroupFilter::Group(id.parse().map_err(|_| bad("group"))?),
    };
    let state = match q.state.as_deref().unwrap_or("all") {
        "" | "all" => StateFilter::All,
        "active" => StateFilter::Active,
        "deactivated" => StateFilter::Deactivated,
        _ => return Err(bad("state")),
    };
    let sort = match q.sort.as_deref().unwrap_or("name") {
        "" | "name" => Sort::Name,
        "-name" => Sort::NameDesc,
        "email" => Sort::Email,
        "-email" => Sort::EmailDesc,
        "created" => Sort::Created,
        "-created" => Sort::CreatedDesc,
        _ => return Err(bad("sort")),
    };
    let limit = paging::parse_limit(q.limit.as_deref(), PAGE, PAGE_MAX)?;
    let offset = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => paging::decode_cursor(c, 64)
            .and_then(|t| t.strip_prefix('o').and_then(|n| n.parse::<i64>().ok()))
            .filter(|n| *n >= 0)
            .ok_or_else(|| bad("cursor"))?,
    };
    Ok(ListFilter { pattern, group, state, sort, offset, limit })
}

/// A page of the desk's customers as `q` asks. The cursor is an offset: a customer added or
/// removed between two pages shifts the next one by a row, which an admin list can live with.
pub async fn list(app: &Services, user: &CurrentUser, q: &ListQuery) -> Result<CustomerList, Error> {
    user.require(Permission::CustomersManage)?;
    let filter = parse_query(q)?;
    let mut conn = app.db.acquire().await?;
    let (rows, total) = store::list(&mut conn, user.tenant_id, &filter).await?;
    let next = filter.offset + i64::try_from(rows.len()).unwrap_or_default();
    let next_cursor = (next < total && !rows.is_empty()).then(|| offset_cursor(next));
    Ok(CustomerList { items: rows.into_iter().map(admin_customer).collect(), next_cursor, total })
}

/// Customer `id` of the caller's desk (404 for staff, another desk's, nobody).
pub async fn get(app: &Services, user: &CurrentUser, id: i64) -> Result<AdminCustomer, Error> {
    user.require(Permission::CustomersManage)?;
    let mut conn = app.db.acquire().await?;
    one(&mut conn, user.tenant_id, id).await
}

async fn one(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<AdminCustomer, Error> {
    store::one(conn, tenant_id, id).await?.map(admin_customer).ok_or(Error::NotFound)
}

fn admin_customer(r: AdminRow) -> AdminCustomer {
    let customer_group = r.group_id.zip(r.group_name).map(|(id, name)| GroupRef { id, name });
    AdminCustomer {
        customer: CustomerInfo { id: r.id, name: r.name, email: r.email, phone: r.phone, customer_group, role: Role::Customer },
        active: r.deactivated_at.is_none(),
        merged_into: r.merged_into,
        created_at: r.created_at,
        tickets: r.tickets,
    }
}
