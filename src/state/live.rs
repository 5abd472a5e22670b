//! Live updates (实时更新): one `EventSource` on `/api/v1/events` while someone is signed in, and
//! the latest event as a signal. Pages refetch what an event names; events carry ids and a
//! status only, never text.
//!
//! The browser reconnects by itself after a dropped connection and sends `Last-Event-ID`, so the
//! server replays what was missed. When it gives up (the server answered with an error), we open
//! a new stream after a growing pause, passing the last id as `?last_event_id=`.
//!
//! The widget has no cookie to open the stream with and `EventSource` cannot send its bearer
//! token, so there ([`Live::with_tickets`]) each (re)connect first gets a single-use ticket and
//! opens `?ticket=…`. The browser's own reconnect would reuse a spent ticket, so in that mode a
//! dropped stream is always reopened by us.

use crate::api::{json, Api};
use baton_core::{EventType, LiveEvent};
#[cfg(feature = "console")]
use baton_core::Presence;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, EventSourceInit, MessageEvent};

/// The SSE `event:` name of presence changes (data: `Presence`). Staff only: the help center
/// (built without the `console` feature) ignores them, as any event it does not know.
#[cfg(feature = "console")]
const PRESENCE_EVENT: &str = "presence";

/// One event as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveUpdate {
    /// Counts the events of this visit, so two equal events are still two changes.
    pub seq: u64,
    pub kind: EventType,
    pub event: LiveEvent,
}

impl LiveUpdate {
    /// Whether this is about ticket `id` (its status, or a new message in its thread).
    pub fn concerns(&self, id: i64) -> bool {
        // A notification changes nothing on the ticket (issue 13).
        self.event.ticket_id == id && self.kind != EventType::NotificationCreated
    }

    /// Whether a ticket list may have changed (`ticket.*`).
    pub fn changes_lists(&self) -> bool {
        matches!(
            self.kind,
            EventType::TicketCreated | EventType::TicketUpdated
        )
    }
}

/// The open stream and the handlers it calls; dropped together.
struct Connection {
    source: EventSource,
    _on_event: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _on_open: Closure<dyn FnMut(web_sys::Event)>,
}

/// The live-events context.
#[derive(Debug, Clone, Copy)]
pub struct Live {
    latest: RwSignal<Option<LiveUpdate>>,
    /// The latest `presence` event (who is on which ticket; staff only).
    #[cfg(feature = "console")]
    presence: RwSignal<Option<Presence>>,
    /// The `id:` of the last event received, for resuming.
    last_id: StoredValue<Option<String>>,
    /// Failed attempts in a row, for the pause before the next one.
    failures: StoredValue<u32>,
    connection: StoredValue<Option<Connection>, LocalStorage>,
    /// The stream's URL while we want to be connected.
    url: StoredValue<Option<String>>,
    /// The client to get stream tickets from, when it holds a bearer session (the widget).
    tickets: StoredValue<Option<Api>, LocalStorage>,
}

impl Live {
    /// Creates the context (not connected) and provides it to everything below the caller.
    pub fn provide() -> Live {
        let live = Live {
            latest: RwSignal::new(None),
            #[cfg(feature = "console")]
            presence: RwSignal::new(None),
            last_id: StoredValue::new(None),
            failures: StoredValue::new(0),
            connection: StoredValue::new_local(None),
            url: StoredValue::new(None),
            tickets: StoredValue::new_local(None),
        };
        provide_context(live);
        live
    }

    /// Opens every stream with a ticket from `api` while it holds a bearer token.
    pub fn with_tickets(self, api: Api) -> Live {
        self.tickets.set_value(Some(api));
        self
    }

    /// The latest event (tracked).
    pub fn latest(&self) -> Option<LiveUpdate> {
        self.latest.get()
    }

    /// The latest `presence` event (tracked): who views and who types on a ticket.
    #[cfg(feature = "console")]
    pub fn presence(&self) -> Option<Presence> {
        self.presence.get()
    }

    /// Listens on `url` until [`Live::disconnect`]; does nothing if already listening there.
    pub fn connect(&self, url: String) {
        if self.url.get_value().as_deref() == Some(url.as_str()) {
            return;
        }
        self.disconnect();
        self.url.set_value(Some(url));
        self.open();
    }

    /// Closes the stream and forgets the position (the next user starts afresh).
    pub fn disconnect(&self) {
        self.url.set_value(None);
        self.last_id.set_value(None);
        self.failures.set_value(0);
        self.close();
    }

