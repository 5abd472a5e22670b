//! Customers as the admin console manages them (`/admin/customers`): the list with search,
//! filters, sort and paging, one customer with where they stand, and their edit. The merge of two
//! customers is [`merge`], the CSV import's reads and writes [`import`], customer groups [`groups`].

pub mod groups;
pub mod import;
pub mod merge;

use crate::storage::{Conn, Error, Sql};

/// A customer with what the admin list shows.
#[derive(Debug, sqlx::FromRow)]
pub struct AdminRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub deactivated_at: Option<String>,
    pub merged_into: Option<i64>,
    pub created_at: String,
    pub tickets: i64,
}

/// Which customers by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    All,
    Active,
    /// Deactivated, merged ones included.
    Deactivated,
}

/// Which customers by group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupFilter {
    Any,
    /// In no customer group.
    None,
    Group(i64),
}

/// The list's order; every one ends with the id, so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    NameDesc,
    Email,
    EmailDesc,
    Created,
    CreatedDesc,
}

impl Sort {
    fn order_by(self) -> &'static str {
        match self {
            Sort::Name => " ORDER BY u.name, u.id",
            Sort::NameDesc => " ORDER BY u.name DESC, u.id DESC",
            Sort::Email => " ORDER BY u.email, u.id",
            Sort::EmailDesc => " ORDER BY u.email DESC, u.id DESC",
            Sort::Created => " ORDER BY u.created_at, u.id",
            Sort::CreatedDesc => " ORDER BY u.created_at DESC, u.id DESC",
        }
    }
}

/// What the list asks for: a LIKE pattern on name, email or phone, filters, order and the page.
pub struct ListFilter {
    pub pattern: Option<String>,
    pub group: GroupFilter,
    pub state: StateFilter,
    pub sort: Sort,
    pub offset: i64,
    pub limit: i64,
}

const SELECT: &str = "SELECT u.id, u.name, u.email, u.phone, g.id AS group_id, g.name AS group_name, u.deactivated_at,
     u.merged_into, u.created_at,
     (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = u.tenant_id AND t.requester_id = u.id) AS tickets
     FROM users u LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = u.tenant_id";

/// The WHERE clause of the list (after `FROM users u …`).
fn filtered(sql: &mut Sql, tenant_id: i64, like: &str, f: &ListFilter) {
    sql.push(" WHERE u.role = 'customer' AND u.tenant_id = ").push_bind(tenant_id);
    if let Some(pattern) = &f.pattern {
        for (i, column) in ["u.name", "u.email", "u.phone"].into_iter().enumerate() {
            sql.push(if i == 0 { " AND (" } else { " OR " }).push(format!("{column} {like} "));
            sql.push_bind(pattern.clone()).push(" ESCAPE '\\'");
        }
        sql.push(")");
    }
    match f.group {
        GroupFilter::Any => {}
        GroupFilter::None => {
            sql.push(" AND u.customer_group_id IS NULL");
        }
        GroupFilter::Group(id) => {
            sql.push(" AND u.customer_group_id = ").push_bind(id);
        }
    }
    match f.state {
        StateFilter::All => {}
        StateFilter::Active => {
            sql.push(" AND u.deactivated_at IS NULL");
        }
        StateFilter::Deactivated => {
            sql.push(" AND u.deactivated_at IS NOT NULL");
        }
    }
}

/// One page of the tenant's customers as `f` asks, and how many match in all.
pub async fn list(conn: &mut Conn, tenant_id: i64, f: &ListFilter) -> Result<(Vec<AdminRow>, i64), Error> {
    let like = conn.dialect().like();
    let mut count = Sql::new("SELECT COUNT(*) FROM users u");
    filtered(&mut count, tenant_id, like, f);
    let total: i64 = count.fetch_scalar(conn).await?;
    let mut sql = Sql::new(SELECT);
    filtered(&mut sql, tenant_id, like, f);
    sql.push(f.sort.order_by()).push(" LIMIT ").push_bind(f.limit).push(" OFFSET ").push_bind(f.offset);
    Ok((sql.fetch_all(conn).await?, total))
}

/// Customer `id` of the tenant (not staff).
pub async fn one(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<AdminRow>, Error> {
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE u.role = 'customer' AND u.tenant_id = ").push_bind(tenant_id).push(" AND u.id = ").push_bind(id);
    sql.fetch_optional(conn).await
}

/// A customer's editable properties, as stored.
pub struct Fields<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub group_id: Option<i64>,
}

/// Writes customer `id`'s name, email, phone and group; a unique violation means the email is
/// another user's of the desk.
pub async fn set_fields(conn: &mut Conn, tenant_id: i64, id: i64, f: &Fields<'_>) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE users SET name = $3, email = $4, phone = $5, customer_group_id = $6
         WHERE tenant_id = $1 AND id = $2 AND role = 'customer'",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(f.name)
    .bind(f.email)
    .bind(f.phone)
    .bind(f.group_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether any other user of the tenant (staff too) has this email.
pub async fn email_of_another(conn: &mut Conn, tenant_id: i64, id: i64, email: &str) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE tenant_id = $1 AND email = $2 AND id <> $3")
        .bind(tenant_id)
        .bind(email)
        .bind(id)
        .fetch_one(c).await)?;
    Ok(n > 0)
}
