//! The submit form (`ticket-form`): type and sub-type, the basic fields, the custom fields of the
//! chosen type, contact, related link, confidential info and attachments. Validated with
//! baton-core's `new_ticket_with` before anything is sent, errors shown next to their fields,
//! and everything typed kept (in a localStorage draft) whatever happens.

mod custom_fields;
mod draft;
mod type_picker;

pub use draft::TicketDraft;

/// The tenant's ticket types for the form (`GET /ticket-types`). A backend without a catalog (or
/// one that failed to load) gets the form without types; the server still has the last word on
/// what a ticket needs.
pub fn use_ticket_types() -> Signal<Vec<TicketType>> {
    let api = crate::api::use_api();
    let catalog = crate::state::load::Load::new(move || {
        let api = api.clone();
        async move { api.ticket_types().await }
    });
    Signal::derive(move || catalog.get().and_then(Result::ok).unwrap_or_default())
}

use crate::api::ApiError;
use crate::components::kb::KbSuggestions;
use crate::components::ui::{form_errors, FilePicker, SecretField, SendFailure, TextArea, TextField, Upload};
use crate::i18n::Key;
use crate::state::locale::tr_while;
use baton_core::validate;
use baton_core::{FieldError, NewTicket, TicketType};
use custom_fields::{CustomFields, OtherErrors};
use leptos::prelude::*;
pub use type_picker::TypePicker;
use wasm_bindgen::JsCast;

/// The ticket form. The page owns its state (`draft`) and sending it.
#[component]
pub fn TicketForm(
    /// What the user has typed so far.
    draft: TicketDraft,
    /// The tenant's ticket types with their custom fields (empty: the form has no type selects).
    #[prop(into)]
    types: Signal<Vec<TicketType>>,
    /// Field errors the server reported for the last attempt (422).
    #[prop(into)]
    server_errors: Signal<Vec<FieldError>>,
    /// Why the last attempt failed when it was not the fields' fault (offers a retry).
    #[prop(optional, into)]
    failure: Signal<Option<ApiError>>,
    /// True while a ticket is being sent: the button is disabled, so nothing is sent twice.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with a ticket that passed validation.
    #[prop(into)]
    on_submit: Callback<NewTicket>,
    /// Starts uploading a chosen file.
    #[prop(into)]
    on_upload: Callback<web_sys::File, Upload>,
) -> impl IntoView {
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    // Our own check runs first; once it passes, what the server said is what counts.
    let errors = form_errors(client_errors, server_errors);
    // When the server refuses fields, take the user to the first one to fix.
    Effect::new(move |_| {
        if !server_errors.with(Vec::is_empty) {
            request_animation_frame(focus_first_invalid);
        }
    });
    // Our own check, with the files that are still uploading.
    let check = move || {
        let types = types.get_untracked();
        let mut found = draft.pending_uploads(&types);
        let ticket = draft.to_new_ticket(&types);
        found.extend(
            validate::new_ticket_with(&ticket, &types)
                .err()
                .unwrap_or_default(),
        );
        (ticket, found)
    };
    // After a refused attempt, the marks follow the corrections as the user makes them.
    let attempted = StoredValue::new(false);
    Effect::new(move |_| {
        draft.track();
        if attempted.get_value() {
            client_errors.set(check().1);
        }
    });

    let submit_now = move || {
        if pending.get_untracked() {
            return;
        }
        let (ticket, found) = check();
        if found.is_empty() {
            attempted.set_value(false);
            client_errors.set(Vec::new());
            on_submit.run(ticket);
        } else {
            attempted.set_value(true);
            client_errors.set(found);
            request_animation_frame(focus_first_invalid);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_now();
    };

    view! {
        <form class="card form" id="ticket-form" data-testid="ticket-form" novalidate on:submit=submit>
            <TypePicker types type_id=draft.type_id subtype_id=draft.subtype_id errors />
            <TextField id="ticket-title" testid="ticket-title" field="title" label=Key::FieldTitle value=draft.title errors required=true />
            <KbSuggestions title=draft.title />
            <TextArea id="ticket-description" testid="ticket-description" field="description" label=Key::FieldDescription
                hint=Some(Key::FieldDescriptionHint.into()) value=draft.description errors required=true rows=8 />
            <CustomFields draft types errors on_upload />
            <TextField id="ticket-contact" testid="ticket-contact" field="contact_phone" label=Key::FieldContactPhone
                hint=Some(Key::FieldContactPhoneHint.into()) value=draft.contact errors input_type="tel" autocomplete="tel" />
            <TextField id="ticket-url" testid="ticket-url" field="related_url" label=Key::FieldRelatedUrl
                hint=Some(Key::FieldRelatedUrlHint.into()) value=draft.url errors input_type="url" autocomplete="url" />
            <SecretField id="ticket-confidential" testid="ticket-confidential" field="confidential" label=Key::FieldConfidential
                hint=Some(Key::FieldConfidentialHint.into()) value=draft.confidential errors />
            <FilePicker id="ticket-attachments" testid="ticket-attachments" field="attachment_ids" label=Key::FieldAttachments
                hint=Some(Key::FieldAttachmentsHint.into()) uploads=draft.files on_upload errors />
            <OtherErrors draft types errors />
            <SendFailure error=failure pending on_retry=move |()| submit_now() />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="ticket-submit" disabled=pending>
                    {tr_while(pending, Key::TicketSubmitting, Key::TicketSubmit)}
                </button>
            </div>
        </form>
    }
}

/// Focuses the first input of the form marked invalid.
fn focus_first_invalid() {
    let found = document()
        .query_selector("#ticket-form [aria-invalid='true']")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = found {
        let _ = input.focus();
    }
}
