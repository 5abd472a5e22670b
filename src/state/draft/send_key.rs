//! The idempotency of one thing being sent (a ticket, a reply), as pure logic: which
//! `Idempotency-Key` goes with the next attempt.
//!
//! A retry of the same content must reuse the key, so a request whose answer was lost is never
//! filed twice; edited content gets a new key, since the server would otherwise answer with what
//! the first attempt created; after the server acknowledged, the next thing gets a new key.

use crate::api::json;
use wasm_bindgen::JsValue;

/// The key for the next attempt and a fingerprint of what was last sent with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendKey {
    key: String,
    /// Fingerprint of the content last sent with `key`; `None` while `key` is unused.
    sent: Option<u64>,
}

impl SendKey {
    /// An unused key.
    pub fn new(key: String) -> SendKey {
        SendKey { key, sent: None }
    }

    /// The key the next attempt would use (for display and tests).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The key for sending content with `fingerprint` now: the same as the last attempt when the
    /// content is unchanged, else `fresh()`.
    pub fn attempt(&mut self, fingerprint: u64, fresh: impl FnOnce() -> String) -> String {
        if self.sent.is_some_and(|sent| sent != fingerprint) {
            self.key = fresh();
        }
        self.sent = Some(fingerprint);
        self.key.clone()
    }

    /// As a draft stores it: `{"key":"…","sent":<u64>|null}`, the shape drafts have always had.
    pub fn to_json(&self) -> String {
        let key = json::stringify(&JsValue::from_str(&self.key)).unwrap_or_default();
        match self.sent {
            Some(sent) => format!(r#"{{"key":{key},"sent":{sent}}}"#),
            None => format!(r#"{{"key":{key},"sent":null}}"#),
        }
    }

    /// Reads back what [`SendKey::to_json`] stored: `send` is the parsed object, `raw` the whole
    /// entry's text, which it ends. A fingerprint is a u64 and a JS number holds only 53 bits, so
    /// `sent` is read from the text (the last `"sent":` in it, which is this object's: the
    /// content comes first, and inside a JSON string the quotes would be escaped), checked
    /// against the parsed number. A missing `sent` is `None`, as a missing key is no `SendKey`.
    pub fn from_stored(raw: &str, send: &JsValue) -> Option<SendKey> {
        let field = |name: &str| js_sys::Reflect::get(send, &JsValue::from_str(name)).ok();
        let key = field("key")?.as_string()?;
        let parsed = field("sent")?;
        if parsed.is_null() || parsed.is_undefined() {
            return Some(SendKey { key, sent: None });
        }
        let number = parsed.as_f64()?;
        let text = &raw[raw.rfind(r#""sent":"#)? + 7..];
        let text = text.trim_start();
        let digits = &text[..text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len())];
        let sent: u64 = digits.parse().ok()?;
        (sent as f64 == number).then_some(SendKey {
            key,
            sent: Some(sent),
        })
    }

    /// The server took it: whatever comes next is a new request.
    pub fn acknowledged(&mut self, fresh: impl FnOnce() -> String) {
        self.key = fresh();
        self.sent = None;
    }
}

/// A 64-bit FNV-1a hash of `text`: enough to tell "edited" from "the same", and cheap in wasm.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
