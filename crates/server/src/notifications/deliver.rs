//! Writing one kind of notification to its recipients, inside the caller's transaction: the row
//! (shown in the app or only mailed), the live event, and the mail — now, in the recipient's
//! digest, or not at all, as their preference and whether they are online say.

use super::online;
use crate::error::Error;
use crate::events;
use crate::mail::notice::{self, Notice, Recipient};
use crate::mail::Lang;
use crate::services::Services;
use crate::storage::events::StoredEvent;
use crate::storage::notifications::{self as store, prefs, NewNotification};
use crate::storage::tickets::TicketRow;
use crate::storage::{self, Conn};
use baton_core::{EmailWhen, NotificationKind, NotificationPreference};

/// What caused notifications: the ticket (as it is after the change), its desk, who acted.
pub struct Cause<'a> {
    pub tenant_id: i64,
    pub ticket: &'a TicketRow,
    /// `None`: the desk itself (routing, auto-close, the SLA watch).
    pub actor: Option<i64>,
}

/// `user_id`'s preference for `kind` (the default when they chose none).
pub async fn preference(conn: &mut Conn, tenant_id: i64, user_id: i64, kind: NotificationKind) -> Result<NotificationPreference, Error> {
    let stored = prefs::get(conn, tenant_id, user_id, kind.code()).await?;
    Ok(match stored {
        Some(row) => NotificationPreference {
            kind,
            in_app: row.in_app,
            email: EmailWhen::from_code(&row.email).ok_or_else(|| storage::Error::corrupt(format!("email preference {:?}", row.email)))?,
        },
        None => NotificationPreference::default_for(kind),
    })
}

/// Notifies `recipients` (deduplicated, the actor left out) of `kind`; the live events to commit
/// with the change.
pub async fn deliver(conn: &mut Conn, app: &Services, cause: &Cause<'_>, kind: NotificationKind, recipients: &[i64]) -> Result<Vec<StoredEvent>, Error> {
    let (tenant_id, ticket) = (cause.tenant_id, cause.ticket);
    let now = app.clock.now();
    let stamp = storage::timestamp(now);
    let mut done: Vec<i64> = Vec::new();
    let mut live = Vec::new();
    let mut desk: Option<String> = None;
    let mut actor: Option<Option<String>> = None;
    for &user_id in recipients {
        if Some(user_id) == cause.actor || done.contains(&user_id) {
            continue;
        }
        done.push(user_id);
        let Some(person) = store::person(conn, tenant_id, user_id).await? else { continue };
        let staff = person.role != "customer";
        // Each kind has its audience; a customer never hears of a ticket out of their sight.
        if kind.for_customers() == staff || (!staff && (ticket.trashed_at.is_some() || ticket.suspended_at.is_some())) {
            continue;
        }
        let pref = preference(conn, tenant_id, user_id, kind).await?;
        let mail = match pref.email {
            EmailWhen::Never => false,
            EmailWhen::Always => true,
            EmailWhen::Offline => !online::is_online(conn, tenant_id, user_id).await?,
        };
        if !pref.in_app && !mail {
            continue;
        }
        let digest = mail && staff && person.digest.unwrap_or(false);
        let row = NewNotification { tenant_id, user_id, kind: kind.code(), ticket_id: ticket.id, actor_id: cause.actor, in_app: pref.in_app, digest_pending: digest, now: &stamp };
        let id = store::insert(conn, &row).await?;
        if pref.in_app {
            live.push(events::record_notification(conn, ticket, tenant_id, user_id, (id, kind)).await?);
        }
        if mail && !digest {
            if desk.is_none() {
                desk = Some(store::desk_name(conn, tenant_id).await?);
            }
            if actor.is_none() {
                actor = Some(match cause.actor {
                    Some(a) => store::person(conn, tenant_id, a).await?.map(|p| p.name),
                    None => None,
                });
            }
            let recipient = Recipient {
                tenant_id,
                user_id,
                to: &person.email,
                name: &person.name,
                staff,
                lang: Lang::from_code(person.language.as_deref().unwrap_or("en")),
                desk: desk.as_deref().unwrap_or_default(),
            };
            let what = Notice { kind, ticket_id: ticket.id, number: ticket.number, title: &ticket.title, actor: actor.as_ref().and_then(|a| a.as_deref()) };
            notice::enqueue(conn, now, &app.mailer.public_url, &recipient, &what).await?;
            app.mailer.wake();
        }
    }
    Ok(live)
}
