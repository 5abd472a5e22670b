//! Who may receive a live event: the tenant's staff all of it, customers what concerns tickets
//! they may see, never an internal note; and what only the database knows (an agent's share, a
//! trashed ticket).

use crate::auth::CurrentUser;
use crate::storage::events::StoredEvent;
use crate::storage::tickets as ticket_store;
use crate::storage::{self, Db};
use baton_core::{MessageKind, Permission};

/// Whether `user` may receive `event`: staff of the tenant receive all of it; customers the events
/// of tickets they may see (their own, their sharing group's), never those of internal notes nor
/// the staff-only ones (property and flag changes).
pub fn may_receive(user: &CurrentUser, event: &StoredEvent) -> bool {
    if event.tenant_id != user.tenant_id {
        return false;
    }
    // A notification goes to its recipient and nobody else.
    if let Some(recipient) = event.recipient_id {
        return recipient == user.id;
    }
    if user.role.is_staff() {
        return true;
    }
    let for_staff = event.staff_only || event.data.kind == Some(MessageKind::Internal);
    let sees_ticket = event.requester_id == user.id
        || (user.share_group_id.is_some() && event.share_group_id == user.share_group_id);
    sees_ticket && !for_staff
}

/// [`may_receive`], then what only the database knows: an agent without `tickets.see_all`
/// receives the events of tickets in their share (groups, assigned, CC'd); a customer nothing of a
/// trashed or suspended ticket. A database failure is an error, never a "no": the caller ends the
/// stream, and the client, reconnecting with its Last-Event-ID, gets the event checked again
/// rather than silently skipped.
pub async fn may_receive_now(db: &Db, user: &CurrentUser, event: &StoredEvent) -> Result<bool, storage::Error> {
    if !may_receive(user, event) {
        return Ok(false);
    }
    if event.recipient_id.is_some() || (user.role.is_staff() && user.can(Permission::TicketsSeeAll)) {
        return Ok(true);
    }
    ticket_store::visible(db, user.ticket_scope(), event.data.ticket_id).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{EventType, LiveEvent, Role};

    fn event(
        requester_id: i64,
        share_group_id: Option<i64>,
        kind: Option<MessageKind>,
    ) -> StoredEvent {
        StoredEvent {
            id: 1,
            tenant_id: 1,
            event_type: EventType::MessageCreated,
            data: LiveEvent {
                ticket_id: 5,
                status: None,
                message_id: Some(9),
                kind,
                notification_id: None,
                notification: None,
            },
            requester_id,
            share_group_id,
            staff_only: false,
            recipient_id: None,
        }
    }

    #[test]
    fn who_receives_what() {
        let user = |id, role, share_group_id| CurrentUser {
            id,
            tenant_id: 1,
            role,
            share_group_id,
            permissions: baton_core::Permissions::of_role(role),
        };
        let alice = user(1, Role::Customer, Some(7));
        let bob = user(2, Role::Customer, Some(7));
        let carol = user(3, Role::Customer, None);
        let agent = user(4, Role::Agent, None);
        let other_tenant_agent = CurrentUser {
            tenant_id: 2,
            ..agent
        };
        let public = event(1, Some(7), Some(MessageKind::Public));
        let internal = event(1, Some(7), Some(MessageKind::Internal));
        let unshared = event(1, None, Some(MessageKind::Public));
        let triage = StoredEvent { staff_only: true, ..event(1, Some(7), None) };
        let for_alice = StoredEvent { recipient_id: Some(1), ..event(1, Some(7), None) };
        let for_agent = StoredEvent { recipient_id: Some(4), ..event(1, Some(7), None) };
        let cases = [
            (alice, &public, true),
            (bob, &public, true),
            (carol, &public, false),
            (agent, &public, true),
            (other_tenant_agent, &public, false),
            (alice, &internal, false),
            (agent, &internal, true),
            (alice, &unshared, true),
            (bob, &unshared, false),
            (alice, &triage, false),
            (bob, &triage, false),
            (agent, &triage, true),
            (alice, &for_alice, true),
            (bob, &for_alice, false),
            (agent, &for_alice, false),
            (agent, &for_agent, true),
            (alice, &for_agent, false),
            (other_tenant_agent, &for_agent, false),
        ];
        for (who, e, expected) in cases {
            assert_eq!(may_receive(&who, e), expected, "{who:?} {e:?}");
        }
    }
}
