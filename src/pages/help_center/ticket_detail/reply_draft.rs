//! The reply box's text and files, kept per user and per ticket in a localStorage draft
//! (`baton.draft.<user>.ticket.<id>`) until the server has the message.

use crate::api::json;
use crate::components::ui::{uploaded, Upload};
use crate::state::draft::{storage_key, DraftPlace, DraftStore};
use baton_core::{Attachment, NewMessage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The draft as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    body: String,
    files: Vec<Attachment>,
}

/// The reply being written. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct ReplyDraft {
    pub body: RwSignal<String>,
    pub files: RwSignal<Vec<Upload>>,
    user: Option<i64>,
    store: DraftStore,
}

impl ReplyDraft {
    /// `user`'s draft for `ticket`, saved again on every change.
    pub fn open(user: Option<i64>, ticket: Option<i64>) -> ReplyDraft {
        let (store, _) = DraftStore::open::<Saved>(None);
        let draft = ReplyDraft {
            body: RwSignal::new(String::new()),
            files: RwSignal::new(Vec::new()),
            user,
            store,
        };
        draft.switch_to(ticket);
        Effect::new(move |_| {
            let saved = Saved {
                body: draft.body.get(),
                files: draft.files.with(|f| uploaded(f)),
            };
            draft.store.save(&saved, saved == Saved::default());
        });
        draft
    }

    /// Shows the draft of `ticket` (the route moved to another ticket).
    pub fn switch_to(&self, ticket: Option<i64>) {
        let key = self
            .user
            .zip(ticket)
            .map(|(user, id)| storage_key(user, DraftPlace::Ticket(id)));
        let saved: Saved = self.store.reopen(key).unwrap_or_default();
        self.body.set(saved.body);
        self.files
            .set(saved.files.into_iter().map(Upload::done).collect());
    }

    /// The `Idempotency-Key` for sending `message` now: the last attempt's unless it changed.
    pub fn key_for(&self, message: &NewMessage) -> String {
        self.store
            .key_for(&json::encode(message).unwrap_or_default())
    }

    /// The server has the message: the box empties, the draft goes, the next message gets a new key.
    pub fn acknowledged(&self) {
        self.store.acknowledged();
        self.body.set(String::new());
        self.files.set(Vec::new());
    }
}
