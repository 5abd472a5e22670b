//! A ticket's conversation, oldest first.
//!
//! A long thread shows its latest [`WINDOW`] entries and a button for earlier ones, [`WINDOW`] at a
//! time: rendering a thousand entries at once costs a few hundred milliseconds in the browser,
//! while the latest ones are what the reader needs first (as Zendesk and Zammad collapse them).

use super::MessageItem;
use crate::i18n::Key;
use crate::state::locale::{tr, use_i18n};
use baton_core::Message;
use leptos::prelude::*;

/// How many entries a long thread shows at first, and how many more each click shows.
pub const WINDOW: usize = 100;

/// The thread as an ordered list, or a note when it is empty.
#[component]
pub fn Thread(
    /// The entries, oldest first (as the API sends them).
    messages: Vec<Message>,
    /// Words the property changes of system entries, by entry id (the agent workspace's).
    #[prop(optional_no_strip)]
    describe: Option<fn(i64) -> Option<String>>,
) -> impl IntoView {
    if messages.is_empty() {
        return view! { <p class="muted">{tr(Key::ThreadEmpty)}</p> }.into_any();
    }
    let i18n = use_i18n();
    let total = messages.len();
    let messages = StoredValue::new(messages);
    let shown = RwSignal::new(WINDOW.min(total));
    let earlier = move || total - shown.get();
    let more = move |_| shown.update(|s| *s = (*s + WINDOW).min(total));
    view! {
        {move || (earlier() > 0).then(|| view! {
            <button type="button" class="link-button thread-earlier" data-testid="thread-earlier" on:click=more>
                {move || i18n.tf(Key::ThreadEarlier, &[&earlier().to_string()])}
            </button>
        })}
        <ol class="thread">
            {move || {
                let from = total - shown.get();
                messages.with_value(|m| m[from..].iter().cloned().map(|message| view! { <MessageItem message describe /> }).collect_view())
            }}
        </ol>
    }
    .into_any()
}
