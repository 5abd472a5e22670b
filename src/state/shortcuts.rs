//! Keyboard shortcuts (快捷键): the user's action → key map from `GET /api/v1/me/settings`
//! (defaults from `baton_core::DEFAULT_SHORTCUTS` until it answers), shared by every page, and
//! [`install`], which runs a page's handler for the actions it knows.
//!
//! ```text
//! let shortcuts = use_shortcuts();
//! shortcuts::install(&["reply", "note", "complete"], move |action, _ev| match action {
//!     "reply" => …, _ => {}
//! });
//! // in a view: {move || shortcuts.key("reply")}
//! ```
//! Keys typed into an input, textarea, select or contenteditable element, and combinations with
//! Ctrl, Alt or Meta, never trigger a shortcut (Shift is allowed: `*`, `#` and `?` need it).

use crate::api::use_api;
use baton_core::{UserSettings, DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Action → key, e.g. `"next_ticket" → "j"`.
pub type KeyMap = BTreeMap<String, String>;

/// The action that opens the list of shortcuts; not remappable.
pub const HELP_KEY: &str = "?";

thread_local! {
    static MAP: ArcRwSignal<KeyMap> = ArcRwSignal::new(defaults());
    /// When the map was last asked for (ms since the epoch): one page's several callers share one GET.
    static ASKED_AT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

/// Asks the server for the map unless that was just done.
fn refresh() {
    let now = js_sys::Date::now();
    if now - ASKED_AT.with(std::cell::Cell::get) < 2_000.0 {
        return;
    }
    ASKED_AT.with(|t| t.set(now));
    let api = use_api();
    leptos::task::spawn_local(async move {
        if let Ok(settings) = api.settings().await {
            MAP.with(|m| m.set(merged(settings)));
        }
    });
}

/// The default map.
pub fn defaults() -> KeyMap {
    DEFAULT_SHORTCUTS.iter().map(|(a, k)| ((*a).to_owned(), (*k).to_owned())).collect()
}

/// Every remappable action, in display order.
pub fn actions() -> &'static [&'static str] {
    &SHORTCUT_ACTIONS
}

/// The current shortcuts of the signed-in user. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Shortcuts {
    map: Signal<KeyMap>,
}

impl Shortcuts {
    /// The whole map (tracked).
    pub fn map(&self) -> KeyMap {
        self.map.get()
    }

    /// The key of `action` (tracked); empty if it has none.
    pub fn key(&self, action: &str) -> String {
        self.map.with(|m| m.get(action).cloned().unwrap_or_default())
    }

    /// Replaces the map after a successful save.
    pub fn set(&self, map: KeyMap) {
        MAP.with(|m| m.set(map));
    }
}

/// The shortcuts, refreshed from the server when a page mounts (calls within 2 s share one
/// request); until the answer comes, the last known map (at first the defaults).
pub fn use_shortcuts() -> Shortcuts {
    refresh();
    Shortcuts { map: Signal::from(MAP.with(ArcRwSignal::clone)) }
}

/// The stored settings over the defaults.
pub fn merged(settings: UserSettings) -> KeyMap {
    settings.with_defaults().shortcuts
}

/// The action among `actions` bound to `key` in `map`.
pub fn action_for<'a>(map: &KeyMap, actions: &[&'a str], key: &str) -> Option<&'a str> {
    actions.iter().copied().find(|a| map.get(*a).is_some_and(|k| k == key))
}

/// Whether a key press must not trigger shortcuts: typed into a field, or with Ctrl/Alt/Meta.
pub fn ignored(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable], [role=dialog]").ok().flatten().is_some()
        });
    in_field || ev.ctrl_key() || ev.alt_key() || ev.meta_key()
}

/// Listens on the window, while the calling component lives, for the keys of `actions` (as the
/// user mapped them, fetched if not just done) and runs `handler(action, event)`; it may call
/// `prevent_default`.
pub fn install(
    actions: &'static [&'static str],
    handler: impl Fn(&'static str, &web_sys::KeyboardEvent) + 'static,
) {
    refresh();
    let shared = MAP.with(ArcRwSignal::clone);
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ignored(&ev) {
            return;
        }
        let key = ev.key();
        let action = shared.with_untracked(|map| action_for(map, actions, &key));
        if let Some(action) = action {
            handler(action, &ev);
        }
    });
    on_cleanup(move || listener.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_action_of_a_key_among_the_given_ones() {
        let mut map = defaults();
        assert_eq!(action_for(&map, &["next_ticket", "prev_ticket"], "j"), Some("next_ticket"));
        assert_eq!(action_for(&map, &["prev_ticket"], "j"), None);
        map.insert("next_ticket".into(), "ArrowDown".into());
        assert_eq!(action_for(&map, &["next_ticket"], "j"), None);
        assert_eq!(action_for(&map, &["next_ticket"], "ArrowDown"), Some("next_ticket"));
    }

    #[test]
    fn stored_keys_override_the_defaults() {
        let mut stored = UserSettings::default();
        stored.shortcuts.insert("reply".into(), "R".into());
        let map = merged(stored);
        assert_eq!(map.get("reply").map(String::as_str), Some("R"));
        assert_eq!(map.get("note").map(String::as_str), Some("n"));
        assert_eq!(map.len(), actions().len());
    }
}