    /// Takes in one event as the stream delivers it: `kind` is the SSE `event:` name, `data` its
    /// JSON, `id` its `id:`. Unknown or malformed events are ignored.
    pub fn receive(&self, kind: &str, data: &str, id: &str) {
        if !id.is_empty() {
            self.last_id.set_value(Some(id.to_owned()));
        }
        #[cfg(feature = "console")]
        if kind == PRESENCE_EVENT {
            if let Ok(presence) = json::decode::<Presence>(data) {
                self.presence.set(Some(presence));
            }
            return;
        }
        let (Some(kind), Ok(event)) = (
            EventType::from_code(kind),
            json::decode::<LiveEvent>(data),
        ) else {
            return;
        };
        let seq = self
            .latest
            .with_untracked(|l| l.as_ref().map_or(0, |l| l.seq + 1));
        self.latest.set(Some(LiveUpdate { seq, kind, event }));
    }

    fn open(&self) {
        let Some(base) = self.url.get_value() else {
            return;
        };
        let resume = self.last_id.get_value();
        let Some(api) = self.tickets.get_value().filter(Api::holds_bearer) else {
            let url = match resume {
                Some(id) => format!("{base}?last_event_id={id}"),
                None => base,
            };
            self.open_at(&url, true);
            return;
        };
        let live = *self;
        leptos::task::spawn_local(async move {
            let ticket = api.stream_ticket().await;
            // Signed out, or moved to another stream, while asking: nothing to open.
            if live.url.try_get_value().flatten().as_deref() != Some(base.as_str()) {
                return;
            }
            match ticket {
                Ok(ticket) => {
                    let mut url = format!("{base}?ticket={}", ticket.ticket);
                    if let Some(id) = resume {
                        url.push_str(&format!("&last_event_id={id}"));
                    }
                    live.open_at(&url, false);
                }
                // A lost session signs out (the client's `on_unauthenticated`), which disconnects;
                // anything else may pass.
                Err(_) => live.retry_later(),
            }
        });
    }

    /// Opens the stream at `url`, sending cookies when `with_cookies`.
    fn open_at(&self, url: &str, with_cookies: bool) {
        let init = EventSourceInit::new();
        init.set_with_credentials(with_cookies);
        let Ok(source) = EventSource::new_with_event_source_init_dict(url, &init) else {
            self.retry_later();
            return;
        };
        let live = *self;
        let on_event = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data().as_string().unwrap_or_default();
            live.receive(&e.type_(), &data, &e.last_event_id());
        });
        for kind in [
            EventType::TicketCreated,
            EventType::TicketUpdated,
            EventType::MessageCreated,
            // notifications (issue 13): the bell and the inbox refetch on it.
            EventType::NotificationCreated,
        ] {
            // Only fails for a non-function listener, which this is not.
            let _ = source
                .add_event_listener_with_callback(kind.as_str(), on_event.as_ref().unchecked_ref());
        }
        #[cfg(feature = "console")]
        let _ = source
            .add_event_listener_with_callback(PRESENCE_EVENT, on_event.as_ref().unchecked_ref());
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            live.failures.set_value(0);
        });
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            // CONNECTING means the browser is already reconnecting with Last-Event-ID itself,
            // which with a (spent) ticket in the URL cannot work: then we reopen with a new one.
            let closed = live
                .connection
                .try_with_value(|c| c.as_ref().map(|c| c.source.ready_state()))
                .flatten()
                == Some(EventSource::CLOSED);
            if closed || !with_cookies {
                live.close();
                live.retry_later();
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.connection.set_value(Some(Connection {
            source,
            _on_event: on_event,
            _on_error: on_error,
            _on_open: on_open,
        }));
    }

    fn close(&self) {
        if let Some(Some(connection)) = self.connection.try_update_value(Option::take) {
            connection.source.close();
        }
    }

    /// Opens a new stream after 1, 2, 4 … up to 60 seconds.
    fn retry_later(&self) {
        let failures = self.failures.get_value();
        self.failures.set_value(failures.saturating_add(1));
        let pause = Duration::from_secs(1u64 << failures.min(6));
        let live = *self;
        let url = self.url.get_value();
        set_timeout(
            move || {
                // Signed out, or moved to another stream, meanwhile: nothing to resume.
                if live.url.try_get_value().flatten() == url && url.is_some() {
                    live.open();
                }
            },
            pause,
        );
    }
}

/// The live-events context, if the app provides one (component tests do not).
pub fn use_live() -> Option<Live> {
    use_context::<Live>()
}
