//! The console's top bar: the console's name (home: the workspace), its navigation (the
//! workspace, registering a caller's ticket, the help articles agents link to, the admin pages
//! for those who may see one), the theme and
//! language, the signed-in agent with their settings, and sign-out. It wraps onto a second line
//! on phones instead of scrolling sideways.

use super::ThemeSwitch;
use crate::pages::admin::AdminLink;
use crate::components::layout::LocaleSwitch;
use crate::components::notify::NotificationBell;
use crate::components::ui::focus_id;
use crate::i18n::{AgentKey, Key, ListKey, TicketKey};
use leptos_router::hooks::use_location;
use crate::routes::Page;
use crate::state::locale::tr;
use baton_core::Me;
use leptos::prelude::*;

/// The banner of every console page.
#[component]
pub fn TopBar(
    /// The signed-in agent; their name, settings and sign-out show only then.
    #[prop(into)]
    me: Signal<Option<Me>>,
    /// Called when the agent asks to sign out.
    #[prop(into)]
    on_logout: Callback<()>,
) -> impl IntoView {
    let location = use_location();
    let current = move |page: Page| (location.pathname.get() == page.path()).then_some("page");
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_id("main");
    };
    view! {
        <header class="site-header console-bar">
            <a class="skip-link" href="#main" on:click=skip>{tr(Key::SkipToContent)}</a>
            <a class="brand" href=Page::Agent.path()>{tr(AgentKey::ConsoleName.into())}</a>
            <nav class="console-nav" aria-label=tr(AgentKey::ConsoleNav.into())>
                <ul>
                    <li><a href=Page::Agent.path() data-testid="nav-workspace" aria-current=move || current(Page::Agent)>
                        {tr(AgentKey::NavWorkspace.into())}
                    </a></li>
                    <li><a href=Page::AgentNewTicket.path() aria-current=move || current(Page::AgentNewTicket)>
                        {tr(TicketKey::PhoneLink.into())}
                    </a></li>
                    // Agents link customers to the help articles; they open in the help center.
                    <li><a href=Page::Kb.path() data-testid="nav-kb">{tr(Key::NavKb)}</a></li>
                    <AdminLink me />
                </ul>
            </nav>
            <div class="console-tools">
                // notifications (issue 13)
                {move || me.get().map(|_| view! { <NotificationBell href=crate::routes::AGENT_NOTIFICATIONS_PATH /> })}
                <ThemeSwitch />
                <LocaleSwitch />
                {move || me.get().map(|me| view! {
                    <a class="user" href=Page::AgentSettings.path() aria-current=move || current(Page::AgentSettings)>
                        <span class="sr-only">{tr(Key::SignedInAs)}</span>
                        <span data-testid="current-user">{me.name}</span>
                        <span class="sr-only">{tr(ListKey::SettingsNav.into())}</span>
                    </a>
                    <button type="button" class="button small" data-testid="logout" on:click=move |_| on_logout.run(())>
                        {tr(Key::Logout)}
                    </button>
                })}
            </div>
        </header>
    }
}
