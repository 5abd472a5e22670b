//! The customer's composer under the thread ("continue messaging" 继续留言): text, files, and
//! after a failed send the reason and a retry.

use crate::api::ApiError;
use crate::components::ui::{focus_id, form_errors, uploaded, FilePicker, SendFailure, TextArea, Upload};
use crate::i18n::{Key, UPLOADS_PENDING};
use crate::state::locale::{tr, tr_while};
use baton_core::{validate, FieldError, MessageKind, NewMessage};
use leptos::prelude::*;

/// A labelled textarea, a file picker and the send button. Validates with baton-core before
/// calling `on_send`.
#[component]
pub fn ReplyBox(
    /// The text being written; owned by the page so a re-render never loses it.
    body: RwSignal<String>,
    /// The files attached so far; owned by the page like the text.
    #[prop(optional)]
    files: Option<RwSignal<Vec<Upload>>>,
    /// Starts uploading a chosen file; without it the box takes no files.
    #[prop(optional, into)]
    on_upload: Option<Callback<web_sys::File, Upload>>,
    /// Field errors the server reported for the last attempt (422), keyed `body`.
    #[prop(into)]
    server_errors: Signal<Vec<FieldError>>,
    /// Why the last attempt failed when it was not the text's fault (offers a retry).
    #[prop(optional, into)]
    failure: Signal<Option<ApiError>>,
    /// True while the message is being sent.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with a message that passed validation.
    #[prop(into)]
    on_send: Callback<NewMessage>,
) -> impl IntoView {
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    let errors = form_errors(client_errors, server_errors);
    let send_now = move || {
        if pending.get_untracked() {
            return;
        }
        let attached = files.map(|f| f.get_untracked()).unwrap_or_default();
        if attached.iter().any(Upload::is_uploading) {
            client_errors.set(vec![FieldError::new("attachment_ids", UPLOADS_PENDING)]);
            return;
        }
        let message = NewMessage {
            body: body.get_untracked(),
            kind: MessageKind::Public,
            attachment_ids: uploaded(&attached).iter().map(|a| a.id).collect(),
            mentions: Vec::new(),
        };
        match validate::new_message(&message) {
            Ok(()) => {
                client_errors.set(Vec::new());
                on_send.run(message);
            }
            Err(found) => {
                client_errors.set(found);
                focus_id("reply-body");
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send_now();
    };
    let picker = files.zip(on_upload).map(|(uploads, on_upload)| {
        view! {
            <FilePicker id="reply-attachments" testid="reply-attachments" field="attachment_ids"
                label=Key::ReplyAttachments hint=None uploads on_upload errors />
        }
    });
    view! {
        <section class="card reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading">{tr(Key::ReplyHeading)}</h2>
            <form novalidate on:submit=submit>
                <TextArea id="reply-body" testid="reply-body" field="body" label=Key::ReplyLabel value=body errors required=true rows=4 />
                {picker}
                <div class="form-actions">
                    <SendFailure error=failure pending on_retry=move |()| send_now() />
                    <button type="submit" class="button primary" data-testid="reply-send" disabled=pending>
                        {tr_while(pending, Key::ReplySending, Key::ReplySend)}
                    </button>
                </div>
            </form>
        </section>
    }
}
