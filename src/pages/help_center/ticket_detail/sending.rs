//! What the ticket page sends: replies (idempotent, one key per message written) and lifecycle
//! actions. The typed text lives here, outside the re-rendered ticket view, so it survives every
//! refresh and every failure.

use crate::api::{idempotency_key, use_api, Api, ApiError};
use crate::i18n::Key;
use crate::state::busy::Busy;
use crate::state::toasts::{use_toasts, Toasts};
use baton_core::problem::code;
use baton_core::{Action, FieldError, Message, NewMessage, Ticket, TicketAction};
use leptos::prelude::*;

/// The page's outgoing state and the two ways of sending.
#[derive(Clone, Copy)]
pub struct Composer {
    pub reply: RwSignal<String>,
    pub reply_errors: RwSignal<Vec<FieldError>>,
    pub stars: RwSignal<Option<u8>>,
    pub comment: RwSignal<String>,
    pub rating_errors: RwSignal<Vec<FieldError>>,
    reply_key: StoredValue<String>,
    id: Memo<Option<i64>>,
    ticket: LocalResource<Result<Ticket, ApiError>>,
    thread: LocalResource<Result<Vec<Message>, ApiError>>,
    api: StoredValue<Api>,
    toasts: Toasts,
    replying: Busy,
    acting: Busy,
}

impl Composer {
    /// `ticket` and `thread` are the page's resources, fetched again after anything is sent.
    pub fn new(
        id: Memo<Option<i64>>,
        ticket: LocalResource<Result<Ticket, ApiError>>,
        thread: LocalResource<Result<Vec<Message>, ApiError>>,
    ) -> Composer {
        let composer = Composer {
            reply: RwSignal::new(String::new()),
            reply_errors: RwSignal::new(Vec::new()),
            stars: RwSignal::new(None),
            comment: RwSignal::new(String::new()),
            rating_errors: RwSignal::new(Vec::new()),
            reply_key: StoredValue::new(idempotency_key()),
            id,
            ticket,
            thread,
            api: StoredValue::new(use_api()),
            toasts: use_toasts(),
            replying: Busy::new(),
            acting: Busy::new(),
        };
        // The route can move to another ticket without re-creating the page: start afresh then.
        Effect::new(move |previous: Option<Option<i64>>| {
            let current = id.get();
            if previous.is_some_and(|p| p != current) {
                composer.reset();
            }
            current
        });
        composer
    }

    fn reset(&self) {
        self.reply.set(String::new());
        self.reply_errors.set(Vec::new());
        self.reply_key.set_value(idempotency_key());
        self.stars.set(None);
        self.comment.set(String::new());
        self.rating_errors.set(Vec::new());
    }

    /// Posts a reply; on success clears the box and shows the new state of the ticket.
    pub fn send(&self, message: NewMessage) {
        let (this, api, key) = (*self, self.api.get_value(), self.reply_key.get_value());
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        self.replying.run(async move {
            this.reply_errors.set(Vec::new());
            match api.post_message(id, &message, &key).await {
                Ok(_) => {
                    this.reply.set(String::new());
                    this.reply_key.set_value(idempotency_key());
                    this.toasts.success(Key::ReplySent);
                    this.refresh();
                }
                Err(error) => this.reply_errors.set(this.failed(&error, &["body"])),
            }
        });
    }

    /// Sends a lifecycle action (with its rating and comment for `rate`).
    pub fn act(&self, action: TicketAction) {
        let (this, api) = (*self, self.api.get_value());
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        self.acting.run(async move {
            this.rating_errors.set(Vec::new());
            match api.act(id, &action).await {
                Ok(_) => {
                    this.toasts.success(done_key(action.action));
                    this.refresh();
                }
                Err(error) => this
                    .rating_errors
                    .set(this.failed(&error, &["rating", "comment"])),
            }
        });
    }

    /// True while a reply is on its way (tracked).
    pub fn sending(&self) -> Signal<bool> {
        self.replying.signal()
    }

    /// True while an action is on its way (tracked).
    pub fn acting(&self) -> Signal<bool> {
        self.acting.signal()
    }

    /// Fetches the ticket and thread again. (Safe after the page is gone, unlike a callback:
    /// answers can arrive after the user has left.)
    pub fn refresh(&self) {
        self.ticket.refetch();
        self.thread.refetch();
    }

    /// Reports a failure; returns the field errors for the form. A refused transition means the
    /// ticket changed under us: after saying why, show it as it is now.
    fn failed(&self, error: &ApiError, fields: &[&str]) -> Vec<FieldError> {
        if error.is(code::TRANSITION_REFUSED) {
            self.refresh();
        }
        self.toasts.form_error(error, fields)
    }
}

/// The thank-you for a lifecycle action that went through.
fn done_key(action: Action) -> Key {
    match action {
        Action::Close => Key::TicketClosed,
        Action::Rate => Key::RatingThanks,
        _ => Key::TicketConfirmed,
    }
}
