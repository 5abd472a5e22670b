//! Changes an automation rule makes to a ticket (issue 13), in the transaction it runs in: the
//! same writes as a person's edit (`patch::reassign`, `retype`, `field_edits`, `lists::tags`), the
//! same events and notifications, recorded as system entries without an author after one
//! "by rule X" entry (`change_field::AUTOMATION`; staff-only, as every property change's entry).
//! A note is an internal message (never shown or mailed to the customer); a quick reply is a
//! public reply for the desk. An action naming what the desk no longer has (a deleted group, a
//! deactivated agent) is skipped, so a stale rule never blocks the change that triggered it.

use super::field_edits::{self, Target};
use super::patch::{newly_assigned, reassign};
use super::{lists, retype};
use crate::error::Error;
use crate::events::{self, Change};
use crate::services::Services;
use crate::storage::events::StoredEvent;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets::{self as ticket_store, TicketRow};
use crate::storage::{self, automations as rule_store, catalog, encode_code, Conn, TicketScope, Tx};
use baton_core::agent::{render_quick_reply, Placeholders};
use baton_core::automation::RuleAction;
use baton_core::change_field as field;
use baton_core::{FieldValue, MessageKind, SystemChange, TicketPatch};
use std::collections::BTreeMap;

/// The rule that acts: its id and name.
#[derive(Debug, Clone, Copy)]
pub struct Rule<'a> {
    pub id: i64,
    pub name: &'a str,
}

/// What applying a rule did: whether it changed or wrote anything, and the live events to
/// commit with the transaction.
#[derive(Debug, Default)]
pub struct Applied {
    pub acted: bool,
    pub live: Vec<StoredEvent>,
}

async fn current(tx: &mut Conn, tenant_id: i64, id: i64) -> Result<TicketRow, Error> {
    ticket_store::get(tx, TicketScope::whole_tenant(tenant_id), id).await?.ok_or(Error::NotFound)
}

/// What the actions wrote beside property changes.
#[derive(Default)]
struct Written {
    changes: Vec<SystemChange>,
    notes: Vec<String>,
    replies: Vec<String>,
    assigned: Option<i64>,
    notify: Vec<i64>,
}

/// Applies `actions` of `rule` to ticket `ticket_id` (already locked by the caller's change).
pub async fn apply(app: &Services, tx: &mut Tx, tenant_id: i64, ticket_id: i64, rule: Rule<'_>, actions: &[RuleAction]) -> Result<Applied, Error> {
    let mut w = Written::default();
    for action in actions {
        let row = current(tx, tenant_id, ticket_id).await?;
        act(app, tx, tenant_id, &row, action, &mut w).await?;
    }
    if w.changes.is_empty() && w.notes.is_empty() && w.replies.is_empty() && w.notify.is_empty() {
        return Ok(Applied::default());
    }
    let now = storage::timestamp(app.clock.now());
    let version = ticket_store::touch(tx, tenant_id, ticket_id, &now, None).await?.ok_or(Error::NotFound)?;
    let by = SystemChange::new(field::AUTOMATION, None, Some(FieldValue::String(rule.name.to_owned())));
    let system = |change| NewMessageRow {
        tenant_id,
        ticket_id,
        kind: MessageKind::System,
        author_id: None,
        body: "",
        status_change: None,
        change: Some(change),
        version: Some(version),
        now: &now,
    };
    message_store::insert(tx, &system(&by)).await?;
    for change in &w.changes {
        message_store::insert(tx, &system(change)).await?;
    }
    let row = current(tx, tenant_id, ticket_id).await?;
    let mut live = Vec::new();
    for (kind, body) in w.notes.iter().map(|b| (MessageKind::Internal, b)).chain(w.replies.iter().map(|b| (MessageKind::Public, b))) {
        let message = NewMessageRow { kind, body, change: None, version: None, ..system(&by) };
        let id = message_store::insert(tx, &message).await?;
        live.push(events::record(tx, &row, tenant_id, Change::Message { id, kind }).await?);
    }
    crate::sla::refresh(tx, tenant_id, &row, app.clock.now()).await?;
    live.push(events::record(tx, &row, tenant_id, Change::StaffUpdated(row.status()?)).await?);
    if let Some(agent) = w.assigned {
        live.extend(crate::notifications::on_assigned(tx, app, tenant_id, &row, agent, None).await?);
    }
    if !w.notify.is_empty() {
        live.extend(crate::notifications::on_rule_notice(tx, app, tenant_id, &row, &w.notify).await?);
    }
    if !w.replies.is_empty() {
        live.extend(crate::notifications::on_rule_reply(tx, app, tenant_id, &row).await?);
    }
    tracing::info!(tenant_id, ticket_id, rule_id = rule.id, changes = w.changes.len(), "automation rule ran");
    Ok(Applied { acted: true, live })
}

