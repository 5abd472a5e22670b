//! The customer's composer under the thread ("continue messaging" 继续留言).

use crate::components::ui::{focus_id, TextArea};
use crate::i18n::Key;
use crate::state::locale::{tr, tr_while};
use baton_core::{validate, FieldError, MessageKind, NewMessage};
use leptos::prelude::*;

/// A labelled textarea and its send button. Validates with baton-core before calling `on_send`.
#[component]
pub fn ReplyBox(
    /// The text being written; owned by the page so a re-render never loses it.
    body: RwSignal<String>,
    /// Field errors the server reported for the last attempt (422), keyed `body`.
    #[prop(into)]
    server_errors: Signal<Vec<FieldError>>,
    /// True while the message is being sent.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with a message that passed validation.
    #[prop(into)]
    on_send: Callback<NewMessage>,
) -> impl IntoView {
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    let errors = Signal::derive(move || {
        let mine = client_errors.get();
        if mine.is_empty() {
            server_errors.get()
        } else {
            mine
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let message = NewMessage {
            body: body.get_untracked(),
            kind: MessageKind::Public,
            ..Default::default()
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
    view! {
        <section class="card reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading">{tr(Key::ReplyHeading)}</h2>
            <form novalidate on:submit=submit>
                <TextArea id="reply-body" testid="reply-body" field="body" label=Key::ReplyLabel value=body errors required=true rows=4 />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="reply-send" disabled=pending>
                        {tr_while(pending, Key::ReplySending, Key::ReplySend)}
                    </button>
                </div>
            </form>
        </section>
    }
}
