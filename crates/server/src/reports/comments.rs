//! `GET /reports/comments`: the comments customers left with their ratings, for the period's
//! tickets (by `by`, the same filters as the CSAT numbers; `rating` narrows to one score), newest
//! rating first, paged like every list. The comment is the customer's text: clients show it as
//! text.

use super::{parse, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::reports::comments as store;
use baton_core::problem::field_code;
use baton_core::{Page, RatingComment};

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 200;

pub async fn comments(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Page<RatingComment>, Error> {
    let q = parse(app, user, query).await?;
    let rating = match query.rating.as_deref().filter(|r| !r.is_empty()) {
        None => None,
        Some(r) => match r.parse::<i64>() {
            Ok(n) if (1..=5).contains(&n) => Some(n),
            _ => return Err(Error::field("rating", field_code::INVALID_VALUE)),
        },
    };
    let limit = paging::parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(paging::decode_time_cursor(c).ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?),
    };
    let mut conn = app.db.acquire().await?;
    let mut rows = store::page(&mut conn, &q.filter, q.moment, rating, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let items: Vec<RatingComment> = rows
        .into_iter()
        .map(|r| RatingComment { ticket_id: r.ticket_id, number: r.number, rating: r.rating, comment: r.comment, rated_at: r.rated_at })
        .collect();
    let next_cursor = if more { items.last().map(|c| paging::encode_time_cursor(&c.rated_at, c.ticket_id)) } else { None };
    Ok(Page { items, next_cursor })
}
