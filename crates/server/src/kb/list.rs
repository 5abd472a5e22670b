//! The article list: parsing its query (q, category, status, cursor, limit) and paging.
//!
//! The cursor is an offset, unlike the ticket list's keyset: relevance order has no column to
//! seek from, and a knowledge base changes rarely enough that a page shifting under a reader is
//! harmless.

use super::{markdown, search, Reader};
use crate::error::Error;
use crate::paging;
use crate::storage::kb::{self as kb_store, ListFilter};
use crate::storage::Db;
use baton_core::kb::{ArticleStatus, ArticleSummary, EXCERPT_MAX};
use baton_core::problem::field_code;
use baton_core::Page;
use serde::Deserialize;

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 50;
/// Longest search text, in characters: a ticket title, the longest thing suggestions search for.
pub const Q_MAX: usize = 200;

/// `GET /kb/articles?q=&category_id=&status=&cursor=&limit=`, as sent: each value is checked
/// here so a bad one is a 422 naming its parameter.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub q: Option<String>,
    pub category_id: Option<String>,
    pub status: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<String>,
}

/// Which statuses a list shows: `published` (the default), `draft` or `all`.
fn parse_status(status: Option<&str>) -> Result<Option<ArticleStatus>, Error> {
    match status.filter(|s| !s.is_empty()) {
        None => Ok(Some(ArticleStatus::Published)),
        Some("all") => Ok(None),
        Some(code) => ArticleStatus::from_code(code)
            .map(Some)
            .ok_or_else(|| Error::field("status", field_code::INVALID_VALUE)),
    }
}

/// One page of the reader's articles: best matches first with `q`, else recently updated first.
pub async fn list(
    db: &Db,
    reader: Reader,
    query: ListQuery,
) -> Result<Page<ArticleSummary>, Error> {
    let q = query.q.as_deref().unwrap_or_default();
    if q.chars().count() > Q_MAX {
        return Err(Error::field("q", field_code::TOO_LONG));
    }
    let status = parse_status(query.status.as_deref())?;
    let category_id = match query.category_id.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(id) => Some(
            id.parse::<i64>()
                .map_err(|_| Error::field("category_id", field_code::INVALID_VALUE))?,
        ),
    };
    let offset = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => {
            decode_cursor(c).ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?
        }
    };
    let limit = parse_limit(query.limit.as_deref())?;
    if status != Some(ArticleStatus::Published) && !reader.is_staff() {
        return Err(reader.drafts_refused());
    }
    let Some(tenant_id) = reader.tenant_id else {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    };
    let filter = ListFilter {
        status,
        category_id,
        search: search::parse(q),
    };
    // One row more than asked tells whether there is a next page without a COUNT.
    let mut rows = kb_store::list(
        db,
        tenant_id,
        &filter,
        EXCERPT_MAX as i64,
        limit + 1,
        offset,
    )
    .await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = more.then(|| encode_cursor(offset + limit));
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(ArticleSummary {
                status: r.status()?,
                category: r.category(),
                excerpt: markdown::excerpt(&r.excerpt, EXCERPT_MAX),
                id: r.id,
                title: r.title,
                updated_at: r.updated_at,
            })
        })
        .collect::<Result<Vec<_>, crate::storage::Error>>()?;
    Ok(Page { items, next_cursor })
}

/// The opaque cursor: `kb:<offset>`, hex encoded so clients treat it as a token.
fn encode_cursor(offset: i64) -> String {
    paging::encode_cursor(&format!("kb:{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<i64> {
    let offset = paging::decode_cursor(cursor, 64)?
        .strip_prefix("kb:")?
        .parse::<i64>()
        .ok()?;
    (offset >= 0).then_some(offset)
}

fn parse_limit(limit: Option<&str>) -> Result<i64, Error> {
    paging::parse_limit(limit, DEFAULT_LIMIT, MAX_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        assert_eq!(decode_cursor(&encode_cursor(40)), Some(40));
        for bad in ["zz", "abc", "6b623a2d31", "00"] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn statuses_and_limits() {
        assert_eq!(
            parse_status(None).ok(),
            Some(Some(ArticleStatus::Published))
        );
        assert_eq!(parse_status(Some("all")).ok(), Some(None));
        assert_eq!(
            parse_status(Some("draft")).ok(),
            Some(Some(ArticleStatus::Draft))
        );
        assert!(parse_status(Some("deleted")).is_err());
        assert_eq!(parse_limit(None).ok(), Some(DEFAULT_LIMIT));
        assert_eq!(parse_limit(Some("5")).ok(), Some(5));
        assert_eq!(parse_limit(Some("500")).ok(), Some(MAX_LIMIT));
        assert!(parse_limit(Some("0")).is_err());
        assert!(parse_limit(Some("-1")).is_err());
    }
}
