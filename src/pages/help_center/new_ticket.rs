//! `/tickets/new`: the submit page. Loads the ticket catalog, keeps the form in a per-user
//! localStorage draft, sends it idempotently (the same key for a retry of the same content, so a
//! lost answer never files a duplicate) and opens the new ticket.

use crate::api::{use_api, ApiError};
use crate::components::ticket::{use_ticket_types, TicketDraft, TicketForm};
use crate::i18n::Key;
use crate::pages::help_center::uploads::uploader;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::draft::{storage_key, DraftPlace};
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::problem::code;
use baton_core::{FieldError, NewTicket};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewTicket() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let navigate = StoredValue::new_local(use_navigate());
    use_page_title(|i| i.t(Key::NewTicketTitle).to_owned());

    let me = use_session().me_untracked();
    let draft = TicketDraft::open(me.map(|me| storage_key(me.id, DraftPlace::NewTicket)));
    let types = use_ticket_types();

    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = Busy::new();
    let on_upload = uploader(api.clone());
    let api = StoredValue::new(api);
    let send = move |ticket: NewTicket| {
        let (api, key) = (api.get_value(), draft.key_for(&ticket));
        busy.run(async move {
            server_errors.set(Vec::new());
            failure.set(None);
            match api.create_ticket(&ticket, &key).await {
                Ok(created) => {
                    draft.acknowledged();
                    toasts.success(Key::TicketCreated);
                    // The user may have left the page meanwhile; then stay where they are.
                    navigate.try_with_value(|go| {
                        go(&Page::Ticket(created.id).path(), Default::default())
                    });
                }
                Err(error)
                    if error.is(code::VALIDATION_FAILED) && !error.field_errors().is_empty() =>
                {
                    toasts.api_error(&error);
                    server_errors.set(error.field_errors());
                }
                Err(error) => {
                    toasts.api_error(&error);
                    failure.set(Some(error));
                }
            }
        });
    };

    view! {
        <div class="narrow">
            <h1>{tr(Key::NewTicketTitle)}</h1>
            <p class="muted">{tr(Key::NewTicketIntro)}</p>
            <TicketForm draft types server_errors failure pending=busy.signal() on_submit=send on_upload />
        </div>
    }
}
