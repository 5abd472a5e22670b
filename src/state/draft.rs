//! Drafts (草稿): what a user is writing, kept in localStorage per user and per place, so that a
//! reload, a crash or a failed send never loses it. A draft is removed only once the server has
//! acknowledged what was sent.
//!
//! The draft's [`SendKey`] is stored with it: a retry after a reload still reuses the
//! `Idempotency-Key` of the attempt whose answer was lost, so the server never files it twice.

mod send_key;

pub use send_key::{fingerprint, SendKey};

use crate::api::{idempotency_key, json};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Where a draft is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftPlace {
    /// The submit form.
    NewTicket,
    /// The reply box of ticket `id`.
    Ticket(i64),
}

/// The localStorage key of `user`'s draft at `place`: `baton.draft.<user>.new` or
/// `baton.draft.<user>.ticket.<id>`.
pub fn storage_key(user: i64, place: DraftPlace) -> String {
    match place {
        DraftPlace::NewTicket => format!("baton.draft.{user}.new"),
        DraftPlace::Ticket(id) => format!("baton.draft.{user}.ticket.{id}"),
    }
}

/// The persistence and the idempotency key of one draft. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct DraftStore {
    /// `None` keeps the draft in memory only (no signed-in user, or storage refused).
    key: StoredValue<Option<String>>,
    send: StoredValue<SendKey>,
    /// The content as last saved, as JSON, to write again when only the key state changes.
    content: StoredValue<Option<String>>,
}

impl DraftStore {
    /// Opens the draft stored under `key`: the store, and the saved content if there is one.
    pub fn open<T: DeserializeOwned>(key: Option<String>) -> (DraftStore, Option<T>) {
        let store = DraftStore {
            key: StoredValue::new(None),
            send: StoredValue::new(SendKey::new(String::new())),
            content: StoredValue::new(None),
        };
        let content = store.reopen(key);
        (store, content)
    }

    /// Switches this store to the draft under `key` (another ticket's reply box) and returns its
    /// saved content. The store keeps its identity, so whatever holds it keeps working.
    pub fn reopen<T: DeserializeOwned>(&self, key: Option<String>) -> Option<T> {
        let raw = key.as_deref().and_then(read);
        let stored = raw.as_deref().and_then(stored).and_then(|(content, send)| {
            Some((json::from_value::<T>(content).ok()?, send))
        });
        let (content, send) = match stored {
            Some((content, send)) => (Some(content), send),
            None => (None, SendKey::new(idempotency_key())),
        };
        self.key.set_value(key);
        self.send.set_value(send);
        // Written again by the next save; until then the stored entry stays as it is.
        self.content.set_value(None);
        content
    }

    /// Saves `content`; an `empty` draft is removed instead.
    pub fn save<T: Serialize>(&self, content: &T, empty: bool) {
        if empty {
            self.content.set_value(None);
            self.remove();
            return;
        }
        // Serialising our own plain data cannot fail; if it somehow did, keep the last save.
        if let Ok(json) = json::encode(content) {
            self.content.set_value(Some(json));
            self.write();
        }
    }

    /// The `Idempotency-Key` for sending content whose identity is `body` now: the last attempt's
    /// key when `body` is unchanged, else a new one (see [`SendKey::attempt`]). Saved with the draft.
    pub fn key_for(&self, body: &str) -> String {
        let key = self
            .send
            .try_update_value(|send| send.attempt(fingerprint(body), idempotency_key))
            .unwrap_or_else(idempotency_key);
        self.write();
        key
    }

    /// The server took it: the draft is removed and the next send gets a new key.
    pub fn acknowledged(&self) {
        self.send
            .update_value(|send| send.acknowledged(idempotency_key));
        self.content.set_value(None);
        self.remove();
    }

    /// The idempotency state (for tests and diagnostics).
    pub fn send_key(&self) -> SendKey {
        self.send.get_value()
    }

    fn write(&self) {
        let (Some(key), Some(content)) = (self.key.get_value(), self.content.get_value()) else {
            return;
        };
        let send = self.send.get_value().to_json();
        if let Some(storage) = storage() {
            // A full or refused storage keeps the draft in memory for this visit.
            let _ = storage.set_item(&key, &format!(r#"{{"content":{content},"send":{send}}}"#));
        }
    }

    fn remove(&self) {
        if let (Some(key), Some(storage)) = (self.key.get_value(), storage()) {
            let _ = storage.remove_item(&key);
        }
    }
}

/// One localStorage entry, `{"content":…,"send":…}`: the content (still to decode) and its key.
/// Not generic, so this exists once for every kind of draft.
fn stored(raw: &str) -> Option<(JsValue, SendKey)> {
    let value = json::parse(raw).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok();
    let send = SendKey::from_stored(raw, &field("send")?)?;
    Some((field("content")?, send))
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
