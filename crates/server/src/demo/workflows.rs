//! The goods-return workflow (退货, issue 13, seed 001) on the Returns type: 客服受理 (Support;
//! the amount paid must be filled before passing on) → 主管审批 (Supervisors, 4 h) → 仓库收货
//! (Warehouse) → 财务退款 (Billing) → 完成 (Support, who tells the customer). And three returns
//! by Carol standing at its first three steps, each with the moves that took it there.

use super::catalog::Seeded;
use crate::storage::catalog::Owner;
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::staff::{self, Column, Value};
use crate::storage::tickets::{self as ticket_store, fields, NewTicketRow};
use crate::storage::workflows::{self as store, moves, StepFields};
use crate::storage::{self, catalog, groups::admin as groups, Conn};
use crate::reports::facts;
use baton_core::{change_field, Channel, FieldValue, MessageKind, Priority, Status, StatusChange, SystemChange};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// (key, name, group, required fields, step SLA in minutes, next steps).
type Step = (&'static str, &'static str, &'static str, &'static [&'static str], Option<i64>, &'static [&'static str]);

pub const NAME: &str = "退货 · Return of goods";

pub const STEPS: &[Step] = &[
    ("intake", "客服受理 · Intake", "Support", &["amount"], None, &["approval"]),
    ("approval", "主管审批 · Approval", "Supervisors", &[], Some(240), &["receipt"]),
    ("receipt", "仓库收货 · Receipt", "Warehouse", &[], None, &["refund"]),
    ("refund", "财务退款 · Refund", "Billing", &[], None, &["done"]),
    ("done", "完成 · Done", "Support", &[], None, &[]),
];

/// The handler of each step of the demo tickets.
const HANDLERS: [&str; 3] = ["agent@baton.test", "supervisor@baton.test", "warehouse@baton.test"];

/// (title, description, order number, amount paid, how many steps it has been passed on).
const TICKETS: &[(&str, &str, &str, Option<f64>, usize)] = &[
    ("退货：水壶盖裂了 · Kettle lid cracked", "The lid arrived with a crack.", "R-2001", None, 0),
    ("退货：耳机左耳无声 · Headphones: left side silent", "The left ear stays silent.", "R-2002", Some(299.0), 1),
    ("退货：跑鞋尺码不对 · Running shoes: wrong size", "I ordered 42 and got 40.", "R-2003", Some(459.0), 2),
];

fn json(list: &[&str]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

pub(super) async fn seed(
    conn: &mut Conn,
    tenant_id: i64,
    types: &Seeded,
    users: &HashMap<&str, i64>,
    now: OffsetDateTime,
) -> Result<(), storage::Error> {
    let owner = |key: (&str, Option<&str>)| types.iter().find(|(k, _)| *k == key).map(|(_, o)| o);
    let (Some(Owner::Type(type_id)), Some(Owner::Subtype(subtype_id))) = (owner(("Returns", None)), owner(("Returns", Some("Return of goods")))) else {
        return Ok(());
    };
    let created = storage::timestamp(now - Duration::days(3));
    let group_ids: HashMap<String, i64> = groups::list(conn, tenant_id, None).await?.into_iter().map(|(id, name, _)| (name, id)).collect();
    let workflow = store::create(conn, tenant_id, NAME, *type_id, &created).await?;
    let mut steps = Vec::new();
    for (position, (key, name, group, required, sla, next)) in (1..).zip(STEPS) {
        let Some(group_id) = group_ids.get(*group) else { continue };
        let (required, next) = (json(required), json(next));
        let fields = StepFields { key, position, name, group_id: *group_id, required_fields: &required, sla_minutes: *sla, next_steps: &next };
        steps.push((store::insert_step(conn, tenant_id, workflow, &fields).await?, *name, *group_id));
    }
    let field_ids = catalog::field_ids(conn, tenant_id, *type_id, Some(*subtype_id)).await?;
    for (i, (title, description, order_no, amount, passes)) in (0_i64..).zip(TICKETS) {
        let at = |hours: i64| storage::timestamp(now - Duration::hours(30 - 10 * i - hours));
        let row = NewTicketRow {
            tenant_id,
            title,
            description,
            status: Status::New,
            priority: Priority::Normal,
            channel: Channel::Web,
            requester_id: users["carol@customer.test"],
            contact_phone: None,
            type_id: Some(*type_id),
            subtype_id: Some(*subtype_id),
            related_url: None,
            now: &at(0),
        };
        let id = ticket_store::insert(conn, &row).await?;
        facts::created(conn, tenant_id, id, &at(0), false).await?;
        let values = [("order_no", FieldValue::String((*order_no).to_owned())), ("agree", FieldValue::Bool(true))];
        let amount = amount.map(|a| ("amount", FieldValue::Number(a)));
        for (key, value) in values.into_iter().chain(amount) {
            if let Some(field_id) = field_ids.get(key) {
                fields::insert(conn, tenant_id, id, *field_id, &value).await?;
            }
        }
        walk(conn, (tenant_id, id), &steps, users, *passes, &at).await?;
    }
    Ok(())
}

/// Starts ticket `id` at the first of `steps` and passes it on `passes` times, each by the
/// handler of its step to the next one's ([`HANDLERS`]), as `tickets::workflow` would record it.
async fn walk(
    conn: &mut Conn,
    (tenant_id, id): (i64, i64),
    steps: &[(i64, &str, i64)],
    users: &HashMap<&str, i64>,
    passes: usize,
    at: &impl Fn(i64) -> String,
) -> Result<(), storage::Error> {
    let handler = |i: usize| HANDLERS.get(i).and_then(|e| users.get(e)).copied();
    let Some(first) = steps.first() else { return Ok(()) };
    // The intake agent takes the ticket on at once when it moves on; the first waits unassigned.
    let start_handler = if passes > 0 { handler(0) } else { None };
    let start = moves::NewMove {
        tenant_id,
        ticket_id: id,
        kind: "start",
        from_step: None,
        to_step: (first.0, first.1),
        from_handler_id: None,
        to_handler_id: start_handler,
        by_id: None,
        reason: None,
        now: &at(0),
    };
    moves::insert(conn, &start).await?;
    if passes > 0 {
        let open = at(1);
        ticket_store::set_status(conn, tenant_id, id, Status::Open, &open, None).await?;
        facts::status(conn, tenant_id, id, (Status::New, Status::Open), &open, None).await?;
        let entry = system(tenant_id, id, handler(0), Some(StatusChange { from: Status::New, to: Status::Open }), None, &open);
        message_store::insert(conn, &entry).await?;
    }
    for n in 0..passes {
        let (Some(from), Some(to)) = (steps.get(n), steps.get(n + 1)) else { break };
        let when = at(2 + n as i64);
        let change = SystemChange::new(
            change_field::WORKFLOW_STEP,
            Some(FieldValue::String(from.1.to_owned())),
            Some(FieldValue::String(to.1.to_owned())),
        );
        message_store::insert(conn, &system(tenant_id, id, handler(n), None, Some(&change), &when)).await?;
        let pass = moves::NewMove {
            tenant_id,
            ticket_id: id,
            kind: "pass",
            from_step: Some((from.0, from.1)),
            to_step: (to.0, to.1),
            from_handler_id: handler(n),
            to_handler_id: handler(n + 1),
            by_id: handler(n),
            reason: None,
            now: &when,
        };
        moves::insert(conn, &pass).await?;
    }
    let (step, _, group) = steps[passes.min(steps.len() - 1)];
    let assignee = if passes > 0 { handler(passes) } else { None };
    staff::set(conn, tenant_id, id, Column::GroupId, &Value::Id(Some(group))).await?;
    staff::set(conn, tenant_id, id, Column::AssigneeId, &Value::Id(assignee)).await?;
    moves::set_step(conn, tenant_id, id, step, &at(2 + passes as i64)).await?;
    ticket_store::touch_updated(conn, tenant_id, id, &at(2 + passes as i64)).await?;
    Ok(())
}

/// A system entry on ticket `id` by `who`.
fn system<'a>(
    tenant_id: i64,
    id: i64,
    who: Option<i64>,
    status_change: Option<StatusChange>,
    change: Option<&'a SystemChange>,
    when: &'a str,
) -> NewMessageRow<'a> {
    NewMessageRow { tenant_id, ticket_id: id, kind: MessageKind::System, author_id: who, body: "", status_change, change, version: None, now: when }
}
