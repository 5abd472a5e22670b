//! A ticket status as a coloured pill with its translated label: colour is never the only cue.

use crate::i18n::status_key;
use crate::state::locale::tr;
use baton_core::Status;
use leptos::prelude::*;

/// `<span data-testid="ticket-status" data-status=…>` with the customer-facing label.
#[component]
pub fn StatusPill(
    /// The status to show.
    status: Status,
) -> impl IntoView {
    view! {
        <span class=format!("pill pill-{}", status.code()) data-testid="ticket-status" data-status=status.code()>
            {tr(status_key(status))}
        </span>
    }
}
