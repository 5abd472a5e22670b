//! `POST /admin/customers/{id}/merge` {into}: customer `id` (the source) is merged into `into`
//! (the target), both of the caller's desk (another desk's is a 404, itself a 422).
//!
//! In one transaction: the source's tickets (with their ratings), messages, uploads, CCs,
//! confidential info, events and notifications move to the target; the target takes the
//! source's customer group when they have none; each moved ticket gets a staff-only system entry
//! (`requester`: from whom to whom, by the admin); the source is deactivated, recorded as merged
//! and their links voided. After the commit their sessions end, as on a deactivation.

use super::one;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::customers_admin::{self as store, merge as moves, Fields};
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::audit::{self, Entry};
use crate::storage::{self, password_tokens, sessions};
use baton_core::problem::{code, field_code};
use baton_core::{change_field, FieldValue, MergeReport, MessageKind, Permission, SystemChange};

/// Merges customer `id` into customer `into`; the target as the list shows them now and the
/// tickets that moved.
pub async fn merge(app: &Services, user: &CurrentUser, id: i64, into: i64) -> Result<MergeReport, Error> {
    user.require(Permission::CustomersManage)?;
    if id == into {
        return Err(Error::field("into", field_code::INVALID_VALUE));
    }
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let source = store::one(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    let target = store::one(&mut tx, user.tenant_id, into).await?.ok_or(Error::NotFound)?;
    if source.merged_into.is_some() {
        return Err(Error::Conflict { code: code::CONFLICT, detail: "this customer was merged already" });
    }
    if target.deactivated_at.is_some() {
        return Err(Error::Conflict { code: code::CONFLICT, detail: "merge into an active customer" });
    }
    let tickets = moves::tickets_of(&mut tx, user.tenant_id, id).await?;
    moves::move_all(&mut tx, user.tenant_id, id, into).await?;
    if target.group_id.is_none() && source.group_id.is_some() {
        let fields = Fields { name: &target.name, email: &target.email, phone: target.phone.as_deref(), group_id: source.group_id };
        store::set_fields(&mut tx, user.tenant_id, into, &fields).await?;
    }
    let who = |name: &str, email: &str| Some(FieldValue::String(format!("{name} <{email}>")));
    let change = SystemChange::new(change_field::REQUESTER, who(&source.name, &source.email), who(&target.name, &target.email));
    for &ticket_id in &tickets {
        let entry = NewMessageRow {
            tenant_id: user.tenant_id,
            ticket_id,
            kind: MessageKind::System,
            author_id: Some(user.id),
            body: "",
            status_change: None,
            change: Some(&change),
            version: None,
            now: &now,
        };
        message_store::insert(&mut tx, &entry).await?;
    }
    moves::mark_merged(&mut tx, user.tenant_id, id, into, &now).await?;
    password_tokens::void_unused(&mut tx, user.tenant_id, id, None, &now).await?;
    let entry = Entry::new("customer.merged", id, &source.name).field("email", Some(&source.email), None::<()>);
    audit::record(&mut tx, app, user, entry.field("merged_into", None::<()>, Some(format!("{} <{}> (#{into})", target.name, target.email))).field("tickets", None::<()>, Some(tickets.len()))).await?;
    tx.commit().await?;
    let ended = sessions::delete_all_of(&app.db, user.tenant_id, id).await?;
    tracing::info!(tenant_id = user.tenant_id, from = id, into, by = user.id, tickets = tickets.len(), ended, "customers merged");
    let mut conn = app.db.acquire().await?;
    Ok(MergeReport { customer: one(&mut conn, user.tenant_id, into).await?, tickets })
}
