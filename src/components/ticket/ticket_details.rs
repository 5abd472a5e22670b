//! A ticket's properties as the customer filled them in: type and sub-type, contact phone,
//! related link (a link only for http(s), never followed with the page's referrer), the custom
//! field values with their labels in the current locale, and the attachments.

mod field_value;

use super::custom_field::attachment_ids;
use super::AttachmentList;
use crate::components::ui::{label_text, tenant_text, Label};
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::validate::is_http_url;
use baton_core::{FieldKind, Text, Ticket, TicketType};
use field_value::field_value_view;
use leptos::either::Either;
use leptos::prelude::*;

/// The details card; nothing when the ticket has none of these.
#[component]
pub fn TicketDetails(
    /// The ticket to describe.
    ticket: Ticket,
    /// The tenant's catalog, for field labels and option labels (empty: values show as stored).
    types: Vec<TicketType>,
) -> impl IntoView {
    let catalog_type = ticket
        .ticket_type
        .as_ref()
        .and_then(|t| types.iter().find(|c| c.id == t.id));
    let catalog_subtype = catalog_type
        .zip(ticket.subtype.as_ref())
        .and_then(|(t, s)| t.subtype(s.id));
    let defs: Vec<_> = catalog_type
        .map(|t| t.fields_for(catalog_subtype).cloned().collect())
        .unwrap_or_default();
    let fields = ticket
        .fields
        .iter()
        // A backend may list unfilled fields; an empty value says nothing worth a row.
        .filter(|entry| !entry.value.is_empty())
        .map(|entry| {
            let def = defs.iter().find(|d| d.key == entry.key);
            let label = match def {
                Some(def) => Label::Tenant(def.label.clone()),
                // No longer in the catalog: its key is all there is to name it.
                None => Label::Tenant(Text([("en".to_owned(), entry.key.clone())].into())),
            };
            let label = label_text(label);
            let value = field_value_view(def, &entry.value, &ticket.attachments);
            view! { <dt>{label}</dt><dd data-field=entry.key.clone()>{value}</dd> }
        })
        .collect_view();
    let kind = ticket.ticket_type.map(|t| {
        view! { <dt>{tr(Key::FieldType)}</dt><dd data-testid="ticket-type-name">{tenant_text(t.name)}</dd> }
    });
    let subkind = ticket.subtype.map(|s| {
        view! { <dt>{tr(Key::FieldSubtype)}</dt><dd data-testid="ticket-subtype-name">{tenant_text(s.name)}</dd> }
    });
    let phone = ticket.contact_phone.map(|p| {
        view! { <dt>{tr(Key::DetailContactPhone)}</dt><dd>{p}</dd> }
    });
    let url = ticket.related_url.map(|url| {
        let shown = if is_http_url(&url) {
            Either::Left(view! { <a href=url.clone() rel="noopener noreferrer nofollow" target="_blank" data-testid="ticket-url-link">{url.clone()}</a> })
        } else {
            Either::Right(view! { <span data-testid="ticket-url-link">{url}</span> })
        };
        view! { <dt>{tr(Key::DetailRelatedUrl)}</dt><dd>{shown}</dd> }
    });
    // Files given in an attachment field show there, not again in the general list.
    let in_fields: Vec<i64> = ticket
        .fields
        .iter()
        .filter(|entry| {
            defs.iter()
                .any(|d| d.key == entry.key && d.kind == FieldKind::Attachment)
        })
        .flat_map(|entry| attachment_ids(&entry.value))
        .collect();
    let general: Vec<_> = ticket
        .attachments
        .iter()
        .filter(|a| !in_fields.contains(&a.id))
        .cloned()
        .collect();
    let attachments = (!general.is_empty()).then(|| {
        view! {
            <h3>{tr(Key::AttachmentsHeading)}</h3>
            <AttachmentList attachments=general />
        }
    });
    view! {
        <section class="card details" aria-labelledby="details-heading">
            <h2 id="details-heading">{tr(Key::DetailsHeading)}</h2>
            <dl class="properties">{kind}{subkind}{phone}{url}{fields}</dl>
            {attachments}
        </section>
    }
}
