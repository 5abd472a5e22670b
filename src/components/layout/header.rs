//! The header bar: product name (or the desk's text in its place), main navigation (the help articles for everyone, tickets once
//! signed in), the signed-in user, sign-out and language.

use super::LocaleSwitch;
use crate::components::ui::focus_id;
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::tr;
use baton_core::Me;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The banner of every page.
#[component]
pub fn Header(
    /// The signed-in user; navigation and sign-out show only then.
    #[prop(into)]
    me: Signal<Option<Me>>,
    /// Called when the user asks to sign out.
    #[prop(into)]
    on_logout: Callback<()>,
) -> impl IntoView {
    let location = use_location();
    let current = move |page: Page| (location.pathname.get() == page.path()).then_some("page");
    // The desk's own text in the logo's place, once it is known who is signed in.
    let product = tr(Key::ProductName);
    let brand = move || me.with(|m| m.as_ref().and_then(|m| m.tenant.logo_text.clone())).unwrap_or_else(|| product().to_owned());
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_id("main");
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main" on:click=skip>{tr(Key::SkipToContent)}</a>
            <div class="container header-inner">
                <a class="brand" href=Page::Home.path() data-testid="brand">{brand}</a>
                <nav class="main-nav" aria-label=tr(Key::MainNav)>
                    <ul>
                        // The help articles are for everyone, signed in or not.
                        <li><a href=Page::Kb.path() data-testid="nav-kb" aria-current=move || current(Page::Kb)>
                            {tr(Key::NavKb)}
                        </a></li>
                        {move || me.get().map(|_| view! {
                            <li><a href=Page::NewTicket.path() data-testid="nav-submit" aria-current=move || current(Page::NewTicket)>
                                {tr(Key::NavSubmit)}
                            </a></li>
                            <li><a href=Page::MyTickets.path() data-testid="nav-my-tickets" aria-current=move || current(Page::MyTickets)>
                                {tr(Key::NavMyTickets)}
                            </a></li>
                        })}
                    </ul>
                </nav>
                <div class="header-tools">
                    // notifications (issue 13)
                    {move || me.get().map(|_| view! { <crate::components::notify::NotificationBell href=crate::routes::NOTIFICATIONS_PATH /> })}
                    {move || me.get().map(|me| view! {
                        <span class="user">
                            <span class="sr-only">{tr(Key::SignedInAs)}</span>
                            <span data-testid="current-user">{me.name}</span>
                        </span>
                        <button type="button" class="button small" data-testid="logout" on:click=move |_| on_logout.run(())>
                            {tr(Key::Logout)}
                        </button>
                    })}
                    <LocaleSwitch />
                </div>
            </div>
        </header>
    }
}
