//! Baton's single-page app (工单系统 help center), Leptos client-side rendered to wasm.
//!
//! [`App`] reads `/config.json`, provides the app-wide contexts ([`state`], the [`api::Api`]
//! client), asks the server who is signed in, listens for live events while someone is, and
//! renders the routes of [`routes`].

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod state;

use api::{Api, Config};
use components::layout::Header;
use components::ui::ToastHost;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_navigate;
use routes::{AppRoutes, Page};
use state::busy::Busy;
use state::live::Live;
use state::locale::I18n;
use state::session::{use_session, Session, SessionState};
use state::toasts::{use_toasts, Toasts};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide(I18n::detect());
    let toasts = Toasts::provide();
    let config = RwSignal::new(None::<Config>);
    leptos::task::spawn_local(async move { config.set(Some(Config::load().await)) });
    view! {
        {move || config.get().map(|config| view! { <Shell config /> })}
        <ToastHost toasts />
    }
}

/// Everything that needs the configured API: the client, the session, the router.
#[component]
fn Shell(config: Config) -> impl IntoView {
    let session = Session::provide(SessionState::Loading);
    let api = Api::new(&config).on_unauthenticated(Callback::new(move |_| session.sign_out(false)));
    provide_context(api.clone());
    let live = Live::provide();
    let events = api.events_url();
    // One stream per signed-in user: a sign-out closes it, a sign-in opens it afresh.
    Effect::new(move |_| match session.signed_in() {
        Some(true) => live.connect(events.clone()),
        _ => live.disconnect(),
    });
    session.load(api);
    view! {
        <Router>
            <Frame />
        </Router>
    }
}

/// The header and the routed page.
#[component]
fn Frame() -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let api = api::use_api();
    let navigate = StoredValue::new_local(use_navigate());
    let busy = Busy::new();
    let logout = Callback::new(move |()| {
        let api = api.clone();
        busy.run(async move {
            match api.logout().await {
                Ok(()) => {
                    session.sign_out(true);
                    navigate.try_with_value(|go| go(&Page::Login.path(), Default::default()));
                }
                Err(error) => toasts.api_error(&error),
            }
        });
    });
    view! {
        <Header me=Signal::derive(move || session.me()) on_logout=logout />
        <main id="main" class="container" tabindex="-1">
            <AppRoutes />
        </main>
    }
}
