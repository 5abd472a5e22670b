//! `GET /reports/agents`: the workload per agent — assigned, solved, open now, replies and
//! notes, first-reply median and CSAT — with the same filters as the summary; `agent` chooses
//! the rows (every staff member of the desk when absent) rather than the tickets.

use super::{parse, ratio, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::reports::agents as store;
use baton_core::AgentWorkload;
use std::collections::HashMap;

fn by_agent(rows: Vec<(i64, i64)>) -> HashMap<i64, i64> {
    rows.into_iter().collect()
}

pub async fn agents(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Vec<AgentWorkload>, Error> {
    let mut q = parse(app, user, query).await?;
    let rows = std::mem::take(&mut q.filter.agents);
    let f = &q.filter;
    let mut conn = app.db.acquire().await?;
    let staff = store::staff(&mut conn, f.tenant_id, &rows).await?;
    let assigned = by_agent(store::assigned(&mut conn, f, q.moment).await?);
    let solved = by_agent(store::solved(&mut conn, f).await?);
    let open_now = by_agent(store::open_now(&mut conn, f).await?);
    let messages: HashMap<i64, (i64, i64)> =
        store::messages(&mut conn, f).await?.into_iter().map(|(a, p, n)| (a, (p, n))).collect();
    let medians = by_agent(store::first_reply_medians(&mut conn, f, q.moment).await?);
    let csat: HashMap<i64, (i64, i64, i64)> =
        store::csat(&mut conn, f, q.moment).await?.into_iter().map(|(a, c, s, h)| (a, (c, s, h))).collect();
    Ok(staff
        .into_iter()
        .map(|(id, name)| {
            let (public_replies, internal_notes) = messages.get(&id).copied().unwrap_or_default();
            let (count, sum, happy) = csat.get(&id).copied().unwrap_or_default();
            AgentWorkload {
                agent_id: id,
                name,
                assigned: assigned.get(&id).copied().unwrap_or_default(),
                solved: solved.get(&id).copied().unwrap_or_default(),
                open_now: open_now.get(&id).copied().unwrap_or_default(),
                public_replies,
                internal_notes,
                first_reply_median: medians.get(&id).copied(),
                csat_count: count,
                csat_satisfied_share: ratio(happy, count),
                csat_average: ratio(sum, count),
            }
        })
        .collect())
}

