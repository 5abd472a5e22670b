//! The hand-off the agent just made: a property edit that took a ticket out of their share (another
//! group, no longer assigned or CC'd). The ticket page goes back to the list, which says so and
//! offers an undo, which the server allows while the ticket is still at the version the hand-off
//! produced. Agent workspace only.

use baton_core::TicketPatch;
use leptos::prelude::*;

/// What was handed off, and how to take it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff {
    pub ticket_id: i64,
    pub number: i64,
    /// The agent group it went to, by name (`None`: none).
    pub to: Option<String>,
    /// The version the hand-off produced: the undo names it in `If-Match`.
    pub version: i64,
    /// The edit that restores what the hand-off changed.
    pub undo: TicketPatch,
}

/// The last hand-off, shared by the ticket page (which makes it) and the list (which shows it).
#[derive(Debug, Clone, Copy)]
pub struct Handoffs(pub RwSignal<Option<Handoff>>);

impl Handoffs {
    /// The workspace's, made on first use (the agent app's root makes it, so it outlives pages).
    /// Read it while a component is being built: inside a task there is no owner to ask.
    pub fn get() -> Handoffs {
        use_context::<Handoffs>().unwrap_or_else(|| {
            let handoffs = Handoffs(RwSignal::new(None));
            provide_context(handoffs);
            handoffs
        })
    }
}
