//! The ticket list: parsing its query (status, search, cursor, limit) and paging newest first.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::paging;
use crate::storage::tickets::{self as ticket_store, ListFilter, Search};
use baton_core::problem::field_code;
use baton_core::{Page, Status, TicketSummary};
use serde::Deserialize;

pub const DEFAULT_LIMIT: i64 = 25;
pub const MAX_LIMIT: i64 = 100;

/// `GET /tickets?status=&q=&cursor=&limit=`, as sent: each value is checked here so a bad one is
/// a 422 naming its parameter rather than a generic query rejection.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub status: Option<String>,
    pub q: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<String>,
}

/// One page of the tickets `user` may see.
pub async fn list(
    app: &Services,
    user: &CurrentUser,
    query: ListQuery,
) -> Result<Page<TicketSummary>, Error> {
    let filter = ListFilter {
        status: match query.status.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(code) => Some(
                Status::from_code(code)
                    .ok_or_else(|| Error::field("status", field_code::INVALID_VALUE))?,
            ),
        },
        search: query.q.as_deref().and_then(parse_search),
        after: match query.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(cursor) => Some(
                paging::decode_time_cursor(cursor)
                    .ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?,
            ),
        },
    };
    let limit = parse_limit(query.limit.as_deref())?;
    // One row more than asked tells whether there is a next page without a COUNT.
    let mut rows = ticket_store::list(&app.db, user.ticket_scope(), &filter, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|r| paging::encode_time_cursor(&r.created_at, r.id))
    } else {
        None
    };
    let items = rows
        .into_iter()
        .map(|r| r.into_summary())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page { items, next_cursor })
}

/// `#12` is a number, `12` a number or a title containing "12", anything else a title search.
fn parse_search(q: &str) -> Option<Search> {
    let q = q.trim();
    if q.is_empty() {
        return None;
    }
    if let Some(n) = q
        .strip_prefix('#')
        .and_then(|n| n.trim().parse::<i64>().ok())
    {
        return Some(Search::Number(n));
    }
    match q.parse::<i64>() {
        Ok(n) => Some(Search::NumberOrTitle(n, q.to_owned())),
        Err(_) => Some(Search::Title(q.to_owned())),
    }
}

/// `limit`, with this list's default and maximum.
fn parse_limit(limit: Option<&str>) -> Result<i64, Error> {
    paging::parse_limit(limit, DEFAULT_LIMIT, MAX_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_and_limits() {
        assert_eq!(parse_search("#12"), Some(Search::Number(12)));
        assert_eq!(
            parse_search("12"),
            Some(Search::NumberOrTitle(12, "12".into()))
        );
        assert_eq!(
            parse_search(" printer "),
            Some(Search::Title("printer".into()))
        );
        assert_eq!(parse_search("  "), None);
        assert_eq!(parse_limit(None).ok(), Some(DEFAULT_LIMIT));
        assert_eq!(parse_limit(Some("500")).ok(), Some(MAX_LIMIT));
        assert!(parse_limit(Some("0")).is_err());
        assert!(parse_limit(Some("ten")).is_err());
        assert!(parse_limit(Some("-3")).is_err());
        assert_eq!(
            parse_limit(Some("99999999999999999999999")).ok(),
            Some(MAX_LIMIT)
        );
    }
}
