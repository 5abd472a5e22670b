//! `/admin/settings`: the desk's name, how many days a solved ticket waits for the customer
//! before it closes (0: never) and how customers get an account (sign-up mode and, for
//! `domains`, the email domains) and the time zone its reports count days in (a text input with
//! a list of common zones; the server checks the name), the help center header's text in the
//! logo's place and the desk's language; the slug login uses is shown, not editable. baton-core's
//! `DeskSettingsPatch::check` runs before sending, the server's field errors show next to their
//! inputs, and what was typed stays.

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{show_refusal, loaded, Described, FormFailure, TextField};
use crate::i18n::{AdminKey, Key, Locale};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, tr_while, use_i18n, use_page_title};
use baton_core::problem::field_code;
use baton_core::{DeskSettings, DeskSettingsPatch, FieldError, SignupMode};
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

/// What the form holds, as typed.
pub struct Typed<'a> {
    pub name: &'a str,
    pub days: &'a str,
    pub mode: SignupMode,
    /// Comma- (or space-) separated.
    pub domains: &'a str,
    // Session 10 (reports): the desk's time zone.
    pub zone: &'a str,
    pub logo_text: &'a str,
    /// `zh-CN` or `en`.
    pub language: &'a str,
}

/// The patch of what changed from `current`, or the field errors of what was typed.
pub fn patch_of(current: &DeskSettings, typed: &Typed<'_>) -> Result<DeskSettingsPatch, Vec<FieldError>> {
    let Ok(days) = typed.days.trim().parse::<i64>() else {
        return Err(vec![FieldError::new("auto_close_days", field_code::INVALID_VALUE)]);
    };
    let name = typed.name.trim();
    let domains: Vec<String> = typed
        .domains
        .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
        .filter(|d| !d.is_empty())
        .map(str::to_lowercase)
        .collect();
    if typed.mode == SignupMode::Domains && domains.is_empty() {
        return Err(vec![FieldError::new("signup_domains", field_code::REQUIRED)]);
    }
    let patch = DeskSettingsPatch {
        name: (name != current.name).then(|| name.to_owned()),
        auto_close_days: (days != current.auto_close_days).then_some(days),
        signup_mode: (typed.mode != current.signup_mode).then_some(typed.mode),
        signup_domains: (domains != current.signup_domains).then_some(domains),
        time_zone: (typed.zone.trim() != current.time_zone).then(|| typed.zone.trim().to_owned()),
        logo_text: (typed.logo_text.trim() != current.logo_text).then(|| typed.logo_text.trim().to_owned()),
        language: (typed.language != current.language).then(|| typed.language.to_owned()),
    };
    let errors = patch.check();
    if errors.is_empty() { Ok(patch) } else { Err(errors) }
}

// Session 10 (reports): the desk's time zone.
/// Zones offered while typing (any IANA name is accepted): China's first, then the world's big ones.
const ZONES: [&str; 16] = [
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai",
    "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Moscow", "America/New_York", "America/Chicago",
    "America/Los_Angeles", "Australia/Sydney", "UTC",
];

/// The time-zone input with its suggestions, hint and error.
#[component]
fn ZoneField(value: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let d = Described::new("settings-time-zone", "time_zone", Some(Key::from(AdminKey::SettingsTimeZoneHint).into()), errors.into());
    view! {
        <div class="field">
            {d.label_view(Key::from(AdminKey::SettingsTimeZone).into(), true)}
            {d.hint_view()}
            <input id="settings-time-zone" name="time_zone" data-testid="settings-time-zone" list="settings-time-zones"
                autocomplete="off" spellcheck="false" aria-required="true" aria-invalid=d.invalid()
                aria-describedby=d.described_by() bind:value=value />
            <datalist id="settings-time-zones">
                {ZONES.into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
            </datalist>
            {d.error_view()}
        </div>
    }
}

/// The desk's language: one of the SPA's locales, each named in its own language.
#[component]
fn LanguageField(value: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let d = Described::new("settings-language", "language", Some(Key::from(AdminKey::SettingsLanguageHint).into()), errors.into());
    view! {
        <div class="field">
            {d.label_view(Key::from(AdminKey::SettingsLanguage).into(), false)}
            {d.hint_view()}
            <select id="settings-language" data-testid="settings-language" aria-invalid=d.invalid() aria-describedby=d.described_by()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.code() selected=move || value.get() == l.code()>{tr(l.name_key())}</option>
                }).collect_view()}
            </select>
            {d.error_view()}
        </div>
    }
}

/// The label of a sign-up mode.
fn mode_key(mode: SignupMode) -> Key {
    match mode {
        SignupMode::Staff => AdminKey::SignupModeStaff,
        SignupMode::Sso => AdminKey::SignupModeSso,
        SignupMode::Open => AdminKey::SignupModeOpen,
        SignupMode::Domains => AdminKey::SignupModeDomains,
    }
    .into()
}

