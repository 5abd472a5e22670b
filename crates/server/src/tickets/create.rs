//! Creating a ticket: the basic fields, its type, sub-type and custom field values, confidential
//! info (sealed), the attachments it names, and its routing to an agent group — all in one
//! transaction with its live event.

use super::{detail, links, Outcome};
use crate::auth::CurrentUser;
use crate::events::{self, Change};
use crate::error::Error;
use crate::reports::facts;
use crate::services::Services;
use crate::secret::ticket_aad;
use crate::storage::tickets::{self as ticket_store, fields, NewTicketRow};
use crate::storage::{self, attachments, catalog, confidential, idempotency, TicketScope};
use baton_core::automation::TicketEvent;
use baton_core::{validate, Channel, NewTicket, Priority, Status, Ticket};

/// The idempotency scope of ticket creation.
const CREATE_SCOPE: &str = "POST /tickets";

/// Creates a ticket requested by `user`, numbered next in the tenant, through the web.
pub async fn create(
    app: &Services,
    user: &CurrentUser,
    new: NewTicket,
    key: Option<&str>,
) -> Result<Outcome<Ticket>, Error> {
    create_via(app, user, new, key, Channel::Web).await
}

/// [`create`] through `channel` (the widget's tickets say `widget`).
pub async fn create_via(
    app: &Services,
    user: &CurrentUser,
    new: NewTicket,
    key: Option<&str>,
    channel: Channel,
) -> Result<Outcome<Ticket>, Error> {
    let scope = user.ticket_scope();
    create_as(app, user, Requester { id: user.id, scope, idempotency: CREATE_SCOPE }, new, key, channel).await
}

/// Who a ticket is created for: the requester, the scope the answer is read in, and the
/// idempotency scope of the endpoint.
struct Requester<'a> {
    id: i64,
    scope: TicketScope,
    idempotency: &'a str,
}

/// A ticket registered by staff `user` for customer `requester_id` of their tenant (phone
/// registration): the same validation, routing, fields and event as [`create_via`]. The caller
/// checked that `requester_id` is a customer of the tenant. The answer is read tenant-wide, so
/// the agent sees what they registered even when routing sends it to another group.
pub async fn create_for(
    app: &Services,
    user: &CurrentUser,
    requester_id: i64,
    new: NewTicket,
    key: Option<&str>,
    channel: Channel,
) -> Result<Outcome<Ticket>, Error> {
    let scope = TicketScope { tenant_id: user.tenant_id, requester_id: None, share_group_id: None, agent_id: None };
    let idempotency = format!("POST /customers/{requester_id}/tickets");
    create_as(app, user, Requester { id: requester_id, scope, idempotency: &idempotency }, new, key, channel).await
}

async fn create_as(
    app: &Services,
    user: &CurrentUser,
    requester: Requester<'_>,
    new: NewTicket,
    key: Option<&str>,
    channel: Channel,
) -> Result<Outcome<Ticket>, Error> {
    let types = catalog::load(&app.db, user.tenant_id).await?;
    validate::new_ticket_with(&new, &types).map_err(Error::Validation)?;
    let scope = requester.scope;
    let mut tx = app.db.begin_write().await?;
    let now = storage::timestamp(app.clock.now());
    if let Some(key) = key {
        if let Some(id) =
            idempotency::claim(&mut tx, user.tenant_id, user.id, requester.idempotency, key, &now).await?
        {
            let row = ticket_store::get(&mut tx, scope, id)
                .await?
                .ok_or(Error::NotFound)?;
            let value = detail::full(&mut tx, user, row).await?;
            tx.commit().await?;
            return Ok(Outcome {
                value,
                replayed: true,
            });
        }
    }
    let wanted = links::of_ticket(&new, &types);
    links::check(&mut tx, user, &wanted).await?;
    let id = ticket_store::insert(
        &mut tx,
        &NewTicketRow {
            tenant_id: user.tenant_id,
            title: new.title.trim(),
            description: &new.description,
            status: Status::New,
            priority: Priority::Normal,
            channel,
            requester_id: requester.id,
            contact_phone: non_empty(new.contact_phone.as_deref()),
            type_id: new.type_id,
            subtype_id: new.subtype_id,
            related_url: non_empty(new.related_url.as_deref()),
            now: &now,
        },
    )
    .await?;
    // Registered by staff for a customer: a reply counts only after the customer has spoken.
    facts::created(&mut tx, user.tenant_id, id, &now, requester.id != user.id).await?;
    let desk = TicketScope { tenant_id: user.tenant_id, requester_id: None, share_group_id: None, agent_id: None };
    let inserted = ticket_store::get(&mut tx, desk, id).await?.ok_or(Error::NotFound)?;
    let handler = crate::routing::assign::route_new(&mut tx, user.tenant_id, &inserted).await?;
    // Workflows: a ticket of a type with a workflow starts at its first step (routing sent it to
    // that step's group).
    crate::workflows::ticket::start(&mut tx, user.tenant_id, &inserted, handler, &now).await?;
    if let Some(type_id) = new.type_id {
        let ids = catalog::field_ids(&mut tx, user.tenant_id, type_id, new.subtype_id).await?;
        // Validation refused unknown keys, so every non-empty value has its field.
        for (key, value) in new.fields.iter().filter(|(_, v)| !v.is_empty()) {
            if let Some(field_id) = ids.get(key) {
                fields::insert(&mut tx, user.tenant_id, id, *field_id, value).await?;
            }
        }
    }
    if let Some(secret) = new.confidential.as_deref().filter(|c| !c.trim().is_empty()) {
        let sealed = app
            .cipher
            .seal(secret, &ticket_aad(user.tenant_id, id))
            .map_err(|e| Error::Internal(e.to_string()))?;
        confidential::put(&mut tx, user.tenant_id, id, &sealed, user.id, &now).await?;
    }
    for (attachment_id, _) in &wanted {
        attachments::link_ticket(&mut tx, *attachment_id, id).await?;
    }
    if let Some(key) = key {
        idempotency::complete(&mut tx, user.tenant_id, user.id, requester.idempotency, key, id).await?;
    }
    let row = ticket_store::get(&mut tx, scope, id)
        .await?
        .ok_or(Error::NotFound)?;
    crate::sla::refresh(&mut tx, user.tenant_id, &row, app.clock.now()).await?;
    let mut live = vec![events::record(&mut tx, &row, user.tenant_id, Change::Created).await?];
    live.extend(crate::notifications::on_created(&mut tx, app, user.tenant_id, &row, user.id).await?);
    // Automations (issue 13): the desk's "created" rules, after routing, in this transaction.
    let ruled = crate::automations::run::on_event(app, &mut tx, user.tenant_id, id, TicketEvent::Created).await?;
    let row = if ruled.is_empty() { row } else { ticket_store::get(&mut tx, scope, id).await?.ok_or(Error::NotFound)? };
    live.extend(ruled);
    let value = detail::full(&mut tx, user, row).await?;
    app.events.commit(tx, live).await?;
    Ok(Outcome {
        value,
        replayed: false,
    })
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}
