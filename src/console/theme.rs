//! Light or dark: the console follows the system (`prefers-color-scheme`) unless the agent chose
//! one with [`ThemeSwitch`], which is remembered in localStorage (`baton.theme`) and applied as
//! `<html data-theme="light|dark">`. The stylesheets do the rest: their colours are
//! `light-dark()` pairs, and `data-theme` sets the page's `color-scheme` (style/agent.css).
// agent.html applies the remembered choice with a small inline script before the first paint
// (the server's CSP allows it by its hash); this module keeps it in step afterwards.

use crate::i18n::{AgentKey, Key};
use crate::state::locale::{tr, use_i18n};
use leptos::prelude::*;

/// The localStorage key of the agent's choice (the inline script in agent.html reads it too).
pub const STORAGE_KEY: &str = "baton.theme";

/// The agent's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// As the operating system or browser says (no `data-theme`).
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored value and `<option value>`: `system`, `light`, `dark`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Theme {
        Theme::ALL.into_iter().find(|t| t.code() == code).unwrap_or(Theme::System)
    }

    fn key(self) -> Key {
        match self {
            Theme::System => AgentKey::ThemeSystem,
            Theme::Light => AgentKey::ThemeLight,
            Theme::Dark => AgentKey::ThemeDark,
        }
        .into()
    }

    /// The remembered choice (the system's when none is, or storage is unavailable).
    pub fn stored() -> Theme {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map_or(Theme::System, |code| Theme::from_code(&code))
    }

    /// Shows this theme and remembers it.
    pub fn apply(self) {
        if let Some(root) = document().document_element() {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                theme => root.set_attribute("data-theme", theme.code()),
            };
        }
        if let Some(s) = storage() {
            let _ = match self {
                Theme::System => s.remove_item(STORAGE_KEY),
                theme => s.set_item(STORAGE_KEY, theme.code()),
            };
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The theme chooser (`theme-switch`): a labelled `<select>` of system, light and dark.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(Theme::stored());
    let change = move |ev: leptos::ev::Event| {
        let theme = Theme::from_code(&event_target_value(&ev));
        theme.apply();
        chosen.set(theme);
    };
    view! {
        <div class="theme-switch">
            <label for="theme-switch">{tr(AgentKey::Theme.into())}</label>
            <select id="theme-switch" data-testid="theme-switch" on:change=change>
                {Theme::ALL
                    .into_iter()
                    .map(|theme| view! {
                        <option value=theme.code() prop:selected=move || chosen.get() == theme>
                            {move || i18n.t(theme.key())}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
