//! The widget's compact bar: its name, the two help-center destinations and a close button
//! (on a small screen the panel covers the host page, launcher included).

use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::tr;
use baton_core::Me;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn WidgetBar(
    /// The signed-in user; the navigation shows only then.
    #[prop(into)]
    me: Signal<Option<Me>>,
    /// Asks the host page to close the panel.
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let location = use_location();
    let current = move |page: Page| (location.pathname.get() == page.path()).then_some("page");
    view! {
        <header class="widget-bar">
            <span class="widget-name">{tr(Key::WidgetTitle)}</span>
            {move || me.get().map(|me| view! {
                <nav class="widget-nav" aria-label=tr(Key::MainNav)>
                    <a href=Page::NewTicket.path() data-testid="nav-submit" aria-current=move || current(Page::NewTicket)>
                        {tr(Key::NavSubmit)}
                    </a>
                    <a href=Page::MyTickets.path() data-testid="nav-my-tickets" aria-current=move || current(Page::MyTickets)>
                        {tr(Key::NavMyTickets)}
                    </a>
                </nav>
                <span class="sr-only">{tr(Key::SignedInAs)}</span>
                <span class="sr-only" data-testid="current-user">{me.name}</span>
            })}
            <button type="button" class="widget-close" data-testid="widget-close" aria-label=tr(Key::WidgetClose)
                on:click=move |_| on_close()>
                <span aria-hidden="true">"×"</span>
            </button>
        </header>
    }
}
