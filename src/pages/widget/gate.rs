//! What the widget shows instead of a page while no one is signed in: connecting, not allowed
//! on this site, no signed-in host user, a refused token, an ended session.

use super::{use_widget, Gate};
use crate::components::ui::{dynamic, Loading};
use crate::i18n::{problem_key, Key};
use crate::routes::Page;
use crate::state::locale::tr;
use leptos::prelude::*;

#[component]
pub fn WidgetGate() -> impl IntoView {
    let Some(widget) = use_widget() else {
        return ().into_any();
    };
    let message = move |key: Key| {
        view! {
            <div class="widget-gate card" data-testid="widget-gate" role="status">
                <p>{tr(key)}</p>
                // The full help center, in a new tab where first-party cookies work.
                <a href=Page::Login.path() target="_blank" rel="noopener">{tr(Key::WidgetOpenHelpCenter)}</a>
            </div>
        }
        .into_any()
    };
    dynamic(move || match widget.gate.get() {
        Gate::Connecting => view! { <Loading /> }.into_any(),
        Gate::NotAllowed => message(Key::WidgetNotAllowed),
        Gate::Anonymous => message(Key::WidgetSignInHint),
        Gate::Expired => message(Key::WidgetSessionExpired),
        Gate::Refused(code) => message(problem_key(&code)),
    })
    .into_any()
}
