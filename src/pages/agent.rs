//! The agent workspace (客服工作台), staff only: the views with their tickets ([`Workspace`])
//! and one ticket as the agent works it ([`AgentTicket`]). Customers who land here are sent to
//! the help center.

// The pages themselves only in the console's bundle (the `console` feature): the help center
// needs `is_staff` alone, to send staff on to the workspace.
#[cfg(feature = "console")]
mod phone;
#[cfg(feature = "console")]
mod reports;
#[cfg(feature = "console")]
mod settings;
#[cfg(feature = "console")]
mod ticket;
#[cfg(feature = "console")]
mod workspace;

#[cfg(feature = "console")]
pub use phone::PhoneTicket;
#[cfg(feature = "console")]
pub use reports::{Reports, ReportsLink, REPORTS_PATH};
#[cfg(feature = "console")]
pub use settings::AgentSettings;
#[cfg(feature = "console")]
pub use ticket::AgentTicket;
#[cfg(feature = "console")]
pub use workspace::Workspace;

#[cfg(feature = "console")]
use crate::routes::Page;
#[cfg(feature = "console")]
use crate::state::session::use_session;
use baton_core::{Actor, Me};
#[cfg(feature = "console")]
use leptos::prelude::*;
#[cfg(feature = "console")]
use crate::routes::GoTo;

/// Agents, admins and owners.
pub fn is_staff(me: &Me) -> bool {
    me.role.actor() == Actor::Agent
}

/// Shows `children` to staff; a customer goes to their tickets. Place inside `SignedIn`.
#[cfg(feature = "console")]
#[component]
pub fn StaffOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let staff = Memo::new(move |_| session.me().as_ref().map(is_staff));
    move || match staff.get() {
        Some(true) => children().into_any(),
        _ => view! { <GoTo path=Page::MyTickets.path() /> }.into_any(),
    }
}
