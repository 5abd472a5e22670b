//! `/agent/tickets/:id`: placeholder, filled in by the next commit.

use leptos::prelude::*;

#[component]
pub fn AgentTicket() -> impl IntoView {
    view! { <p></p> }
}