/// One action on `row` as it is now.
async fn act(app: &Services, tx: &mut Tx, tenant_id: i64, row: &TicketRow, action: &RuleAction, w: &mut Written) -> Result<(), Error> {
    match action {
        RuleAction::AssignGroup { group_id } => {
            if staff_store::group_name(tx, tenant_id, *group_id).await?.is_some() {
                w.changes.extend(reassign(tx, tenant_id, row, Some(Some(*group_id)), None).await?);
            }
        }
        RuleAction::AssignAgent { agent_id } => {
            if staff_store::staff_name(tx, tenant_id, *agent_id).await?.is_some() {
                w.assigned = newly_assigned(row, Some(Some(*agent_id))).or(w.assigned);
                w.changes.extend(reassign(tx, tenant_id, row, None, Some(Some(*agent_id))).await?);
            }
        }
        RuleAction::SetPriority { priority } => {
            let to = encode_code(priority);
            if to != row.priority {
                staff_store::set(tx, tenant_id, row.id, Column::Priority, &Value::Text(Some(to.clone()))).await?;
                let text = |v: &str| Some(FieldValue::String(v.to_owned()));
                w.changes.push(SystemChange::new(field::PRIORITY, text(&row.priority), text(&to)));
            }
        }
        RuleAction::SetType { type_id, subtype_id } => {
            let types = catalog::load(&app.db, tenant_id).await?;
            let patch = TicketPatch { type_id: Some(*type_id), subtype_id: *subtype_id, ..TicketPatch::default() };
            // A type or sub-type the desk no longer has (or one that needs a sub-type the rule
            // does not name): the rule leaves the type as it is.
            let Ok(changes) = retype::apply(tx, tenant_id, row, &patch, &types).await else { return Ok(()) };
            if !changes.is_empty() {
                let at = Target { tenant_id, ticket_id: row.id, type_id: Some(*type_id), subtype_id: current(tx, tenant_id, row.id).await?.subtype_id, retyped: true };
                w.changes.extend(changes);
                // The new type's required fields stay for an agent to fill: a rule has no values.
                match field_edits::apply(tx, &at, &BTreeMap::new(), &types).await {
                    Ok(changes) => w.changes.extend(changes),
                    Err(Error::Validation(_)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        RuleAction::AddTags { tags } | RuleAction::RemoveTags { tags } => {
            let mut now: Vec<String> = staff_store::tags(tx, tenant_id, row.id).await?;
            let given: Vec<String> = tags.iter().map(|t| t.trim().to_owned()).collect();
            if matches!(action, RuleAction::AddTags { .. }) {
                for tag in given {
                    if !now.contains(&tag) && now.len() < 20 {
                        now.push(tag);
                    }
                }
            } else {
                now.retain(|t| !given.contains(t));
            }
            w.changes.extend(lists::tags(tx, tenant_id, row.id, &now).await?);
        }
        RuleAction::AddNote { body } => w.notes.push(body.clone()),
        RuleAction::Notify { to, agent_id } => {
            w.notify.extend(crate::notifications::rule_recipients(tx, tenant_id, row, *to, *agent_id).await?);
        }
        RuleAction::QuickReply { quick_reply_id } => {
            // Nobody reads a public reply on a trashed or suspended ticket (rules skip those).
            if let Some(body) = rule_store::public_quick_reply(tx, tenant_id, *quick_reply_id).await? {
                let p = Placeholders {
                    requester_name: row.requester_name.clone(),
                    ticket_number: row.number,
                    agent_name: row.assignee_name.clone().unwrap_or_default(),
                };
                w.replies.push(render_quick_reply(&body, &p));
            }
        }
    }
    Ok(())
}
