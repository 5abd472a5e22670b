//! The ticket page's keyboard shortcuts (the user's map, `state::shortcuts`): reply focuses the
//! composer for a public reply, note for an internal note, complete completes the ticket.

use super::Loaded;
use crate::i18n::TicketKey;
use crate::state::locale::use_i18n;
use crate::state::shortcuts::{self, use_shortcuts};
use crate::state::toasts::use_toasts;
use baton_core::{Action, Ticket};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The actions this page handles.
const ACTIONS: &[&str] = &["reply", "note", "complete"];

/// Listens for the page's shortcuts while it is shown.
pub fn install(state: Loaded, ticket: Memo<Option<Ticket>>, internal: RwSignal<bool>) {
    let toasts = use_toasts();
    shortcuts::install(ACTIONS, move |action, ev| {
        match action {
            "reply" | "note" => {
                ev.prevent_default();
                internal.set(action == "note");
                focus("reply-body");
            }
            "complete" => {
                let Some(t) = ticket.get_untracked() else { return };
                if t.allowed_actions.contains(&Action::Complete) {
                    ev.prevent_default();
                    state.act(t.id, Action::Complete, move |e| toasts.api_error(&e));
                }
            }
            _ => {}
        }
    });
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The keys, as the user mapped them.
#[component]
pub fn Hint() -> impl IntoView {
    let i18n = use_i18n();
    let map = use_shortcuts();
    view! {
        <p class="hint shortcuts-hint" data-testid="shortcuts-hint">
            {move || i18n.tf(TicketKey::ShortcutsHint.into(), &[&map.key("reply"), &map.key("note"), &map.key("complete")])}
        </p>
    }
}
