//! A ticket's conversation, oldest first.

use super::MessageItem;
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::Message;
use leptos::prelude::*;

/// The thread as an ordered list, or a note when it is empty.
#[component]
pub fn Thread(
    /// The entries, oldest first (as the API sends them).
    messages: Vec<Message>,
) -> impl IntoView {
    if messages.is_empty() {
        return view! { <p class="muted">{tr(Key::ThreadEmpty)}</p> }.into_any();
    }
    view! {
        <ol class="thread">
            {messages.into_iter().map(|message| view! { <MessageItem message /> }).collect_view()}
        </ol>
    }
    .into_any()
}
