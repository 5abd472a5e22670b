//! The idempotency of one thing being sent (a ticket, a reply), as pure logic: which
//! `Idempotency-Key` goes with the next attempt.
//!
//! A retry of the same content must reuse the key, so a request whose answer was lost is never
//! filed twice; edited content gets a new key, since the server would otherwise answer with what
//! the first attempt created; after the server acknowledged, the next thing gets a new key.

use serde::{Deserialize, Serialize};

/// The key for the next attempt and a fingerprint of what was last sent with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendKey {
    key: String,
    /// Fingerprint of the content last sent with `key`; `None` while `key` is unused.
    #[serde(default)]
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
