//! `/tickets/new`: the submit page. Sends the form's ticket once (one idempotency key per form
//! fill, so a retry after a lost answer never files a duplicate) and opens the new ticket.

use crate::api::{idempotency_key, use_api};
use crate::components::ticket::TicketForm;
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{FieldError, NewTicket};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The fields the form shows errors for; an error about anything else goes to a toast.
const FORM_FIELDS: [&str; 3] = ["title", "description", "contact_phone"];

#[component]
pub fn NewTicket() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let navigate = StoredValue::new_local(use_navigate());
    use_page_title(|i| i.t(Key::NewTicketTitle).to_owned());

    let key = StoredValue::new(idempotency_key());
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = Busy::new();
    let api = StoredValue::new(api);
    let send = move |ticket: NewTicket| {
        let (api, idempotency) = (api.get_value(), key.get_value());
        busy.run(async move {
            server_errors.set(Vec::new());
            match api.create_ticket(&ticket, &idempotency).await {
                Ok(created) => {
                    key.set_value(idempotency_key());
                    toasts.success(Key::TicketCreated);
                    // The user may have left the page meanwhile; then stay where they are.
                    navigate.try_with_value(|go| {
                        go(&Page::Ticket(created.id).path(), Default::default())
                    });
                }
                Err(error) => server_errors.set(toasts.form_error(&error, &FORM_FIELDS)),
            }
        });
    };

    view! {
        <div class="narrow">
            <h1>{tr(Key::NewTicketTitle)}</h1>
            <p class="muted">{tr(Key::NewTicketIntro)}</p>
            <TicketForm server_errors pending=busy.signal() on_submit=send />
        </div>
    }
}
