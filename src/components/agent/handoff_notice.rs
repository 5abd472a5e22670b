//! `handoff-notice`: what the list says after the agent handed a ticket out of their sight
//! ("Ticket #12 handed to Billing"), with `handoff-undo` — which the server allows while the
//! ticket is still at the version the hand-off produced — and `handoff-dismiss`.

use crate::api::use_api;
use crate::i18n::ListKey;
use leptos_router::hooks::use_navigate;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::handoff::Handoffs;
use crate::state::locale::{tr, use_i18n};
use crate::state::toasts::use_toasts;
use leptos::prelude::*;

#[component]
pub fn HandoffNotice() -> impl IntoView {
    let handoffs = Handoffs::get().0;
    let api = StoredValue::new_local(use_api());
    let toasts = use_toasts();
    let i18n = use_i18n();
    let busy = Busy::new();
    let navigate = StoredValue::new(use_navigate());
    let undo = move |_| {
        let Some(h) = handoffs.get_untracked() else { return };
        let api = api.get_value();
        busy.run(async move {
            let done = api.patch_ticket(h.ticket_id, h.version, &h.undo).await;
            handoffs.set(None);
            match done {
                Ok(_) => {
                    toasts.success(ListKey::HandoffUndone.into());
                    navigate.with_value(|go| go(&Page::AgentTicket(h.ticket_id).path(), Default::default()));
                }
                // 404: someone changed it since (or it is gone); the hand-off stands.
                Err(_) => toasts.error(ListKey::HandoffUndoGone.into()),
            }
        });
    };
    move || {
        handoffs.get().map(|h| {
            let number = h.number.to_string();
            let text = move || match &h.to {
                Some(group) => i18n.tf(ListKey::HandedTo.into(), &[&number, group]),
                None => i18n.tf(ListKey::HandedAway.into(), &[&number]),
            };
            view! {
                <div class="notice card handoff" role="status" data-testid="handoff-notice" data-ticket-id=h.ticket_id>
                    <p>{text}</p>
                    <button type="button" class="button" data-testid="handoff-undo" disabled=busy.signal() on:click=undo>
                        {tr(ListKey::HandoffUndo.into())}
                    </button>
                    <button type="button" class="link-button" data-testid="handoff-dismiss" on:click=move |_| handoffs.set(None)>
                        {tr(ListKey::HandoffDismiss.into())}
                    </button>
                </div>
            }
        })
    }
}
