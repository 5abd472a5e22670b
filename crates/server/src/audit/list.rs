//! `GET /admin/audit`: the desk's entries newest first, a page at a time (keyset on
//! (time, id)), filtered by actor, target kind, action and a time range. `settings.manage`, the
//! permission over the desk's setup (DOMAIN.md names no audit permission of its own).

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::{self, audit as store};
use baton_core::problem::field_code::INVALID_VALUE;
use baton_core::{AuditEntry, AuditPage, Permission};

/// Entries per page unless `limit` says otherwise, and the most one page holds.
pub const PAGE: i64 = 50;
pub const MAX_PAGE: i64 = 200;

/// The query as the client sent it (each part optional).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    /// RFC 3339 instants: from (inclusive), to (exclusive).
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub cursor: Option<String>,
    #[serde(default)]
    pub limit: Option<String>,
}

/// An RFC 3339 instant as stored (UTC, whole seconds); 422 on `field` otherwise.
fn instant(text: Option<&str>, field: &str) -> Result<Option<String>, Error> {
    let Some(text) = text.filter(|t| !t.is_empty()) else { return Ok(None) };
    let at = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).map_err(|_| Error::field(field, INVALID_VALUE))?;
    Ok(Some(storage::timestamp(at.to_offset(time::UtcOffset::UTC))))
}

/// A code filter: non-empty, short, of `a-z`, `_` and `.` (anything else matches nothing anyway,
/// but a typo deserves a 422 rather than an empty page).
fn code(text: Option<&str>, field: &str) -> Result<Option<String>, Error> {
    let Some(text) = text.filter(|t| !t.is_empty()) else { return Ok(None) };
    if text.len() > 60 || !text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.') {
        return Err(Error::field(field, INVALID_VALUE));
    }
    Ok(Some(text.to_owned()))
}

pub async fn list(app: &Services, user: &CurrentUser, q: &Query) -> Result<AuditPage, Error> {
    user.require(Permission::SettingsManage)?;
    let limit = paging::parse_limit(q.limit.as_deref(), PAGE, MAX_PAGE)?;
    let actor_id = match q.actor.as_deref().filter(|a| !a.is_empty()) {
        Some(a) => Some(a.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| Error::field("actor", INVALID_VALUE))?),
        None => None,
    };
    let before = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(paging::decode_time_cursor(c).ok_or_else(|| Error::field("cursor", INVALID_VALUE))?),
        None => None,
    };
    let (kind, action) = (code(q.kind.as_deref(), "kind")?, code(q.action.as_deref(), "action")?);
    let (from, to) = (instant(q.from.as_deref(), "from")?, instant(q.to.as_deref(), "to")?);
    let filter = store::Filter {
        actor_id,
        target_kind: kind.as_deref(),
        action: action.as_deref(),
        from: from.as_deref(),
        to: to.as_deref(),
        before,
    };
    let mut conn = app.db.acquire().await?;
    let mut rows = store::page(&mut conn, user.tenant_id, &filter, limit + 1).await?;
    let keep = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > keep;
    rows.truncate(keep);
    let next_cursor = more.then(|| rows.last().map(|r| paging::encode_time_cursor(&r.created_at, r.id))).flatten();
    let items = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.created_at,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            target_label: r.target_label,
            // Written by this server as an object; a broken one shows as nothing rather than a 500.
            changes: serde_json::from_str(&r.changes).unwrap_or_else(|_| serde_json::json!({})),
        })
        .collect();
    Ok(AuditPage { items, next_cursor })
}
