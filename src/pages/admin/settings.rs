//! `/admin/settings`: the desk's name and how many days a solved ticket waits for the customer
//! before it closes (0: never); the slug login uses is shown, not editable. baton-core's
//! `DeskSettingsPatch::check` runs before sending, the server's field errors show next to their
//! inputs, and what was typed stays.

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{show_refusal, loaded, FormFailure, TextField};
use crate::i18n::{AdminKey, Key};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, tr_while, use_i18n, use_page_title};
use baton_core::problem::field_code;
use baton_core::{DeskSettings, DeskSettingsPatch, FieldError};
use leptos::prelude::*;

#[component]
pub fn AdminSettings() -> impl IntoView {
    use_page_title(|i| i.t(AdminKey::SettingsTitle.into()).to_owned());
    view! {
        <AdminPage section=Section::Settings>
            <SettingsBody />
        </AdminPage>
    }
}

#[component]
fn SettingsBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let settings = Load::new(move || {
        let api = api.get_value();
        async move { api.desk_settings().await }
    });
    view! {
        <div class="admin-head"><h1>{tr(AdminKey::SettingsTitle.into())}</h1></div>
        {move || loaded(settings.get(), |current| view! { <SettingsForm current /> }.into_any())}
    }
}

/// The patch of what changed from `current`, or the field errors of what was typed.
pub fn patch_of(current: &DeskSettings, name: &str, days: &str) -> Result<DeskSettingsPatch, Vec<FieldError>> {
    let Ok(days) = days.trim().parse::<i64>() else {
        return Err(vec![FieldError::new("auto_close_days", field_code::INVALID_VALUE)]);
    };
    let name = name.trim();
    let patch = DeskSettingsPatch {
        name: (name != current.name).then(|| name.to_owned()),
        auto_close_days: (days != current.auto_close_days).then_some(days),
    };
    let errors = patch.check();
    if errors.is_empty() { Ok(patch) } else { Err(errors) }
}

#[component]
fn SettingsForm(current: DeskSettings) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let name = RwSignal::new(current.name.clone());
    let days = RwSignal::new(current.auto_close_days.to_string());
    let slug = current.slug.clone();
    let saved = StoredValue::new(current);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        notice.set(None);
        let patch = match saved.with_value(|s| patch_of(s, &name.get_untracked(), &days.get_untracked())) {
            Ok(patch) => patch,
            Err(e) => return errors.set(e),
        };
        errors.set(Vec::new());
        busy.run(async move {
            match api.get_value().change_desk_settings(&patch).await {
                Ok(now) => {
                    saved.set_value(now);
                    notice.set(Some(i18n.t(AdminKey::SettingsSaved.into()).to_owned()));
                }
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        <form class="card form admin-form" novalidate on:submit=submit data-testid="settings-form">
            <FormFailure failure testid="settings-error" />
            <TextField id="settings-name" testid="settings-name" field="name" label=Key::from(AdminKey::SettingsName)
                value=name errors required=true />
            <div class="field">
                <label for="settings-slug">{tr(AdminKey::SettingsSlug.into())}</label>
                <input id="settings-slug" data-testid="settings-slug" readonly value=slug aria-describedby="settings-slug-hint" />
                <p class="field-hint" id="settings-slug-hint">{tr(AdminKey::SettingsSlugHint.into())}</p>
            </div>
            <TextField id="settings-auto-close" testid="settings-auto-close" field="auto_close_days"
                label=Key::from(AdminKey::SettingsAutoClose) value=days errors input_type="number"
                hint=Some(Key::from(AdminKey::SettingsAutoCloseHint).into()) />
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="settings-save" disabled=pending>
                    {tr_while(pending, AdminKey::Saving.into(), AdminKey::Save.into())}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_changed_is_sent_and_checked() {
        let current = DeskSettings { name: "Acme".into(), slug: "acme".into(), auto_close_days: 7 };
        let patch = |name: Option<&str>, days: Option<i64>| DeskSettingsPatch { name: name.map(str::to_owned), auto_close_days: days };
        let field = |f: &str| vec![FieldError::new(f, field_code::INVALID_VALUE)];
        for (name, days, expected) in [
            ("Acme", "7", Ok(patch(None, None))),
            (" Acme Support ", "7", Ok(patch(Some("Acme Support"), None))),
            ("Acme", "0", Ok(patch(None, Some(0)))),
            ("Acme", "91", Err(field("auto_close_days"))),
            ("Acme", "seven", Err(field("auto_close_days"))),
            ("  ", "7", Err(vec![FieldError::new("name", field_code::REQUIRED)])),
        ] {
            assert_eq!(patch_of(&current, name, days), expected, "{name} {days}");
        }
    }
}
