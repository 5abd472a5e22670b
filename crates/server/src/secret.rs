//! Encryption at rest of confidential info (机密信息) and other sealed values (the key check, SSO
//! secrets): AES-256-GCM with a random 96-bit nonce per value, bound to its owner (a ticket, a
//! tenant) by associated data so a ciphertext cannot be moved elsewhere.
//!
//! Several keys can be held at once (`keys`): the current one seals, retired ones only open what
//! they sealed, until `baton-server rekey` (`rekey`) has re-sealed it under the current key.
//!
//! Stored format: the nonce column holds `[1][key id: 4 bytes][nonce: 12 bytes]`; a bare 12-byte
//! nonce is a value sealed before key ids existed (opened by whichever held key opens it).
//! Why there: a legacy nonce is exactly 12 bytes, so old rows read as they are without a migration
//! rewrite, and the one format serves every sealed value (tickets, the key check, SSO secrets).

pub mod check;
pub mod keys;
pub mod rekey;
#[cfg(test)]
mod tests;

use crate::storage::confidential::Sealed;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
pub use keys::{key_id, KeyError, KeySettings, KEY_FILE};

/// A key's id: the first 4 bytes of a SHA-256 over the key (`keys::key_id`), so replicas given
/// the same key agree on its id without coordination.
pub type KeyId = [u8; 4];

/// The header's version byte.
const V1: u8 = 1;
const NONCE_LEN: usize = 12;
const HEADER_LEN: usize = 1 + 4;

/// Sealing or opening failed: a corrupt row, or no held key is the one it was sealed with.
#[derive(Debug, thiserror::Error)]
#[error("confidential info could not be {0}")]
pub struct SealError(&'static str);

impl SealError {
    pub(crate) fn opened() -> SealError {
        SealError("opened")
    }
}

#[derive(Clone)]
struct Key {
    id: KeyId,
    aead: Aes256Gcm,
}

/// The keys: the current one and the retired ones. Its `Debug` never shows key material.
#[derive(Clone)]
pub struct Cipher {
    current: Key,
    retired: Vec<Key>,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cipher(AES-256-GCM, key {}, {} retired)", self.current_id(), self.retired.len())
    }
}

impl Cipher {
    /// One key, current, none retired.
    pub fn new(key: &[u8; 32]) -> Cipher {
        Cipher::with_retired(key, &[])
    }

    /// `current` seals; `retired` (and `current`) open. A retired key equal to the current one,
    /// or given twice, is held once.
    pub fn with_retired(current: &[u8; 32], retired: &[[u8; 32]]) -> Cipher {
        let make = |key: &[u8; 32]| Key { id: key_id(key), aead: Aes256Gcm::new(key.into()) };
        let current = make(current);
        let mut held: Vec<Key> = Vec::new();
        for key in retired.iter().map(make) {
            if key.id != current.id && !held.iter().any(|k| k.id == key.id) {
                held.push(key);
            }
        }
        Cipher { current, retired: held }
    }

    /// The keys `settings` name (see [`KeySettings`]): reads, or on first start creates, the key
    /// file when no key is configured.
    pub fn load(settings: &KeySettings<'_>) -> Result<Cipher, KeyError> {
        let (current, retired) = keys::load(settings)?;
        Ok(Cipher::with_retired(&current, &retired))
    }

    /// Whether [`Cipher::load`] would accept `settings`, checked without writing anything.
    pub fn check(settings: &KeySettings<'_>) -> Result<(), KeyError> {
        keys::check(settings)
    }

    /// The current key's id, as 8 hex digits (what logs and `rekey` name it by).
    pub fn current_id(&self) -> String {
        crate::paging::hex(&self.current.id)
    }

    /// Encrypts `plaintext` under the current key, for the owner named by `aad`.
    pub fn seal(&self, plaintext: &str, aad: &[u8]) -> Result<Sealed, SealError> {
        let nonce: [u8; NONCE_LEN] = rand::random();
        let payload = Payload { msg: plaintext.as_bytes(), aad };
        let ciphertext = self
            .current
            .aead
            .encrypt(Nonce::from_slice(&nonce), payload)
            .map_err(|_| SealError("sealed"))?;
        let mut header = Vec::with_capacity(HEADER_LEN + NONCE_LEN);
        header.push(V1);
        header.extend_from_slice(&self.current.id);
        header.extend_from_slice(&nonce);
        Ok(Sealed { ciphertext, nonce: header })
    }

    /// Decrypts what [`Cipher::seal`] made with the same `aad`, under whichever held key sealed
    /// it; a legacy value (no key id) is tried with each held key, the current one first.
    pub fn open(&self, sealed: &Sealed, aad: &[u8]) -> Result<String, SealError> {
        let (id, nonce) = split(&sealed.nonce).ok_or(SealError("opened"))?;
        let payload = || Payload { msg: &sealed.ciphertext, aad };
        let nonce = Nonce::from_slice(nonce);
        let bytes = match id {
            Some(id) => self
                .keys()
                .find(|k| k.id == id)
                .and_then(|k| k.aead.decrypt(nonce, payload()).ok()),
            None => self.keys().find_map(|k| k.aead.decrypt(nonce, payload()).ok()),
        };
        String::from_utf8(bytes.ok_or(SealError("opened"))?).map_err(|_| SealError("opened"))
    }

    /// Whether a value with this stored nonce carries the current key's id (nothing for `rekey`
    /// to do).
    pub fn is_current(&self, nonce: &[u8]) -> bool {
        matches!(split(nonce), Some((Some(id), _)) if id == self.current.id)
    }

    fn keys(&self) -> impl Iterator<Item = &Key> {
        std::iter::once(&self.current).chain(&self.retired)
    }
}

/// The key id (`None`: legacy) and the bare nonce of a stored nonce column.
fn split(stored: &[u8]) -> Option<(Option<KeyId>, &[u8])> {
    match stored.len() {
        NONCE_LEN => Some((None, stored)),
        n if n == HEADER_LEN + NONCE_LEN && stored[0] == V1 => {
            let id: KeyId = stored[1..HEADER_LEN].try_into().ok()?;
            Some((Some(id), &stored[HEADER_LEN..]))
        }
        _ => None,
    }
}

/// The associated data binding a confidential value to its ticket.
pub fn ticket_aad(tenant_id: i64, ticket_id: i64) -> Vec<u8> {
    format!("baton/confidential/{tenant_id}/{ticket_id}").into_bytes()
}
