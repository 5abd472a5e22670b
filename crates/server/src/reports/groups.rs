//! `GET /reports/groups`: the workload per agent group — assigned, solved, open now, public
//! replies and internal notes — beside the per-agent one, with the same filters; `group` chooses
//! the rows (every group of the desk when absent) rather than the tickets. A ticket counts for
//! the group it is in now (one ticket, one group, as `assigned` counts per agent).

use super::{parse, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::reports::groups as store;
use baton_core::GroupWorkload;
use std::collections::HashMap;

pub async fn groups(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Vec<GroupWorkload>, Error> {
    let mut q = parse(app, user, query).await?;
    let rows = std::mem::take(&mut q.filter.groups);
    let f = &q.filter;
    let mut conn = app.db.acquire().await?;
    let groups = store::list(&mut conn, f.tenant_id, &rows).await?;
    let counts: HashMap<i64, (i64, i64, i64)> =
        store::counts(&mut conn, f, q.moment).await?.into_iter().map(|(g, a, s, o)| (g, (a, s, o))).collect();
    let messages: HashMap<i64, (i64, i64)> =
        store::messages(&mut conn, f).await?.into_iter().map(|(g, p, n)| (g, (p, n))).collect();
    Ok(groups
        .into_iter()
        .map(|(id, name)| {
            let (assigned, solved, open_now) = counts.get(&id).copied().unwrap_or_default();
            let (public_replies, internal_notes) = messages.get(&id).copied().unwrap_or_default();
            GroupWorkload { group_id: id, name, assigned, solved, open_now, public_replies, internal_notes }
        })
        .collect())
}
