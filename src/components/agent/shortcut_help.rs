//! `?` (or the `shortcut-help-open` button) opens the list of keyboard shortcuts as the user has
//! mapped them: a modal dialog, labelled by its heading, that keeps focus inside (Tab cycles),
//! closes with Esc or its button and gives focus back to where it was.

use crate::i18n::ListKey;
use crate::routes::Page;
use crate::state::locale::tr;
use crate::state::shortcuts::{self, actions, use_shortcuts, HELP_KEY};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The label of a remappable action.
pub fn action_key(action: &str) -> ListKey {
    match action {
        "next_ticket" => ListKey::ANextTicket,
        "prev_ticket" => ListKey::APrevTicket,
        "open_ticket" => ListKey::AOpenTicket,
        "reply" => ListKey::AReply,
        "note" => ListKey::ANote,
        "complete" => ListKey::AComplete,
        "assign_me" => ListKey::AAssignMe,
        "star" => ListKey::AStar,
        "select" => ListKey::ASelect,
        _ => ListKey::ATrash,
    }
}

/// The dialog's first and last focusable elements (its link and its close button).
const FIRST: &str = "shortcut-settings-link";
const LAST: &str = "shortcut-help-close";

fn by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into::<web_sys::HtmlElement>().ok()
}

#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let keys = use_shortcuts();
    let open = RwSignal::new(false);
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let dialog = NodeRef::<Div>::new();
    let show = move || {
        let active = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        opener.set_value(active);
        open.set(true);
    };
    let close = move || {
        open.set(false);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == HELP_KEY && !open.get_untracked() && !shortcuts::ignored(&ev) {
            ev.prevent_default();
            show();
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        if open.get() && dialog.get().is_some() {
            if let Some(first) = by_id(FIRST) {
                let _ = first.focus();
            }
        }
    });
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => {
            let (Some(first), Some(last)) = (by_id(FIRST), by_id(LAST)) else { return };
            let active = document().active_element();
            let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>());
            if ev.shift_key() && at(&first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(&last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    let rows = move || {
        actions()
            .iter()
            .map(|a| {
                let key = keys.key(a);
                view! {
                    <tr data-testid="shortcut-row" data-action=*a>
                        <th scope="row">{tr(action_key(a).into())}</th>
                        <td><kbd>{key}</kbd></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <button type="button" class="link-button" data-testid="shortcut-help-open" aria-haspopup="dialog" on:click=move |_| show()>
            {tr(ListKey::ShortcutsButton.into())}
        </button>
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| close()></div>
            <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="shortcut-help-heading"
                data-testid="shortcut-help" node_ref=dialog on:keydown=on_keydown>
                <h2 id="shortcut-help-heading">{tr(ListKey::ShortcutsHeading.into())}</h2>
                <p class="muted">{tr(ListKey::ShortcutsIntro.into())}</p>
                <table class="shortcut-table">
                    <thead><tr>
                        <th scope="col">{tr(ListKey::ColAction.into())}</th>
                        <th scope="col">{tr(ListKey::ColKey.into())}</th>
                    </tr></thead>
                    <tbody>
                        {rows}
                        <tr data-testid="shortcut-row" data-action="help">
                            <th scope="row">{tr(ListKey::AHelp.into())}</th>
                            <td><kbd>{HELP_KEY}</kbd></td>
                        </tr>
                    </tbody>
                </table>
                <div class="button-row">
                    <a href=Page::AgentSettings.path() id=FIRST data-testid="shortcut-settings-link">{tr(ListKey::ShortcutsChange.into())}</a>
                    <button type="button" class="button primary" id=LAST data-testid="shortcut-help-close" on:click=move |_| close()>
                        {tr(ListKey::Close.into())}
                    </button>
                </div>
            </div>
        </Show>
    }
}
