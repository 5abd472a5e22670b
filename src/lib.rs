//! Baton's single-page app (工单系统 help center), Leptos client-side rendered to wasm.
//!
//! [`App`] (the help center and widget) and [`AgentApp`] (the agent workspace) read
//! `/config.json`, provide the app-wide contexts ([`state`], the [`api::Api`] client), ask the
//! server who is signed in, listen for live events while someone is, and render their routes
//! of [`routes`].
//!
// Three apps, three wasm bundles (src/main.rs, src/bin/baton-agent.rs, src/bin/baton-admin.rs):
// customers download only the help center (budget ≤ 300 KB compressed), the agent workspace is
// loaded from /agent (≤ 450 KB), the admin console from /admin and /agent/reports (≤ 450 KB).

pub mod api;
pub mod components;
#[cfg(feature = "console")]
pub mod console;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod state;
pub mod time;

use api::{Api, Config};
use components::layout::Header;
use components::ui::ToastHost;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_navigate;
#[cfg(feature = "admin")]
use routes::AdminRoutes;
#[cfg(feature = "console")]
use routes::AgentRoutes;
use routes::{AppRoutes, Page};
use state::busy::Busy;
use state::live::Live;
use pages::widget::WidgetApp;
use state::embed::EmbedParams;
use state::locale::I18n;
use state::session::{use_session, Session, SessionState};
use state::toasts::{use_toasts, Toasts};

/// The help center (and, framed by the widget loader, the widget).
#[component]
pub fn App() -> impl IntoView {
    // Framed by the widget loader: the host page chose the language.
    let embedded = EmbedParams::from_location();
    match embedded.as_ref().and_then(|p| p.locale.as_deref()).and_then(i18n::Locale::from_code) {
        Some(locale) => _ = I18n::provide(locale),
        None => _ = I18n::provide_detected(),
    }
    let toasts = Toasts::provide();
    let config = RwSignal::new(None::<Config>);
    leptos::task::spawn_local(async move { config.set(Some(Config::load().await)) });
    view! {
        {move || config.get().map(|config| match embedded.clone() {
            Some(params) => view! { <WidgetApp config params /> }.into_any(),
            None => view! { <Shell config routes=|| view! { <AppRoutes /> }.into_any() /> }.into_any(),
        })}
        <ToastHost toasts />
    }
}

/// The agent workspace, `/agent` and below (its own bundle, `agent.html`), in the console's own
/// shell ([`console`]).
#[cfg(feature = "console")]
#[component]
pub fn AgentApp() -> impl IntoView {
    i18n::agent::register();
    I18n::provide_detected();
    let toasts = Toasts::provide();
    state::handoff::Handoffs::get();
    let config = RwSignal::new(None::<Config>);
    leptos::task::spawn_local(async move { config.set(Some(Config::load().await)) });
    view! {
        {move || config.get().map(|config| view! { <console::Console config routes=|| view! { <AgentRoutes /> }.into_any() /> })}
        <ToastHost toasts />
    }
}

/// The admin console, `/admin` and below (its own bundle, `admin.html`), in the console's shell.
#[cfg(feature = "admin")]
#[component]
pub fn AdminApp() -> impl IntoView {
    i18n::agent::register();
    I18n::provide_detected();
    let toasts = Toasts::provide();
    let config = RwSignal::new(None::<Config>);
    leptos::task::spawn_local(async move { config.set(Some(Config::load().await)) });
    view! {
        {move || config.get().map(|config| view! { <console::Console config routes=|| view! { <AdminRoutes /> }.into_any() /> })}
        <ToastHost toasts />
    }
}

/// Everything that needs the configured API: the client, the session, the router, and `routes`.
#[component]
fn Shell(config: Config, routes: fn() -> AnyView) -> impl IntoView {
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
            <Frame routes />
        </Router>
    }
}

/// The header and the routed page.
#[component]
fn Frame(routes: fn() -> AnyView) -> impl IntoView {
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
            {routes()}
        </main>
    }
}
