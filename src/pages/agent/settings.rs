//! `/agent/settings`: the agent remaps each keyboard shortcut. Focus an action's field and press
//! the key (Tab still moves on); `PUT /me/settings` saves the whole map, and a key bound twice
//! comes back as `shortcuts.<action>` shown next to that field, with everything typed kept. In the
//! admin bundle (which serves it) also availability and the agent's own quick replies (issue 12).

use crate::api::use_api;
use crate::components::agent::action_key;
use crate::components::ui::{error_id, has_error};
use crate::i18n::{Key, ListKey};
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_i18n, use_page_title};
use crate::state::shortcuts::{actions, defaults, use_shortcuts, KeyMap};
use crate::state::toasts::use_toasts;
use baton_core::{FieldError, UserSettings};
use leptos::prelude::*;

// Availability for routing (issue 13): the admin bundle serves this page.
#[cfg(feature = "admin")]
mod availability;
mod everywhere;

/// The keys a shortcut field takes as "the key pressed"; the rest (modifiers alone, Tab) keep
/// their usual meaning.
pub fn bindable(key: &str) -> bool {
    !matches!(key, "Tab" | "Shift" | "Control" | "Alt" | "Meta" | "CapsLock" | "Dead" | "Unidentified" | "Process")
}

// The admin bundle's sections of this page: availability, and (issue 12) the agent's own quick
// replies. One function, so that the console's build of the page stays as it was.
#[cfg(feature = "admin")]
fn availability() -> impl IntoView {
    view! {
        <availability::AvailabilitySetting />
        <crate::pages::admin::quick_replies::QuickReplies visibility=baton_core::ReplyVisibility::Private />
    }
}

#[cfg(not(feature = "admin"))]
fn availability() {}

#[component]
pub fn AgentSettings() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    use_page_title(|i| i.t(ListKey::SettingsTitle.into()).to_owned());
    let shortcuts = use_shortcuts();
    let form = RwSignal::new(KeyMap::new());
    // The form follows the stored map until the agent changes something.
    let touched = RwSignal::new(false);
    Effect::new(move |_| {
        let map = shortcuts.map();
        if !touched.get_untracked() {
            form.set(map);
        }
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = Busy::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let map = form.get_untracked();
        let settings = UserSettings { shortcuts: map.clone() };
        let api = api.get_value();
        busy.run(async move {
            match api.save_settings(&settings).await {
                Ok(()) => {
                    errors.set(Vec::new());
                    shortcuts.set(map);
                    touched.set(false);
                    toasts.success(ListKey::ShortcutsSaved.into());
                }
                Err(e) => errors.set(toasts.form_error(&e, &actions().iter().map(|a| format!("shortcuts.{a}")).collect::<Vec<_>>().iter().map(String::as_str).collect::<Vec<_>>())),
            }
        });
    };
    let field = move |action: &'static str| {
        let id = format!("shortcut-{action}");
        let name = format!("shortcuts.{action}");
        let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
        let err_id = error_id(&id);
        let err_id2 = err_id.clone();
        let on_keydown = move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if !bindable(&key) || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
                return;
            }
            ev.prevent_default();
            touched.set(true);
            form.update(|m| {
                m.insert(action.to_owned(), key);
            });
            errors.update(|e| e.retain(|e| e.field != n3));
        };
        view! {
            <div class="field shortcut-field">
                <label for=id.clone()>{move || i18n.tf(ListKey::ShortcutKeyFor.into(), &[i18n.t(action_key(action).into())])}</label>
                <input id=id type="text" class="shortcut-key" data-testid="shortcut-key" data-action=action
                    autocomplete="off" spellcheck="false"
                    prop:value=move || form.with(|m| m.get(action).cloned().unwrap_or_default())
                    aria-invalid=move || errors.with(|e| has_error(e, &n1)).then_some("true")
                    aria-describedby=move || errors.with(|e| has_error(e, &n2)).then(|| err_id.clone())
                    on:keydown=on_keydown />
                {move || errors.with(|e| has_error(e, &name)).then(|| view! {
                    <p class="field-error" id=err_id2.clone() data-testid="field-error" data-field=name.clone()>
                        {tr(ListKey::ErrShortcut.into())}
                    </p>
                })}
            </div>
        }
    };
    view! {
        <div class="agent-settings">
            <p><a href=Page::Agent.path() data-testid="back-to-workspace">{tr(ListKey::BackToWorkspace.into())}</a></p>
            <h1>{tr(ListKey::SettingsTitle.into())}</h1>
            <form class="card" data-testid="shortcut-settings" on:submit=save aria-labelledby="shortcuts-heading" novalidate>
                <h2 id="shortcuts-heading">{tr(ListKey::ShortcutsHeading.into())}</h2>
                <p class="muted">{tr(ListKey::SettingsIntro.into())}</p>
                {actions().iter().map(|a| field(a)).collect_view()}
                <div class="button-row">
                    <button type="submit" class="button primary" data-testid="shortcut-save" disabled=busy.signal()>
                        {tr_while(busy.signal(), ListKey::Saving.into(), ListKey::SaveShortcuts.into())}
                    </button>
                    <button type="button" class="button" data-testid="shortcut-defaults"
                        on:click=move |_| { touched.set(true); form.set(defaults()); errors.set(Vec::new()); }>
                        {tr(Key::from(ListKey::RestoreDefaults))}
                    </button>
                </div>
            </form>
            {availability()}
            <everywhere::SignOutEverywhere />
        </div>
    }
}
