//! The submit form (`ticket-form`): validated with baton-core before anything is sent, errors
//! shown next to their fields, and the typed text kept whatever happens.

use crate::components::ui::{focus_id, TextArea, TextField};
use crate::i18n::Key;
use crate::state::locale::tr_while;
use baton_core::validate;
use baton_core::{FieldError, NewTicket};
use leptos::prelude::*;

/// The input id of each validated field, in the order of the form.
const FIELDS: [(&str, &str); 3] = [
    ("title", "ticket-title"),
    ("description", "ticket-description"),
    ("contact_phone", "ticket-contact"),
];

/// The ticket form. It owns what the user types; the page owns sending it.
#[component]
pub fn TicketForm(
    /// Field errors the server reported for the last attempt (422).
    #[prop(into)]
    server_errors: Signal<Vec<FieldError>>,
    /// True while a ticket is being sent: the button is disabled, so nothing is sent twice.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with a ticket that passed validation.
    #[prop(into)]
    on_submit: Callback<NewTicket>,
) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    // Our own check runs first; once it passes, what the server said is what counts.
    let errors = Signal::derive(move || {
        let mine = client_errors.get();
        if mine.is_empty() {
            server_errors.get()
        } else {
            mine
        }
    });
    // After a failed attempt, take the user to the first field to fix.
    Effect::new(move |_| {
        let errors = errors.get();
        if let Some((_, id)) = FIELDS
            .iter()
            .find(|(field, _)| errors.iter().any(|e| e.field == *field))
        {
            focus_id(id);
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let contact = phone.get_untracked();
        let ticket = NewTicket {
            title: title.get_untracked(),
            description: description.get_untracked(),
            contact_phone: (!contact.trim().is_empty()).then_some(contact),
            ..Default::default()
        };
        match validate::new_ticket(&ticket) {
            Ok(()) => {
                client_errors.set(Vec::new());
                on_submit.run(ticket);
            }
            Err(found) => client_errors.set(found),
        }
    };

    view! {
        <form class="card form" data-testid="ticket-form" novalidate on:submit=submit>
            <TextField id="ticket-title" testid="ticket-title" field="title" label=Key::FieldTitle value=title errors required=true />
            <TextArea
                id="ticket-description"
                testid="ticket-description"
                field="description"
                label=Key::FieldDescription
                hint=Key::FieldDescriptionHint
                value=description
                errors
                required=true
                rows=8
            />
            <TextField
                id="ticket-contact"
                testid="ticket-contact"
                field="contact_phone"
                label=Key::FieldContactPhone
                hint=Key::FieldContactPhoneHint
                value=phone
                errors
                input_type="tel"
                autocomplete="tel"
            />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="ticket-submit" disabled=pending>
                    {tr_while(pending, Key::TicketSubmitting, Key::TicketSubmit)}
                </button>
            </div>
        </form>
    }
}
