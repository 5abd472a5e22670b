//! `GET /reports/sla` and `GET /reports/sla/breaches` (session 10): SLA attainment per policy and
//! target (first reply, next reply, resolution: targets met ÷ targets that came due, DOMAIN.md
//! "Reports"), and the breaches behind it, latest due first, paged — both over the tickets the
//! report's filters select (the period by `by`, as every report). The facts are the targets
//! `sla::apply` records as they come due (`sla_outcomes`).

use super::{parse, ratio, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::reports::sla as store;
use crate::storage::sla as policies;
use baton_core::problem::field_code;
use baton_core::sla::TimerName;
use baton_core::{Attainment, Page, PolicyAttainment, SlaBreach};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

fn attainment(met: i64, breached: i64) -> Attainment {
    Attainment { met, breached, share: ratio(met, met + breached) }
}

/// Every policy of the desk in the order they are tried (those without a target due have
/// nothing met or breached), then the targets of policies deleted since, if any.
pub async fn attainment_per_policy(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Vec<PolicyAttainment>, Error> {
    let q = parse(app, user, query).await?;
    let mut conn = app.db.acquire().await?;
    let counts = store::attainment(&mut conn, &q.filter, q.moment).await?;
    let row = |policy_id: Option<i64>, name: Option<String>| {
        let of = |target: &str| {
            counts
                .iter()
                .find(|(p, t, _, _)| *p == policy_id && t == target)
                .map_or_else(|| attainment(0, 0), |(_, _, met, breached)| attainment(*met, *breached))
        };
        PolicyAttainment { policy_id, name, first_reply: of("first_reply"), next_reply: of("next_reply"), resolution: of("resolution") }
    };
    let mut rows: Vec<PolicyAttainment> =
        policies::policies(&mut conn, q.filter.tenant_id).await?.into_iter().map(|p| row(Some(p.id), Some(p.name))).collect();
    if counts.iter().any(|(p, ..)| p.is_none()) {
        rows.push(row(None, None));
    }
    Ok(rows)
}

fn target(code: &str) -> Result<TimerName, Error> {
    match code {
        "first_reply" => Ok(TimerName::FirstReply),
        "next_reply" => Ok(TimerName::NextReply),
        "resolution" => Ok(TimerName::Resolution),
        other => Err(Error::Internal(format!("an SLA outcome's target {other:?} is unknown"))),
    }
}

/// Seconds from `from` to `to` (stored timestamps; 0 if either does not read).
fn seconds(from: &str, to: &str) -> i64 {
    match (baton_core::time::timestamp(from), baton_core::time::timestamp(to)) {
        (Some(a), Some(b)) => (b - a).num_seconds(),
        _ => 0,
    }
}

pub async fn breaches(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Page<SlaBreach>, Error> {
    let q = parse(app, user, query).await?;
    let limit = paging::parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(paging::decode_time_cursor(c).ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?),
    };
    let now = crate::storage::timestamp(app.clock.now());
    let mut conn = app.db.acquire().await?;
    let mut rows = store::breaches(&mut conn, &q.filter, q.moment, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(SlaBreach {
                breached_by_secs: seconds(&r.due_at, r.stopped_at.as_deref().unwrap_or(&now)).max(0),
                target: target(&r.target)?,
                id: r.id,
                ticket_id: r.ticket_id,
                number: r.number,
                title: r.title,
                policy_id: r.policy_id,
                policy_name: r.policy_name,
                due_at: r.due_at,
                stopped_at: r.stopped_at,
                assignee_name: r.assignee_name,
                group_name: r.group_name,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let next_cursor = if more { items.last().map(|b| paging::encode_time_cursor(&b.due_at, b.id)) } else { None };
    Ok(Page { items, next_cursor })
}
