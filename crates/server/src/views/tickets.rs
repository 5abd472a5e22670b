//! What a view selects: a page of ticket rows (keyset cursor over the view's sort, or the column
//! the agent clicked). The counts are in `counts.rs`.

use super::resolve;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::views::{self as view_store, After, Viewer};
use crate::storage::{self};
use baton_core::problem::field_code;
use baton_core::{Page, SortDir, SortField, TicketRow};
use serde::Deserialize;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 100;

/// `GET /views/{id}/tickets?cursor=&limit=&sort=&dir=`, checked here so a bad value is a 422
/// naming its parameter.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    pub cursor: Option<String>,
    pub limit: Option<String>,
    pub sort: Option<String>,
    pub dir: Option<String>,
}

/// The cursor is the last row's sort key and id; `~` cannot occur in a timestamp or a number.
fn encode_cursor(key: &str, id: i64) -> String {
    format!("{key}~{id}")
}

fn decode_cursor(cursor: &str, numeric: bool) -> Option<After> {
    let (key, id) = cursor.rsplit_once('~')?;
    let id = id.parse().ok()?;
    if numeric && key.parse::<i64>().is_err() {
        return None;
    }
    Some(After { key: key.to_owned(), id })
}

fn bad(field: &str) -> Error {
    Error::field(field, field_code::INVALID_VALUE)
}

pub async fn page(app: &Services, user: &CurrentUser, id: &str, query: PageQuery) -> Result<Page<TicketRow>, Error> {
    let view = resolve(app, user, id).await?;
    let limit = match query.limit.as_deref().filter(|l| !l.is_empty()) {
        None => DEFAULT_LIMIT,
        Some(l) => l.parse().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| bad("limit"))?,
    };
    let field = match query.sort.as_deref().filter(|s| !s.is_empty()) {
        None => view.view.sort.field,
        Some(s) => SortField::from_code(s).ok_or_else(|| bad("sort"))?,
    };
    let dir = match query.dir.as_deref().filter(|s| !s.is_empty()) {
        None if query.sort.is_some() => SortDir::Desc,
        None => view.view.sort.dir,
        Some("asc") => SortDir::Asc,
        Some("desc") => SortDir::Desc,
        Some(_) => return Err(bad("dir")),
    };
    let numeric = matches!(field, SortField::Number | SortField::Priority | SortField::Status);
    let after = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(c, numeric).ok_or_else(|| bad("cursor"))?),
    };
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let v = Viewer { user_id: user.id, tenant_id: user.tenant_id, now: &now_text, now_unix: now.unix_timestamp() };
    // One row more than asked tells whether there is a next page without a count.
    let mut rows = view_store::page(&app.db, user.ticket_scope(), &view.filter, v, (field, dir), after.as_ref(), limit + 1)
        .await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = if more { rows.last().map(|r| encode_cursor(&r.sort_key, r.id)) } else { None };
    let items = rows.into_iter().map(|r| r.into_row()).collect::<Result<_, _>>()?;
    Ok(Page { items, next_cursor })
}
