//! Who else is on this ticket, and who is typing (`presence`), live. The page sends a heartbeat
//! every 10 s (the server forgets a viewer after 30 s), `typing` as it flips, and leaves on the
//! way out, also when the tab closes or the browser loads another page (`pagehide`); the SSE
//! `presence` events keep the list current between heartbeats.

use crate::api::use_api;
use crate::i18n::{AgentKey, Key};
use crate::state::live::use_live;
use crate::state::locale::{tr, use_i18n};
use crate::state::session::use_session;
use baton_core::Viewer;
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last keystroke the agent counts as no longer typing.
const TYPING_IDLE: Duration = Duration::from_secs(3);

/// Whether the agent is typing: true from the first keystroke, false ~3 s after the last one.
#[derive(Debug, Clone, Copy)]
pub struct Typing {
    pub on: RwSignal<bool>,
    idle: StoredValue<Option<TimeoutHandle>>,
}

impl Typing {
    pub fn new() -> Typing {
        Typing { on: RwSignal::new(false), idle: StoredValue::new(None) }
    }

    /// A keystroke: typing now (one change, however many keys), idle again after a pause.
    pub fn touched(self) {
        if !self.on.get_untracked() {
            self.on.set(true);
        }
        if let Some(Some(timer)) = self.idle.try_update_value(Option::take) {
            timer.clear();
        }
        let handle = set_timeout_with_handle(move || { self.on.try_set(false); }, TYPING_IDLE).ok();
        self.idle.set_value(handle);
    }

    /// The message was sent or the page left: not typing any more.
    pub fn stopped(self) {
        if let Some(Some(timer)) = self.idle.try_update_value(Option::take) {
            timer.clear();
        }
        self.on.try_set(false);
    }
}

impl Default for Typing {
    fn default() -> Typing {
        Typing::new()
    }
}

#[component]
pub fn PresenceBar(
    /// The ticket being viewed.
    ticket: i64,
    /// Whether I am typing (sent with each heartbeat, and at once when it flips).
    typing: Typing,
) -> impl IntoView {
    let api = StoredValue::new_local(use_api());
    let i18n = use_i18n();
    let me = use_session().me_untracked().map(|m| m.id);
    let viewers = RwSignal::new(Vec::<Viewer>::new());
    let others = move |list: Vec<Viewer>| list.into_iter().filter(|v| Some(v.user.id) != me).collect::<Vec<_>>();
    let beat = move |now: bool| {
        let Some(api) = api.try_get_value() else { return };
        leptos::task::spawn_local(async move {
            if let Ok(p) = api.presence(ticket, now).await {
                viewers.try_set(others(p.viewers));
            }
        });
    };
    Effect::watch(move || typing.on.get(), move |now, _, _| beat(*now), true);
    let timer = set_interval_with_handle(move || beat(typing.on.get_untracked()), Duration::from_secs(10)).ok();
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.presence(),
            move |p, _, _| {
                if let Some(p) = p.as_ref().filter(|p| p.ticket_id == ticket) {
                    viewers.set(others(p.viewers.clone()));
                }
            },
            false,
        );
    }
    // Leaving by a page load or closing the tab runs no cleanup: say goodbye on `pagehide`.
    let unload = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(api) = api.try_get_value() {
            api.leave_on_unload(ticket);
        }
    });
    on_cleanup(move || {
        unload.remove();
        if let Some(t) = timer {
            t.clear();
        }
        if let Some(api) = api.try_get_value() {
            leptos::task::spawn_local(async move {
                let _ = api.leave(ticket).await;
            });
        }
    });
    view! {
        <section class="card presence" data-testid="presence" aria-live="polite" aria-label=tr(AgentKey::PresenceLabel.into())>
            {move || {
                let list = viewers.get();
                if list.is_empty() {
                    return view! { <p class="muted">{tr(AgentKey::PresenceAlone.into())}</p> }.into_any();
                }
                view! { <ul>{list.into_iter().map(|v| {
                    let key = if v.typing { AgentKey::PresenceTyping } else { AgentKey::PresenceViewing };
                    view! {
                        <li data-testid="presence-viewer" data-user-id=v.user.id data-typing=v.typing.to_string()>
                            {i18n.tf(Key::Agent(key), &[&v.user.name])}
                        </li>
                    }
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}
