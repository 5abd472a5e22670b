//! The admin's view of the outbox (`settings.manage`): a desk's mail, newest first, 50 a page,
//! never a body.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::paging;
use crate::services::Services;
use crate::storage::mail as store;
use baton_core::problem::field_code;
use baton_core::{OutboxMail, OutboxPage, Permission};

/// Mails per page.
pub const PAGE: i64 = 50;

/// Page of the caller's desk's outbox after `cursor` (from a previous page), of `status` if given
/// (`queued`, `sent`, `failed`).
pub async fn list(app: &Services, user: &CurrentUser, status: Option<&str>, cursor: Option<&str>) -> Result<OutboxPage, Error> {
    user.require(Permission::SettingsManage)?;
    let status = status.filter(|s| !s.is_empty());
    if status.is_some_and(|s| !["queued", "sent", "failed"].contains(&s)) {
        return Err(Error::field("status", field_code::INVALID_VALUE));
    }
    let before = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            paging::decode_cursor(c, 40)
                .and_then(|id| id.parse::<i64>().ok())
                .ok_or_else(|| Error::field("cursor", field_code::INVALID_VALUE))?,
        ),
        None => None,
    };
    let mut conn = app.db.acquire().await?;
    let mut rows = store::list(&mut conn, user.tenant_id, status, before, PAGE + 1).await?;
    let more = rows.len() > usize::try_from(PAGE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE).unwrap_or(usize::MAX));
    let next_cursor = more.then(|| rows.last().map(|r| paging::encode_cursor(&r.id.to_string()))).flatten();
    Ok(OutboxPage {
        smtp: app.mailer.sends(),
        items: rows
            .into_iter()
            .map(|r| OutboxMail {
                id: r.id,
                to: r.to_address,
                subject: r.subject,
                kind: r.kind,
                status: r.status,
                attempts: r.attempts,
                last_error: r.last_error,
                created_at: r.created_at,
                next_attempt_at: r.next_attempt_at,
                sent_at: r.sent_at,
            })
            .collect(),
        next_cursor,
    })
}
