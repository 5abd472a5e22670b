//! The audit log (issue 12, DOMAIN.md: "every change is audited"; "reassigning is explicit and
//! audited" — ticket reassignments are audited in each ticket's own thread, `tickets::audit`).
//!
//! Every change an admin or manager makes to the desk's setup writes one entry, in the SAME
//! transaction as the change (a change that fails or rolls back leaves none): who (id and name at
//! the time), what (a stable action code, `<target kind>.<verb>`), on what (kind, id, name at the
//! time), when (`services.clock`) and a small JSON of what changed ([`Entry::diff`]: field by
//! field, old and new; never a secret — [`changes`]). Adding an audited action is one line at
//! its call site, with the open transaction:
//!
//! ```ignore
//! audit::record(&mut tx, app, user, Entry::new("sla_policy.updated", id, &name).diff(Some(&before), Some(&after))).await?;
//! ```
//!
//! What is audited (call sites):
//! - agents (`agents`): `agent.invited`, `agent.invitation_resent`, `agent.updated` (name,
//!   groups), `agent.deactivated`, `agent.reactivated`; `agent.role_changed` (`roles`)
//! - roles (`roles`): `role.created`, `role.updated`, `role.deleted`
//! - agent groups and routing rules (`routing`): `agent_group.created|updated|deleted`,
//!   `routing_rule.created|updated|deleted|reordered`
//! - customers (`customers`, `workspace::customers`): `customer.created` (staff registering a
//!   customer), `customer.updated`, `customer.deactivated`, `customer.reactivated`,
//!   `customer.merged`, `customer.imported` (one entry per import: the summary, never the rows)
//! - customer groups: `customer_group.created|updated`
//! - ticket types, sub-types, fields, dictionaries (`catalog`): `ticket_type.created|updated|
//!   reordered`, `subtype.created|updated|reordered`, `field.created|updated|reordered`,
//!   `dictionary.created|updated`
//! - workflows: `workflow.created|updated|deleted`
//! - SLA: `sla_calendar.created|updated|deleted`, `sla_policy.created|updated|deleted|reordered`
//! - automations: `automation.created|updated|deleted|reordered`
//! - desk settings: `settings.updated`; SSO: `sso.secret_rotated` (no value, ever),
//!   `sso.origins_updated`
//!
//! Read by `GET /admin/audit` ([`list`], `settings.manage`), kept a year ([`RETENTION`],
//! `scheduler::purge`).

pub mod changes;
pub mod list;

pub use changes::Changes;
pub use list::list;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::{self, audit as store, Conn};

/// How long entries are kept.
pub const RETENTION: time::Duration = time::Duration::days(365);

/// One audited change, before it is written.
#[derive(Debug)]
pub struct Entry<'a> {
    /// `<target kind>.<verb>`: the kind is the part before the dot.
    pub action: &'static str,
    pub target_id: Option<i64>,
    pub target_label: &'a str,
    pub changes: Changes,
}

impl<'a> Entry<'a> {
    /// A change of `action` on the target `id` called `label`, nothing recorded of its fields yet.
    pub fn new(action: &'static str, id: impl Into<Option<i64>>, label: &'a str) -> Entry<'a> {
        Entry { action, target_id: id.into(), target_label: label, changes: Changes::default() }
    }

    /// The fields that differ between `before` and `after` (a creation has no before, a deletion
    /// no after), secrets left out.
    pub fn diff<T: serde::Serialize>(mut self, before: Option<&T>, after: Option<&T>) -> Entry<'a> {
        self.changes.diff(before, after);
        self
    }

    /// The fields a partial update `patch` sets that differ from `before` (see [`Changes::patch`]).
    pub fn patch<B: serde::Serialize, P: serde::Serialize>(mut self, before: &B, patch: &P) -> Entry<'a> {
        self.changes.patch(before, patch);
        self
    }

    /// One field's old and new value (either `None`: there was none).
    pub fn field<O: serde::Serialize, N: serde::Serialize>(mut self, name: &str, old: Option<O>, new: Option<N>) -> Entry<'a> {
        self.changes.field(name, old, new);
        self
    }

    /// The kind of the target: the action's part before the dot.
    pub fn target_kind(&self) -> &'static str {
        self.action.split_once('.').map_or(self.action, |(kind, _)| kind)
    }
}

/// Writes `entry` as `by`'s change, now, in `tx` (the change's own transaction).
pub async fn record(tx: &mut Conn, app: &Services, by: &CurrentUser, entry: Entry<'_>) -> Result<(), Error> {
    let at = storage::timestamp(app.clock.now());
    let changes = entry.changes.to_json();
    let row = store::NewEntry {
        tenant_id: by.tenant_id,
        actor_id: Some(by.id),
        action: entry.action,
        target_kind: entry.target_kind(),
        target_id: entry.target_id,
        target_label: entry.target_label,
        changes: &changes,
        at: &at,
    };
    store::insert(tx, &row).await?;
    Ok(())
}

/// Deletes entries older than [`RETENTION`]; how many (the purge job).
pub async fn purge(app: &Services) -> Result<u64, Error> {
    let before = storage::timestamp(app.clock.now() - RETENTION);
    Ok(store::purge_before(&app.db, &before).await?)
}