#[component]
fn SettingsForm(current: DeskSettings) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let name = RwSignal::new(current.name.clone());
    let days = RwSignal::new(current.auto_close_days.to_string());
    let mode = RwSignal::new(current.signup_mode);
    let domains = RwSignal::new(current.signup_domains.join(", "));
    let zone = RwSignal::new(current.time_zone.clone());
    let logo_text = RwSignal::new(current.logo_text.clone());
    let language = RwSignal::new(current.language.clone());
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
        let (name, days, domains) = (name.get_untracked(), days.get_untracked(), domains.get_untracked());
        let (zone, logo_text, language) = (zone.get_untracked(), logo_text.get_untracked(), language.get_untracked());
        let typed = Typed { name: &name, days: &days, mode: mode.get_untracked(), domains: &domains, zone: &zone, logo_text: &logo_text, language: &language };
        let patch = match saved.with_value(|s| patch_of(s, &typed)) {
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
            <div class="field">
                <label for="settings-signup">{tr(AdminKey::SettingsSignup.into())}</label>
                <select id="settings-signup" data-testid="settings-signup" aria-describedby="settings-signup-hint"
                    on:change=move |ev| mode.set(SignupMode::from_code(&event_target_value(&ev)).unwrap_or_default())>
                    {SignupMode::ALL.into_iter().map(|m| view! {
                        <option value=m.code() selected=move || mode.get() == m>{tr(mode_key(m))}</option>
                    }).collect_view()}
                </select>
                <p class="field-hint" id="settings-signup-hint">{tr(AdminKey::SettingsSignupHint.into())}</p>
            </div>
            {move || (mode.get() == SignupMode::Domains).then(|| view! {
                <TextField id="settings-domains" testid="settings-domains" field="signup_domains"
                    label=Key::from(AdminKey::SettingsDomains) value=domains errors required=true
                    hint=Some(Key::from(AdminKey::SettingsDomainsHint).into()) />
            })}
            <ZoneField value=zone errors />
            <TextField id="settings-logo-text" testid="settings-logo-text" field="logo_text" label=Key::from(AdminKey::SettingsLogoText)
                value=logo_text errors hint=Some(Key::from(AdminKey::SettingsLogoTextHint).into()) />
            <LanguageField value=language errors />
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
        let current = DeskSettings {
            name: "Acme".into(),
            slug: "acme".into(),
            auto_close_days: 7,
            signup_mode: SignupMode::Domains,
            signup_domains: vec!["acme.test".into()],
            time_zone: "Asia/Shanghai".into(),
            logo_text: String::new(),
            language: "en".into(),
        };
        let patch = |name: Option<&str>, days: Option<i64>| DeskSettingsPatch { name: name.map(str::to_owned), auto_close_days: days, ..Default::default() };
        let field = |f: &str, code: &str| vec![FieldError::new(f, code)];
        let invalid = field_code::INVALID_VALUE;
        let (acme, open) = (SignupMode::Domains, SignupMode::Open);
        for (name, days, mode, domains, expected) in [
            ("Acme", "7", acme, "acme.test", Ok(patch(None, None))),
            (" Acme Support ", "7", acme, " acme.test ", Ok(patch(Some("Acme Support"), None))),
            ("Acme", "0", acme, "acme.test", Ok(patch(None, Some(0)))),
            ("Acme", "91", acme, "acme.test", Err(field("auto_close_days", invalid))),
            ("Acme", "seven", acme, "acme.test", Err(field("auto_close_days", invalid))),
            ("  ", "7", acme, "acme.test", Err(field("name", field_code::REQUIRED))),
            ("Acme", "7", open, "", Ok(DeskSettingsPatch { signup_mode: Some(open), signup_domains: Some(vec![]), ..Default::default() })),
            ("Acme", "7", acme, "ACME.test，acme.cn x.org", Ok(DeskSettingsPatch { signup_domains: Some(vec!["acme.test".into(), "acme.cn".into(), "x.org".into()]), ..Default::default() })),
            ("Acme", "7", acme, " , ", Err(field("signup_domains", field_code::REQUIRED))),
            ("Acme", "7", acme, "localhost", Err(field("signup_domains", invalid))),
        ] {
            let typed = Typed { name, days, mode, domains, zone: " Asia/Shanghai ", logo_text: " ", language: "en" };
            assert_eq!(patch_of(&current, &typed), expected, "{name} {days} {mode:?} {domains}");
        }
        // The time zone: sent when it changed, required.
        let typed = |zone| Typed { name: "Acme", days: "7", mode: acme, domains: "acme.test", zone, logo_text: "", language: "en" };
        let zone = DeskSettingsPatch { time_zone: Some("Europe/Berlin".into()), ..Default::default() };
        assert_eq!(patch_of(&current, &typed("Europe/Berlin ")), Ok(zone));
        assert_eq!(patch_of(&current, &typed(" ")), Err(field("time_zone", field_code::REQUIRED)));
        // The header text (trimmed) and the language: sent when they changed, the text checked.
        let brand = |logo_text, language| Typed { name: "Acme", days: "7", mode: acme, domains: "acme.test", zone: "Asia/Shanghai", logo_text, language };
        let changed = DeskSettingsPatch { logo_text: Some("Acme 客服".into()), language: Some("zh-CN".into()), ..Default::default() };
        assert_eq!(patch_of(&current, &brand(" Acme 客服 ", "zh-CN")), Ok(changed));
        let long = "客".repeat(baton_core::settings::LOGO_TEXT_MAX + 1);
        assert_eq!(patch_of(&current, &brand(&long, "en")), Err(field("logo_text", field_code::TOO_LONG)));
    }
}
