//! The agent workspace (客服工作台), staff only: the views with their tickets ([`Workspace`])
//! and one ticket as the agent works it ([`AgentTicket`]). Customers who land here are sent to
//! the help center.

mod settings;
mod phone;
#[cfg(feature = "console")]
mod reports;
mod ticket;
mod workspace;

pub use settings::AgentSettings;
pub use phone::PhoneTicket;
#[cfg(feature = "console")]
pub use reports::{Reports, ReportsLink, REPORTS_PATH};
pub use ticket::AgentTicket;
pub use workspace::Workspace;

use crate::routes::Page;
use crate::state::session::use_session;
use baton_core::{Actor, Me};
use leptos::prelude::*;
use crate::router::Redirect;

/// Agents, admins and owners.
pub fn is_staff(me: &Me) -> bool {
    me.role.actor() == Actor::Agent
}

/// Shows `children` to staff; a customer goes to their tickets. Place inside `SignedIn`.
#[component]
pub fn StaffOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let staff = Memo::new(move |_| session.me().as_ref().map(is_staff));
    move || match staff.get() {
        Some(true) => children().into_any(),
        _ => view! { <Redirect path=Page::MyTickets.path() /> }.into_any(),
    }
}
