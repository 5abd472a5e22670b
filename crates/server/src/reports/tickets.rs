//! `GET /reports/tickets`: the tickets behind a number of the summary (`metric`), with the same
//! filters, newest first, paged like every list (`limit`, opaque `cursor`).

use super::{parse, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::reports::tickets::{self as store, Metric};
use baton_core::problem::field_code;
use baton_core::{Page, ReportTicket};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

/// The `metric` (and `rating`) of a query; `period` when absent.
pub fn metric(query: &ReportQuery) -> Result<Metric, Error> {
    let rating = match query.rating.as_deref().filter(|r| !r.is_empty()) {
        None => None,
        Some(r) => match r.parse::<i64>() {
            Ok(n) if (1..=5).contains(&n) => Some(n),
            _ => return Err(Error::field("rating", field_code::INVALID_VALUE)),
        },
    };
    let metric = match query.metric.as_deref().unwrap_or("period") {
        "period" => Metric::Period,
        "created" => Metric::Created,
        "solved" => Metric::Solved,
        "backlog" => Metric::Backlog,
        "resolved" => Metric::Resolved,
        "reopened" => Metric::Reopened,
        "replied" => Metric::Replied,
        "rated" => Metric::Rated(rating),
        _ => return Err(Error::field("metric", field_code::INVALID_VALUE)),
    };
    if rating.is_some() && !matches!(metric, Metric::Rated(_)) {
        return Err(Error::field("rating", field_code::INVALID_VALUE));
    }
    Ok(metric)
}

pub async fn tickets(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Page<ReportTicket>, Error> {
    let q = parse(app, user, query).await?;
    let metric = metric(query)?;
    let limit = paging::parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(paging::decode_time_cursor(c).ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?),
    };
    let mut conn = app.db.acquire().await?;
    let mut rows = store::page(&mut conn, &q.filter, q.moment, metric, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let items = rows.into_iter().map(store::ReportTicketRow::into_ticket).collect::<Result<Vec<_>, _>>()?;
    let next_cursor = if more { items.last().map(|t| paging::encode_time_cursor(&t.created_at, t.id)) } else { None };
    Ok(Page { items, next_cursor })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_and_ratings_are_checked() {
        let q = |metric: &str, rating: Option<&str>| ReportQuery {
            metric: Some(metric.to_owned()),
            rating: rating.map(str::to_owned),
            ..ReportQuery::default()
        };
        let cases = [
            (q("backlog", None), Some(Metric::Backlog)),
            (q("rated", Some("4")), Some(Metric::Rated(Some(4)))),
            (q("rated", Some("6")), None),
            (q("solved", Some("4")), None),
            (q("everything", None), None),
        ];
        for (query, want) in cases {
            assert_eq!(metric(&query).ok(), want, "{query:?}");
        }
    }
}
