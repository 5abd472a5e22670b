//! Who is told of each change (DOMAIN.md "Notifications"); each function runs in the change's
//! transaction and returns the live events to commit with it.

use super::deliver::{deliver, Cause};
use crate::error::Error;
use crate::services::Services;
use crate::storage::events::StoredEvent;
use crate::storage::notifications as store;
use crate::storage::roles;
use crate::storage::tickets::TicketRow;
use crate::storage::Conn;
use baton_core::{MessageKind, NotificationKind as K, Permission, Permissions, Role, Status};

/// The staff among `ids` who may see `ticket` (in their share, or `tickets.see_all`).
async fn who_may_see(conn: &mut Conn, tenant_id: i64, ticket: &TicketRow, ids: &[i64]) -> Result<Vec<i64>, Error> {
    let rows = store::staff_audience(conn, tenant_id, ticket.id, ids).await?;
    Ok(rows
        .into_iter()
        .filter(|r| {
            let custom = r.role_permissions.as_deref().map(roles::decode);
            let sees_all = Role::from_code(&r.role).is_some_and(|role| Permissions::effective(role, custom).contains(Permission::TicketsSeeAll));
            r.in_share || sees_all
        })
        .map(|r| r.id)
        .collect())
}

/// The staff the ticket's work concerns: its assignee, else its group's members.
async fn handlers(conn: &mut Conn, tenant_id: i64, ticket: &TicketRow) -> Result<Vec<i64>, Error> {
    let ids = match (ticket.assignee_id, ticket.assignee_group_id) {
        (Some(agent), _) => vec![agent],
        (None, Some(group)) => store::group_members(conn, tenant_id, group).await?,
        (None, None) => Vec::new(),
    };
    who_may_see(conn, tenant_id, ticket, &ids).await
}

/// A new ticket (after routing): its group's members hear of it, its assignee that it is theirs.
pub async fn on_created(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow, actor: i64) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor: Some(actor) };
    let mut live = Vec::new();
    if let Some(group) = ticket.assignee_group_id {
        let members: Vec<i64> = store::group_members(conn, tenant_id, group).await?.into_iter().filter(|m| Some(*m) != ticket.assignee_id).collect();
        let members = who_may_see(conn, tenant_id, ticket, &members).await?;
        live.extend(deliver(conn, app, &cause, K::NewTicket, &members).await?);
    }
    if let Some(agent) = ticket.assignee_id {
        live.extend(on_assigned(conn, app, tenant_id, ticket, agent, Some(actor)).await?);
    }
    Ok(live)
}

/// `ticket` was assigned to `agent` by `actor` (`None`: routing or another rule of the desk):
/// the one place every assignment change calls (property edits, bulk edits, routing, workflows).
pub async fn on_assigned(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow, agent: i64, actor: Option<i64>) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor };
    let to = who_may_see(conn, tenant_id, ticket, &[agent]).await?;
    deliver(conn, app, &cause, K::Assigned, &to).await
}

/// A message by `author` (`staff` or the customer): a public staff reply tells the requester; a
/// customer's reply tells the handlers; a note tells those it mentions (and nobody else).
pub async fn on_message(
    conn: &mut Conn,
    app: &Services,
    tenant_id: i64,
    ticket: &TicketRow,
    (author, staff): (i64, bool),
    kind: MessageKind,
    mentions: &[i64],
) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor: Some(author) };
    match (kind, staff) {
        (MessageKind::Public, true) => deliver(conn, app, &cause, K::PublicReply, &[ticket.requester_id]).await,
        (MessageKind::Public, false) => {
            let to = match ticket.assignee_id {
                Some(agent) => who_may_see(conn, tenant_id, ticket, &[agent]).await?,
                None => Vec::new(),
            };
            deliver(conn, app, &cause, K::CustomerReplied, &to).await
        }
        (MessageKind::Internal, _) => {
            let to = who_may_see(conn, tenant_id, ticket, mentions).await?;
            deliver(conn, app, &cause, K::Mentioned, &to).await
        }
        (MessageKind::System, _) => Ok(Vec::new()),
    }
}

/// The ticket moved to `to` by `actor` (`None`: auto-close): solved and closed tell the requester.
pub async fn on_status(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow, to: Status, actor: Option<i64>) -> Result<Vec<StoredEvent>, Error> {
    let kind = match to {
        Status::Solved => K::Solved,
        Status::Closed => K::Closed,
        _ => return Ok(Vec::new()),
    };
    let cause = Cause { tenant_id, ticket, actor };
    deliver(conn, app, &cause, kind, &[ticket.requester_id]).await
}

/// The SLA watch found a target of `ticket` due soon (`breach` false) or missed: its assignee
/// hears of it, or while nobody is assigned every member of its group.
pub async fn on_sla(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow, breach: bool) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor: None };
    let to = handlers(conn, tenant_id, ticket).await?;
    deliver(conn, app, &cause, if breach { K::SlaBreach } else { K::SlaWarning }, &to).await
}

/// Automations (issue 13): a rule's `notify` action tells `ids` (the staff among them who may see
/// `ticket`) as a mention in the rule's note would: the desk, not a person, is the actor.
pub async fn on_rule_notice(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow, ids: &[i64]) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor: None };
    let to = who_may_see(conn, tenant_id, ticket, ids).await?;
    deliver(conn, app, &cause, K::Mentioned, &to).await
}

/// Automations: a rule posted a public reply (a quick reply) for the desk; the requester is told
/// as of any public staff reply.
pub async fn on_rule_reply(conn: &mut Conn, app: &Services, tenant_id: i64, ticket: &TicketRow) -> Result<Vec<StoredEvent>, Error> {
    let cause = Cause { tenant_id, ticket, actor: None };
    deliver(conn, app, &cause, K::PublicReply, &[ticket.requester_id]).await
}

/// Automations: whom a rule's `notify` action names — the assignee, the group's members, or one
/// agent.
pub async fn rule_recipients(conn: &mut Conn, tenant_id: i64, ticket: &TicketRow, who: baton_core::automation::NotifyWho, agent: Option<i64>) -> Result<Vec<i64>, Error> {
    use baton_core::automation::NotifyWho;
    Ok(match who {
        NotifyWho::Assignee => ticket.assignee_id.into_iter().collect(),
        NotifyWho::Group => match ticket.assignee_group_id {
            Some(group) => store::group_members(conn, tenant_id, group).await?,
            None => Vec::new(),
        },
        NotifyWho::Agent => agent.into_iter().collect(),
    })
}
