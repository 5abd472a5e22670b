//! What the ticket page sends: replies (idempotent: a retry of the same text reuses its key),
//! lifecycle actions and confidential info. The typed text lives here, outside the re-rendered
//! ticket view, and the reply in a localStorage draft, so it survives every refresh, failure and
//! reload.

use super::reply_draft::ReplyDraft;
use crate::api::{use_api, Api, ApiError};
use crate::i18n::Key;
use crate::state::busy::Busy;
use crate::state::session::use_session;
use crate::state::toasts::{use_toasts, Toasts};
use baton_core::problem::code;
use baton_core::{Action, FieldError, Message, NewMessage, Ticket, TicketAction};
use crate::state::load::Load;
use leptos::prelude::*;

/// The page's outgoing state and the ways of sending.
#[derive(Clone, Copy)]
pub struct Composer {
    pub reply: ReplyDraft,
    pub reply_errors: RwSignal<Vec<FieldError>>,
    /// Why the last reply failed when it was not the text's fault (offers a retry).
    pub reply_failure: RwSignal<Option<ApiError>>,
    pub stars: RwSignal<Option<u8>>,
    pub comment: RwSignal<String>,
    pub rating_errors: RwSignal<Vec<FieldError>>,
    /// The new confidential info being typed; never stored anywhere but here.
    pub confidential: RwSignal<String>,
    pub confidential_errors: RwSignal<Vec<FieldError>>,
    id: Memo<Option<i64>>,
    ticket: Load<Ticket>,
    thread: Load<Vec<Message>>,
    api: StoredValue<Api>,
    toasts: Toasts,
    replying: Busy,
    acting: Busy,
    saving: Busy,
}

impl Composer {
    /// `ticket` and `thread` are the page's resources, fetched again after anything is sent.
    pub fn new(
        id: Memo<Option<i64>>,
        ticket: Load<Ticket>,
        thread: Load<Vec<Message>>,
    ) -> Composer {
        let user = use_session().me_untracked().map(|me| me.id);
        let composer = Composer {
            reply: ReplyDraft::open(user, id.get_untracked()),
            reply_errors: RwSignal::new(Vec::new()),
            reply_failure: RwSignal::new(None),
            stars: RwSignal::new(None),
            comment: RwSignal::new(String::new()),
            rating_errors: RwSignal::new(Vec::new()),
            confidential: RwSignal::new(String::new()),
            confidential_errors: RwSignal::new(Vec::new()),
            id,
            ticket,
            thread,
            api: StoredValue::new(use_api()),
            toasts: use_toasts(),
            replying: Busy::new(),
            acting: Busy::new(),
            saving: Busy::new(),
        };
        // The route can move to another ticket without re-creating the page: switch drafts then.
        Effect::new(move |previous: Option<Option<i64>>| {
            let current = id.get();
            if previous.is_some_and(|p| p != current) {
                composer.reset(current);
            }
            current
        });
        composer
    }

    fn reset(&self, ticket: Option<i64>) {
        self.reply.switch_to(ticket);
        self.reply_errors.set(Vec::new());
        self.reply_failure.set(None);
        self.stars.set(None);
        self.comment.set(String::new());
        self.rating_errors.set(Vec::new());
        self.confidential.set(String::new());
        self.confidential_errors.set(Vec::new());
    }

    /// Posts a reply; on success clears the box (and its draft) and shows the ticket as it is now.
    pub fn send(&self, message: NewMessage) {
        let (this, api, key) = (*self, self.api.get_value(), self.reply.key_for(&message));
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        self.replying.run(async move {
            this.reply_errors.set(Vec::new());
            this.reply_failure.set(None);
            match api.post_message(id, &message, &key).await {
                Ok(_) => {
                    this.reply.acknowledged();
                    this.toasts.success(Key::ReplySent);
                    this.refresh();
                }
                Err(error) if error.is_transient() => {
                    this.toasts.api_error(&error);
                    this.reply_failure.set(Some(error));
                }
                Err(error) => this
                    .reply_errors
                    .set(this.failed(&error, &["body", "attachment_ids"])),
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

    /// Replaces the confidential info (an empty value removes it).
    pub fn save_confidential(&self, value: String) {
        let (this, api) = (*self, self.api.get_value());
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        self.saving.run(async move {
            this.confidential_errors.set(Vec::new());
            match api.set_confidential(id, &value).await {
                Ok(()) => {
                    this.confidential.set(String::new());
                    let done = if value.is_empty() {
                        Key::ConfidentialCleared
                    } else {
                        Key::ConfidentialSaved
                    };
                    this.toasts.success(done);
                    this.refresh();
                }
                Err(error) => this.confidential_errors.set(
                    // The API names the field `value`; the form shows it as `confidential`.
                    this.failed(&error, &["value", "confidential"])
                        .into_iter()
                        .map(|e| FieldError::new("confidential", &e.code))
                        .collect(),
                ),
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

    /// True while confidential info is being saved (tracked).
    pub fn saving(&self) -> Signal<bool> {
        self.saving.signal()
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
