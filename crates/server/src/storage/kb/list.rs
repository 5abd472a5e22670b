//! Listing and searching the knowledge base's articles.

use crate::storage::{Error, Sql};
use super::FROM;
use crate::storage::tickets::like_pattern;
use crate::storage::{Db, Dialect};
use baton_core::kb::ArticleStatus;

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
) -> Result<Vec<SummaryRow>, Error> {
    let dialect = db.dialect();
    // (PostgreSQL's substr takes an integer, not a bigint parameter.)
    let mut q = Sql::new("SELECT a.id, a.title, substr(a.body_text, 1, CAST(");
    q.push_bind(excerpt_len + 1);
    q.push(format!(
        " AS INTEGER)) AS excerpt, a.status, a.updated_at, c.id AS category_id, c.name AS category_name {FROM}"
    ));
    if let Some(Search::FullText(expr)) = &filter.search {
        match dialect {
            Dialect::Sqlite => {
                q.push(
                    " JOIN (SELECT rowid AS id, bm25(kb_articles_fts, 10.0, 1.0) AS score
                            FROM kb_articles_fts WHERE kb_articles_fts MATCH ",
                );
                q.push_bind(expr.clone()).push(") m ON m.id = a.id");
            }
            // The same MATCH text and bm25 ranking over trigram indexes (migration 0003).
            Dialect::Postgres => {
                q.push(" JOIN kb_articles_fts_match(").push_bind(tenant_id).push(", ");
                q.push_bind(expr.clone()).push(") m ON m.id = a.id");
            }
        }
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
        push_like_score(&mut q, words, dialect);
        q.push(") > 0");
    }
    q.push(" ORDER BY ");
    match &filter.search {
        Some(Search::FullText(_)) => {
            q.push("m.score, ");
        }
        Some(Search::Like(_)) if !words.is_empty() => {
            push_like_score(&mut q, words, dialect);
            q.push(" DESC, ");
        }
        _ => {}
    }
    q.push("a.updated_at DESC, a.id DESC LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    q.fetch_all(&mut db.acquire().await?).await
}

/// The sum over `words` of 2 for a title containing it and 1 for a body containing it.
fn push_like_score(q: &mut Sql, words: &[String], dialect: Dialect) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            q.push(" + ");
        }
        let (pattern, like) = (like_pattern(word), dialect.like());
        q.push(format!("(CASE WHEN a.title {like} "))
            .push_bind(pattern.clone())
            .push(format!(" ESCAPE '\\' THEN 2 ELSE 0 END + CASE WHEN a.body_text {like} "))
            .push_bind(pattern)
            .push(" ESCAPE '\\' THEN 1 ELSE 0 END)");
    }
}
