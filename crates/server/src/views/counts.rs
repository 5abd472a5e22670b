//! The counts of all of an agent's views in one call (`GET /views/counts`), which the workspace
//! asks for again after every live event.
//!
//! Built-in views (but starred and CC'd) are summed from `ticket_buckets` (migration 0008,
//! `storage::views::Buckets`). The others are counted from the counting index (migration 0007),
//! which still walks every ticket a broad custom view selects: so each agent's last answer is kept
//! with a [`Stamp`] of what it was computed from — the tenant's last event id and the agent's
//! stars (starring emits no event), and the agent's permissions (a role change moves their scope
//! without an event) — and reused while the stamp is the same and the answer is
//! younger than [`FRESH_FOR`] (relative date conditions such as `-7d`, and group membership, move
//! without events).

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::views::{self as view_store, ViewFilter, Viewer};
use crate::storage::{self};
use baton_core::{Permissions, ViewCount};
use crate::storage::Conn;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a cached count may be reused when nothing was written.
pub const FRESH_FOR: Duration = Duration::from_secs(30);

/// What a set of counts was computed from; any write that can change a count changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    last_event: i64,
    stars: i64,
    star_sum: i64,
    permissions: Permissions,
}

#[derive(Debug)]
struct Entry {
    stamp: Stamp,
    at: Instant,
    /// By view id and the view's filter, so an edited view is counted again.
    counts: HashMap<String, i64>,
}

/// Each agent's last counts (one entry per agent who asked; a few hundred bytes each).
#[derive(Debug, Default)]
pub struct CountsCache {
    entries: Mutex<HashMap<i64, Entry>>,
}

impl CountsCache {
    /// The counts kept for `user` if they are still valid, and when they were counted.
    fn fresh(&self, user: i64, stamp: Stamp) -> Option<(HashMap<String, i64>, Instant)> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&user)
            .filter(|e| e.stamp == stamp && e.at.elapsed() < FRESH_FOR)
            .map(|e| (e.counts.clone(), e.at))
    }

    fn store(&self, user: i64, stamp: Stamp, at: Instant, counts: HashMap<String, i64>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.insert(user, Entry { stamp, at, counts });
    }
}

async fn stamp(conn: &mut Conn, user: &CurrentUser) -> Result<Stamp, storage::Error> {
    let (last_event, stars, star_sum) = view_store::counts_stamp(conn, user.tenant_id, user.id).await?;
    Ok(Stamp { last_event, stars, star_sum, permissions: user.permissions })
}

/// The count of every view `user` has not hidden, on one connection.
pub async fn counts(app: &Services, user: &CurrentUser) -> Result<Vec<ViewCount>, Error> {
    let views = super::all(app, user).await?;
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let v = Viewer { user_id: user.id, tenant_id: user.tenant_id, now: &now_text, now_unix: now.unix_timestamp() };
    let scope = user.ticket_scope();
    let mut conn = app.db.acquire().await?;
    // Read before counting: a write committed in between makes the next call count again.
    let started = Instant::now();
    let stamp = stamp(&mut conn, user).await?;
    // A reused answer keeps its age, so it still expires however often it is asked for.
    let (cached, at) = app.view_counts.fresh(user.id, stamp).unwrap_or((HashMap::new(), started));
    let mut out = Vec::new();
    let mut computed = HashMap::new();
    let buckets = view_store::Buckets::load(&mut conn, scope, user.id).await?;
    for r in views.into_iter().filter(|r| !r.view.hidden) {
        let key = format!("{}:{:?}", r.view.id, r.filter);
        let from_buckets = match &r.filter {
            ViewFilter::Builtin(b) => buckets.count(*b),
            ViewFilter::Custom(_) => None,
        };
        let count = match (from_buckets, cached.get(&key)) {
            (Some(count), _) | (None, Some(&count)) => count,
            (None, None) => view_store::count(&mut conn, scope, &r.filter, v).await?,
        };
        computed.insert(key, count);
        out.push(ViewCount { view_id: r.view.id, count });
    }
    app.view_counts.store(user.id, stamp, at, computed);
    Ok(out)
}
