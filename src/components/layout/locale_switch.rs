//! The language chooser (`locale-switch`): a labelled `<select>` of zh-CN and en.

use crate::i18n::{Key, Locale};
use crate::state::locale::tr;
use crate::state::locale::use_i18n;
use leptos::prelude::*;

/// Switches the app's language; the choice is remembered (see [`crate::state::locale`]).
#[component]
pub fn LocaleSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let change = move |ev: leptos::ev::Event| {
        if let Some(locale) = Locale::from_code(&event_target_value(&ev)) {
            i18n.set(locale);
        }
    };
    view! {
        <div class="locale-switch">
            <label for="locale-switch" class="sr-only">{tr(Key::Language)}</label>
            <svg class="globe" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <circle cx="12" cy="12" r="9" />
                <path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9M12 3C9.5 5.5 8.2 8.5 8.2 12s1.3 6.5 3.8 9" />
            </svg>
            <select id="locale-switch" data-testid="locale-switch" on:change=change>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| view! {
                        <option value=locale.code() lang=locale.code() prop:selected=move || i18n.locale() == locale>
                            {i18n.t(locale.name_key())}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
