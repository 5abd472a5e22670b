//! Knowledge base: categories, articles and their search (SQLite FTS5 with the trigram tokenizer,
//! LIKE for words too short to index). Every query filters on the caller's tenant.

use super::{decode_code, Db};
use baton_core::kb::{ArticleStatus, Category};
use crate::storage::{Conn, Error, Sql};

mod categories;
mod list;
pub use categories::{delete_category, rename_category};
pub use list::{list, ListFilter, Search, SummaryRow};

/// The tenant whose help center answers visitors who are not signed in: the lowest id, i.e. the
/// first desk created on this server. See `crate::kb::Reader` for why.
pub async fn default_tenant(db: &Db) -> Result<Option<i64>, Error> {
    crate::on!(db, |c| sqlx::query_scalar("SELECT MIN(id) FROM tenants")
        .fetch_one(c).await).map_err(Error::from)
}

#[derive(Debug, sqlx::FromRow)]
struct CategoryRow {
    id: i64,
    name: String,
}

/// The tenant's categories, in the order they were created.
pub async fn categories(db: &Db, tenant_id: i64) -> Result<Vec<Category>, Error> {
    let rows: Vec<CategoryRow> =
        crate::on!(db, |c| sqlx::query_as("SELECT id, name FROM kb_categories WHERE tenant_id = $1 ORDER BY id")
            .bind(tenant_id)
            .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| Category {
            id: r.id,
            name: r.name,
        })
        .collect())
}

/// Whether the tenant has a category `id`.
pub async fn category_exists(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM kb_categories WHERE tenant_id = $1 AND id = $2)")
        .bind(tenant_id)
        .bind(id)
        .fetch_one(c).await).map_err(Error::from)
}

/// Whether the tenant has a category called `name`.
pub async fn category_named(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
) -> Result<bool, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM kb_categories WHERE tenant_id = $1 AND name = $2)",
    )
    .bind(tenant_id)
    .bind(name)
    .fetch_one(c).await).map_err(Error::from)
}

/// Creates a category; its id.
pub async fn insert_category(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO kb_categories (tenant_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// An article with its category's name.
#[derive(Debug, sqlx::FromRow)]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    pub body_markdown: String,
    pub status: String,
    pub updated_at: String,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
}

/// The accessors an article row and a list row share: the decoded status and the category, if
/// the article has one.
macro_rules! article_accessors {
    ($($row:ty),*) => {$(
        impl $row {
            pub fn status(&self) -> Result<ArticleStatus, Error> {
                decode_code("status", &self.status)
            }

            pub fn category(&self) -> Option<Category> {
                Some(Category {
                    id: self.category_id?,
                    name: self.category_name.as_deref()?.to_owned(),
                })
            }
        }
    )*};
}

article_accessors!(ArticleRow, SummaryRow);

const FROM: &str = "FROM kb_articles a
    LEFT JOIN kb_categories c ON c.id = a.category_id AND c.tenant_id = a.tenant_id";

/// The article `id` of `tenant_id`; drafts only if `drafts`.
pub async fn get(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    drafts: bool,
) -> Result<Option<ArticleRow>, Error> {
    let mut q = Sql::new(format!(
        "SELECT a.id, a.title, a.body_markdown, a.status, a.updated_at,
                c.id AS category_id, c.name AS category_name {FROM}
         WHERE a.tenant_id = "
    ));
    q.push_bind(tenant_id).push(" AND a.id = ").push_bind(id);
    if !drafts {
        q.push(" AND a.status = 'published'");
    }
    q.fetch_optional(conn).await
}

/// The columns of an article to write; `body_text` is derived from `body_markdown` by the caller.
pub struct ArticleFields<'a> {
    pub title: &'a str,
    pub body_markdown: &'a str,
    pub body_text: &'a str,
    pub category_id: Option<i64>,
    pub status: ArticleStatus,
}

/// Creates an article in `tenant_id`; its id.
pub async fn insert(
    conn: &mut Conn,
    tenant_id: i64,
    a: &ArticleFields<'_>,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO kb_articles (tenant_id, category_id, title, body_markdown, body_text, status,
                                  created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(tenant_id)
    .bind(a.category_id)
    .bind(a.title)
    .bind(a.body_markdown)
    .bind(a.body_text)
    .bind(a.status.code())
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Deletes the article `id` of `tenant_id` (the search index follows by trigger); whether it
/// was there.
pub async fn delete(db: &Db, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let deleted = crate::on!(db, |c| sqlx::query("DELETE FROM kb_articles WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(deleted > 0)
}

/// Overwrites every field of the article `id` of `tenant_id` (the caller merged the patch).
pub async fn update(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
    a: &ArticleFields<'_>,
    now: &str,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE kb_articles SET category_id = $1, title = $2, body_markdown = $3, body_text = $4,
                                status = $5, updated_at = $6
         WHERE tenant_id = $7 AND id = $8",
    )
    .bind(a.category_id)
    .bind(a.title)
    .bind(a.body_markdown)
    .bind(a.body_text)
    .bind(a.status.code())
    .bind(now)
    .bind(tenant_id)
    .bind(id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
