//! Knowledge base: categories, articles and their search (SQLite FTS5 with the trigram tokenizer,
//! LIKE for words too short to index). Every query filters on the caller's tenant.

use super::tickets::like_pattern;
use super::{decode_code, Db};
use baton_core::kb::{ArticleStatus, Category};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// The tenant whose help center answers visitors who are not signed in: the lowest id, i.e. the
/// first desk created on this server. See `crate::kb::Reader` for why.
pub async fn default_tenant(db: &Db) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MIN(id) FROM tenants")
        .fetch_one(db)
        .await
}

#[derive(Debug, sqlx::FromRow)]
struct CategoryRow {
    id: i64,
    name: String,
}

/// The tenant's categories, in the order they were created.
pub async fn categories(db: &Db, tenant_id: i64) -> Result<Vec<Category>, sqlx::Error> {
    let rows: Vec<CategoryRow> =
        sqlx::query_as("SELECT id, name FROM kb_categories WHERE tenant_id = ? ORDER BY id")
            .bind(tenant_id)
            .fetch_all(db)
            .await?;
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
    conn: &mut SqliteConnection,
    tenant_id: i64,
    id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM kb_categories WHERE tenant_id = ? AND id = ?)")
        .bind(tenant_id)
        .bind(id)
        .fetch_one(conn)
        .await
}

/// Whether the tenant has a category called `name`.
pub async fn category_named(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    name: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM kb_categories WHERE tenant_id = ? AND name = ?)",
    )
    .bind(tenant_id)
    .bind(name)
    .fetch_one(conn)
    .await
}

/// Creates a category; its id.
pub async fn insert_category(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    name: &str,
    now: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO kb_categories (tenant_id, name, created_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(now)
    .fetch_one(conn)
    .await
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

impl ArticleRow {
    pub fn status(&self) -> Result<ArticleStatus, sqlx::Error> {
        decode_code("status", &self.status)
    }

    pub fn category(&self) -> Option<Category> {
        category(self.category_id, self.category_name.as_deref())
    }
}

fn category(id: Option<i64>, name: Option<&str>) -> Option<Category> {
    Some(Category {
        id: id?,
        name: name?.to_owned(),
    })
}

const FROM: &str = "FROM kb_articles a
    LEFT JOIN kb_categories c ON c.id = a.category_id AND c.tenant_id = a.tenant_id";

/// The article `id` of `tenant_id`; drafts only if `drafts`.
pub async fn get(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    id: i64,
    drafts: bool,
) -> Result<Option<ArticleRow>, sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new(format!(
        "SELECT a.id, a.title, a.body_markdown, a.status, a.updated_at,
                c.id AS category_id, c.name AS category_name {FROM}
         WHERE a.tenant_id = "
    ));
    q.push_bind(tenant_id).push(" AND a.id = ").push_bind(id);
    if !drafts {
        q.push(" AND a.status = 'published'");
    }
    q.build_query_as().fetch_optional(conn).await
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
    conn: &mut SqliteConnection,
    tenant_id: i64,
    a: &ArticleFields<'_>,
    now: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO kb_articles (tenant_id, category_id, title, body_markdown, body_text, status,
                                  created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
    )
    .bind(tenant_id)
    .bind(a.category_id)
    .bind(a.title)
    .bind(a.body_markdown)
    .bind(a.body_text)
    .bind(a.status.code())
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Overwrites every field of the article `id` of `tenant_id` (the caller merged the patch).
pub async fn update(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    id: i64,
    a: &ArticleFields<'_>,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE kb_articles SET category_id = ?, title = ?, body_markdown = ?, body_text = ?,
                                status = ?, updated_at = ?
         WHERE tenant_id = ? AND id = ?",
    )
    .bind(a.category_id)
    .bind(a.title)
    .bind(a.body_markdown)
    .bind(a.body_text)
    .bind(a.status.code())
    .bind(now)
    .bind(tenant_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// How a search matches, as prepared by `crate::kb::search`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    /// An FTS5 MATCH expression (quoted phrases joined by OR), ranked by bm25 with the title
    /// weighing ten times the body.
    FullText(String),
    /// Words too short for the trigram index: any of them in the title or body, ranked by how
    /// many match (a title match counts twice).
    Like(Vec<String>),
}

/// What a list may be narrowed to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ListFilter {
    /// Only articles with this status; `None` for all.
    pub status: Option<ArticleStatus>,
    pub category_id: Option<i64>,
    pub search: Option<Search>,
}

/// One list row: `excerpt` is the start of the plain-text body, cut by the caller.
#[derive(Debug, sqlx::FromRow)]
pub struct SummaryRow {
    pub id: i64,
    pub title: String,
    pub excerpt: String,
    pub status: String,
    pub updated_at: String,
    pub category_id: Option<i64>,
    pub category_name: Option<String>,
}

impl SummaryRow {
    pub fn status(&self) -> Result<ArticleStatus, sqlx::Error> {
        decode_code("status", &self.status)
    }

    pub fn category(&self) -> Option<Category> {
        category(self.category_id, self.category_name.as_deref())
    }
}

/// Up to `limit` articles of `tenant_id` after skipping `offset`: best matches first when
/// searching, else recently updated first. Excerpts carry one character more than `excerpt_len`
/// so the caller can tell whether the text goes on.
pub async fn list(
    db: &Db,
    tenant_id: i64,
    filter: &ListFilter,
    excerpt_len: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new("SELECT a.id, a.title, substr(a.body_text, 1, ");
    q.push_bind(excerpt_len + 1);
    q.push(format!(
        ") AS excerpt, a.status, a.updated_at, c.id AS category_id, c.name AS category_name {FROM}"
    ));
    if let Some(Search::FullText(expr)) = &filter.search {
        q.push(
            " JOIN (SELECT rowid AS id, bm25(kb_articles_fts, 10.0, 1.0) AS score
                    FROM kb_articles_fts WHERE kb_articles_fts MATCH ",
        );
        q.push_bind(expr.clone()).push(") m ON m.id = a.id");
    }
    q.push(" WHERE a.tenant_id = ").push_bind(tenant_id);
    if let Some(status) = filter.status {
        q.push(" AND a.status = ").push_bind(status.code());
    }
    if let Some(category_id) = filter.category_id {
        q.push(" AND a.category_id = ").push_bind(category_id);
    }
    let words = match &filter.search {
        Some(Search::Like(words)) if !words.is_empty() => words.as_slice(),
        _ => &[],
    };
    if !words.is_empty() {
        q.push(" AND (");
        push_like_score(&mut q, words);
        q.push(") > 0");
    }
    q.push(" ORDER BY ");
    match &filter.search {
        Some(Search::FullText(_)) => {
            q.push("m.score, ");
        }
        Some(Search::Like(_)) if !words.is_empty() => {
            push_like_score(&mut q, words);
            q.push(" DESC, ");
        }
        _ => {}
    }
    q.push("a.updated_at DESC, a.id DESC LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    q.build_query_as().fetch_all(db).await
}

/// The sum over `words` of 2 for a title containing it and 1 for a body containing it.
fn push_like_score(q: &mut QueryBuilder<'_, Sqlite>, words: &[String]) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            q.push(" + ");
        }
        let pattern = like_pattern(word);
        q.push("(CASE WHEN a.title LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' THEN 2 ELSE 0 END + CASE WHEN a.body_text LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\' THEN 1 ELSE 0 END)");
    }
}
