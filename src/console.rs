//! The console: the agent workspace's own app shell (issue 15). A full-width frame with the
//! staff's [`TopBar`] (console navigation, theme, language, the agent and sign-out) above the
//! routed page; the customer navigation of the help center's header never shows here. The
//! workspace page adds the rail of views beside its list; on phones each page is one pane.

mod theme;
mod top_bar;

pub use theme::{Theme, ThemeSwitch};
pub use top_bar::TopBar;

use crate::api::{self, Api, Config};
use leptos_router::components::Router;
use leptos_router::hooks::use_navigate;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::live::Live;
use crate::state::session::{use_session, Session, SessionState};
use crate::state::toasts::use_toasts;
use leptos::prelude::*;

/// Everything that needs the configured API — the client, the session, live events, the router —
/// around the console's frame and `routes`.
// The same set-up as the help center's `Shell` in lib.rs, written out again rather than shared:
// the help center's bundle is a few bytes under its budget, and a shared function that takes the
// frame would change its code for no gain of its own.
#[component]
pub fn Console(config: Config, routes: fn() -> AnyView) -> impl IntoView {
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

/// The top bar and the routed page, full width.
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
        <TopBar me=Signal::derive(move || session.me()) on_logout=logout />
        <main id="main" class="console-main" tabindex="-1">
            {routes()}
        </main>
    }
}
