//! The demo tickets: one solved, one pending and one new in the demo desk, one in the other desk,
//! each with the thread it would have had, dated in the recent past.

use super::{OTHER_TENANT, TENANT};
use crate::storage::messages::{self as message_store, NewMessageRow};
use crate::storage::tickets::{self as ticket_store, NewTicketRow};
use crate::reports::facts;
use crate::storage::{self, Conn};
use baton_core::{Channel, MessageKind, Priority, Status, StatusChange};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// One thread entry: who (email), when (hours ago), and what.
type Entry = (&'static str, i64, What);

enum What {
    Say(MessageKind, &'static str),
    Change(Status, Status),
}

struct DemoTicket {
    tenant: &'static str,
    requester: &'static str,
    title: &'static str,
    description: &'static str,
    contact_phone: Option<&'static str>,
    hours_ago: i64,
    thread: &'static [Entry],
}

const AGENT: &str = "agent@baton.test";

const TICKETS: &[DemoTicket] = &[
    DemoTicket {
        tenant: TENANT,
        requester: "alice@customer.test",
        title: "The printer on the 3rd floor jams",
        description: "It jams on every double-sided print, since Monday.",
        contact_phone: None,
        hours_ago: 72,
        thread: &[
            (AGENT, 71, What::Change(Status::New, Status::Open)),
            (
                AGENT,
                70,
                What::Say(
                    MessageKind::Public,
                    "We replaced the fuser unit. Could you try again?",
                ),
            ),
            (AGENT, 70, What::Change(Status::Open, Status::Solved)),
        ],
    },
    DemoTicket {
        tenant: TENANT,
        requester: "alice@customer.test",
        title: "VPN disconnects every hour",
        description: "The VPN drops at about the full hour and I have to sign in again.",
        contact_phone: Some("+86 138-0000-0000"),
        hours_ago: 26,
        thread: &[
            (AGENT, 25, What::Change(Status::New, Status::Open)),
            (
                AGENT,
                25,
                What::Say(
                    MessageKind::Internal,
                    "Probably the known keep-alive issue.",
                ),
            ),
            (
                AGENT,
                24,
                What::Say(
                    MessageKind::Public,
                    "Could you send us the log of the VPN client?",
                ),
            ),
            (AGENT, 24, What::Change(Status::Open, Status::Pending)),
        ],
    },
    DemoTicket {
        tenant: TENANT,
        requester: "carol@customer.test",
        title: "Please change our invoice address",
        description: "Globex moved: the new address is 1 Harbour Road.",
        contact_phone: None,
        hours_ago: 2,
        thread: &[(
            "carol@customer.test",
            1,
            What::Say(MessageKind::Public, "Our VAT number stays the same."),
        )],
    },
    DemoTicket {
        tenant: OTHER_TENANT,
        requester: "dave@other.test",
        title: "Password reset link expired",
        description: "The link in the email says it has expired.",
        contact_phone: None,
        hours_ago: 5,
        thread: &[],
    },
];

/// Writes the demo tickets; `tenants` and `users` map names and emails to the seeded ids.
pub(super) async fn seed(
    conn: &mut Conn,
    tenants: &HashMap<&str, i64>,
    users: &HashMap<&str, i64>,
    now: OffsetDateTime,
) -> Result<(), storage::Error> {
    let at = |hours_ago: i64| storage::timestamp(now - Duration::hours(hours_ago));
    for t in TICKETS {
        let tenant_id = tenants[t.tenant];
        let created = at(t.hours_ago);
        let row = NewTicketRow {
            tenant_id,
            title: t.title,
            description: t.description,
            status: Status::New,
            priority: Priority::Normal,
            channel: Channel::Web,
            requester_id: users[t.requester],
            contact_phone: t.contact_phone,
            type_id: None,
            subtype_id: None,
            related_url: None,
            now: &created,
        };
        let ticket_id = ticket_store::insert(conn, &row).await?;
        facts::created(conn, tenant_id, ticket_id, &created, false).await?;
        for (who, hours_ago, what) in t.thread {
            let when = at(*hours_ago);
            let (kind, body, status_change) = match what {
                What::Say(kind, body) => (*kind, *body, None),
                What::Change(from, to) => (
                    MessageKind::System,
                    "",
                    Some(StatusChange {
                        from: *from,
                        to: *to,
                    }),
                ),
            };
            let entry = NewMessageRow {
                tenant_id,
                ticket_id,
                kind,
                author_id: Some(users[who]),
                body,
                status_change,
                change: None,
                version: None,
                now: &when,
            };
            message_store::insert(conn, &entry).await?;
            // The threads' only staff author is the demo agent.
            facts::message(conn, tenant_id, ticket_id, kind, users[who], *who == AGENT, &when).await?;
            // No expected version, so always written: the seed is the only writer.
            match status_change {
                Some(change) => {
                    facts::status(conn, tenant_id, ticket_id, (change.from, change.to), &when, None).await?;
                    ticket_store::set_status(conn, tenant_id, ticket_id, change.to, &when, None)
                        .await?;
                }
                None => ticket_store::touch_updated(conn, tenant_id, ticket_id, &when).await?,
            };
        }
    }
    Ok(())
}
