//! The notification preferences form (issue 13): per kind the user receives, in the app or not
//! and when mailed; the hourly digest for staff.

use crate::api::use_api;
use crate::i18n::Key;
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{EmailWhen, NotificationKind as K, NotificationPreferences};
use leptos::prelude::*;

fn kind_label(kind: K) -> Key {
    match kind {
        K::PublicReply => Key::NotifKindPublicReply,
        K::Solved => Key::NotifKindSolved,
        K::Closed => Key::NotifKindClosed,
        #[cfg(feature = "console")]
        staff => {
            use crate::i18n::AgentKey as A;
            match staff {
                K::NewTicket => A::NotifKindNewTicket.into(),
                K::Assigned => A::NotifKindAssigned.into(),
                K::CustomerReplied => A::NotifKindCustomerReplied.into(),
                K::Mentioned => A::NotifKindMentioned.into(),
                K::SlaWarning => A::NotifKindSlaWarning.into(),
                _ => A::NotifKindSlaBreach.into(),
            }
        }
        #[cfg(not(feature = "console"))]
        _ => Key::NotifBell,
    }
}

/// The preferences form: one row per kind the user receives, and the digest for staff.
#[component]
pub fn Preferences(staff: bool) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let form = RwSignal::new(None::<NotificationPreferences>);
    leptos::task::spawn_local(async move {
        match api.get_value().notification_preferences().await {
            Ok(prefs) => form.set(Some(prefs)),
            Err(e) => toasts.api_error(&e),
        }
    });
    let busy = Busy::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(prefs) = form.get_untracked() else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.put_notification_preferences(&prefs).await {
                Ok(stored) => {
                    form.set(Some(stored));
                    toasts.success(Key::NotifPrefsSaved);
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let row = move |i: usize, kind: K| {
        let in_app = format!("pref-{}-app", kind.code());
        let email = format!("pref-{}-email", kind.code());
        let get = move || form.with(|f| f.as_ref().and_then(|f| f.events.get(i).copied()));
        let choice = move |w: EmailWhen, key: Key| view! {
            <option value=w.code() selected=move || get().is_some_and(|p| p.email == w)>{tr(key)}</option>
        };
        view! {
            <tr data-testid="notification-pref" data-kind=kind.code()>
                <th scope="row">{tr(kind_label(kind))}</th>
                <td>
                    <input type="checkbox" id=in_app.clone() data-testid="pref-in-app" prop:checked=move || get().is_some_and(|p| p.in_app)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| if let Some(p) = f.as_mut().and_then(|f| f.events.get_mut(i)) { p.in_app = on; }); } />
                    <label for=in_app class="sr-only">{move || format!("{}: {}", i18n.t(kind_label(kind)), i18n.t(Key::NotifPrefsInApp))}</label>
                </td>
                <td>
                    <label for=email.clone() class="sr-only">{move || format!("{}: {}", i18n.t(kind_label(kind)), i18n.t(Key::NotifPrefsEmail))}</label>
                    <select id=email data-testid="pref-email"
                        on:change=move |ev| { let w = EmailWhen::from_code(&event_target_value(&ev)).unwrap_or_default(); form.update(|f| if let Some(p) = f.as_mut().and_then(|f| f.events.get_mut(i)) { p.email = w; }); }>
                        {choice(EmailWhen::Never, Key::NotifEmailNever)}
                        {choice(EmailWhen::Offline, Key::NotifEmailOffline)}
                        {choice(EmailWhen::Always, Key::NotifEmailAlways)}
                    </select>
                </td>
            </tr>
        }
    };
    // Rows are made once the kinds are known, not again on every change (focus stays put).
    let kinds = Memo::new(move |_| form.with(|f| f.as_ref().map(|f| f.events.iter().map(|p| p.kind).collect::<Vec<_>>())));
    let rows = move || kinds.get().map(|kinds| kinds.into_iter().enumerate().map(|(i, kind)| row(i, kind)).collect_view());
    #[cfg(feature = "console")]
    let digest = move || staff.then(|| view! {
        <div class="field">
            <label class="choice">
                <input type="checkbox" data-testid="pref-digest" prop:checked=move || form.with(|f| f.as_ref().is_some_and(|f| f.digest))
                    on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| if let Some(f) = f.as_mut() { f.digest = on; }); } />
                {tr(crate::i18n::AgentKey::NotifDigest.into())}
            </label>
        </div>
    });
    #[cfg(not(feature = "console"))]
    let digest = move || { let _ = staff; };
    view! {
        <form class="card" data-testid="notification-preferences" aria-labelledby="notif-prefs-heading" on:submit=save novalidate>
            <h2 id="notif-prefs-heading">{tr(Key::NotifPrefsTitle)}</h2>
            <table class="prefs-table">
                <thead><tr>
                    <th scope="col">{tr(Key::NotifPrefsEvent)}</th>
                    <th scope="col">{tr(Key::NotifPrefsInApp)}</th>
                    <th scope="col">{tr(Key::NotifPrefsEmail)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {digest}
            <div class="button-row">
                <button type="submit" class="button primary" data-testid="notification-prefs-save" disabled=busy.signal()>
                    {tr_while(busy.signal(), Key::Loading, Key::NotifPrefsSave)}
                </button>
            </div>
        </form>
    }
}
