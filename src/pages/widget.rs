//! The embeddable widget (`/widget`, framed by `public/widget.js` on a host site): the help
//! center's own pages — submit a ticket, my tickets, a ticket's thread and lifecycle actions —
//! in a compact frame, signed in with the host's SSO token.
//!
//! The token arrives by `postMessage` and becomes a bearer session held in memory
//! (`Api::set_bearer`), never a cookie: a third-party iframe may not keep cookies (Safari,
//! Firefox, Chromium with blocking on). For the same reason the live-events stream (an
//! `EventSource`, which cannot send a bearer token) opens with a single-use stream ticket the
//! bearer session asks for (`Live::with_tickets`).

mod bar;
mod frame;
mod gate;
mod prefill;

pub use gate::WidgetGate;

use crate::api::{Api, Config};
use crate::state::embed::{Embed, EmbedParams, ToHost};
use crate::state::live::Live;
use crate::state::session::{Session, SessionState};
use baton_core::Ticket;
use frame::WidgetFrame;
use leptos::prelude::*;
use leptos_router::components::Router;

/// What the widget shows while no one is signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Asking the server whether this host may embed us, then waiting for the host's token.
    Connecting,
    /// The host origin is not on the tenant's list (the loader would not have opened us).
    NotAllowed,
    /// The host has no signed-in user to identify.
    Anonymous,
    /// The host's token was refused; the problem code.
    Refused(String),
    /// The bearer session ran out; the host was asked for a new token.
    Expired,
}

/// The widget context: present only inside the widget, so shared pages and guards can tell.
#[derive(Debug, Clone, Copy)]
pub struct Widget {
    pub embed: RwSignal<Option<Embed>>,
    pub gate: RwSignal<Gate>,
    pub prefill: RwSignal<Option<prefill::Prefill>>,
}

impl Widget {
    /// Tells the host page, once we know it is allowed to hear it.
    pub fn notify(&self, message: ToHost) {
        self.embed.with_untracked(|embed| {
            if let Some(embed) = embed {
                embed.post(&message);
            }
        });
    }
}

/// The widget context, if the app runs as the widget.
pub fn use_widget() -> Option<Widget> {
    use_context::<Widget>()
}

/// The whole app as the widget: the API client in bearer mode, the session, the router.
#[component]
pub fn WidgetApp(config: Config, params: EmbedParams) -> impl IntoView {
    if let Some(color) = &params.color {
        // Checked to be `#` + hex digits (EmbedParams), so it cannot break out of the value.
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(
                "style",
                &format!("--primary:{color};--primary-dark:{color};--focus:{color}"),
            );
        }
    }
    let session = Session::provide(SessionState::Loading);
    let widget = Widget {
        embed: RwSignal::new(None),
        gate: RwSignal::new(Gate::Connecting),
        prefill: RwSignal::new(None),
    };
    provide_context(widget);
    let api = Api::new(&config)
        .with_channel("widget")
        .on_unauthenticated(Callback::new(move |_| {
            session.sign_out(false);
            widget.gate.set(Gate::Expired);
            widget.notify(ToHost::TokenExpired);
        }))
        .on_ticket_created(Callback::new(move |t: Ticket| {
            widget.notify(ToHost::TicketCreated {
                id: t.id,
                number: t.number,
            });
        }));
    provide_context(api.clone());
    let live = Live::provide().with_tickets(api.clone());
    let events = api.events_url();
    // As in the full app: one stream while someone is signed in.
    Effect::new(move |_| match session.signed_in() {
        Some(true) => live.connect(events.clone()),
        _ => live.disconnect(),
    });
    view! {
        <Router>
            <WidgetFrame params />
        </Router>
    }
}
