//! "Sign out everywhere" (`DELETE /sessions`, capability `sessions`): ends every session of the
//! agent, on every device, and goes to the login page. Shown only when the backend has it.

use crate::api::use_api;
use crate::i18n::ListKey;
use leptos_router::hooks::use_navigate;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::tr;
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use leptos::prelude::*;

#[component]
pub fn SignOutEverywhere() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (session, toasts) = (use_session(), use_toasts());
    let navigate = StoredValue::new_local(use_navigate());
    let busy = Busy::new();
    let available = LocalResource::new(move || {
        let api = api.get_value();
        async move { api.capabilities().await.map(|c| c.sessions).unwrap_or(false) }
    });
    let sign_out = move |_| {
        let api = api.get_value();
        busy.run(async move {
            match api.logout_everywhere().await {
                Ok(()) => {
                    session.sign_out(true);
                    navigate.try_with_value(|go| go(&Page::Login.path(), Default::default()));
                }
                Err(error) => toasts.api_error(&error),
            }
        });
    };
    move || {
        available.get().unwrap_or(false).then(|| view! {
            <section class="card" aria-labelledby="sessions-heading" data-testid="sessions-settings">
                <h2 id="sessions-heading">{tr(ListKey::SessionsHeading.into())}</h2>
                <p class="muted">{tr(ListKey::SessionsIntro.into())}</p>
                <button type="button" class="button" data-testid="logout-everywhere" disabled=busy.signal() on:click=sign_out>
                    {tr(ListKey::SignOutEverywhere.into())}
                </button>
            </section>
        })
    }
}
