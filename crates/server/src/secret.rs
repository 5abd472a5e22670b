//! Encryption at rest of confidential info (机密信息): AES-256-GCM with a random 96-bit nonce per
//! value, the ticket bound in as associated data so a ciphertext cannot be moved to another ticket.
//!
//! The key comes from `BATON_SECRET_KEY` (64 hex digits, or base64 of 32 bytes) or else from a
//! `secret.key` file (mode 0600) next to the database, created on first start. An in-memory
//! database gets a key that lives as long as the process, like its data.

pub mod check;

use crate::storage::confidential::Sealed;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use std::path::Path;

/// The key file's name in the data directory.
pub const KEY_FILE: &str = "secret.key";

/// Why no key could be had. Never carries key material.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("BATON_SECRET_KEY must be 64 hex digits or the base64 of 32 bytes")]
    BadKey,
    #[error("the key file {path} does not hold 64 hex digits")]
    BadKeyFile { path: String },
    #[error("cannot read or create the key file {path}: {source}")]
    KeyFile {
        path: String,
        source: std::io::Error,
    },
}

/// Sealing or opening failed: a corrupt row, or a key that is not the one it was sealed with.
#[derive(Debug, thiserror::Error)]
#[error("confidential info could not be {0}")]
pub struct SealError(&'static str);

/// The cipher; its `Debug` never shows the key.
#[derive(Clone)]
pub struct Cipher {
    aead: Aes256Gcm,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(AES-256-GCM)")
    }
}

impl Cipher {
    /// The configured key, else the key file in `data_dir` (created if missing), else — with no
    /// data directory, i.e. an in-memory database — a random key for this process.
    pub fn load(configured: Option<&str>, data_dir: Option<&Path>) -> Result<Cipher, KeyError> {
        let key = match (configured_key(configured), data_dir) {
            (Some(text), _) => parse_key(text).ok_or(KeyError::BadKey)?,
            (None, Some(dir)) => key_file(&dir.join(KEY_FILE))?,
            (None, None) => rand::random(),
        };
        Ok(Cipher::new(&key))
    }

    /// Whether [`Cipher::load`] would accept these, checked without writing anything: the
    /// configured key's format, else the key file's if it exists (a missing one is created by
    /// `load`, which is fine). The server runs this before it binds its port, so a bad key is
    /// reported as itself even when the port is taken.
    pub fn check(configured: Option<&str>, data_dir: Option<&Path>) -> Result<(), KeyError> {
        match (configured_key(configured), data_dir) {
            (Some(text), _) => parse_key(text).map(drop).ok_or(KeyError::BadKey),
            (None, Some(dir)) => read_key_file(&dir.join(KEY_FILE)).map(drop),
            (None, None) => Ok(()),
        }
    }

    pub fn new(key: &[u8; 32]) -> Cipher {
        Cipher {
            aead: Aes256Gcm::new(key.into()),
        }
    }

    /// Encrypts `plaintext` for the ticket named by `aad`.
    pub fn seal(&self, plaintext: &str, aad: &[u8]) -> Result<Sealed, SealError> {
        let nonce: [u8; 12] = rand::random();
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad,
        };
        let ciphertext = self
            .aead
            .encrypt(Nonce::from_slice(&nonce), payload)
            .map_err(|_| SealError("sealed"))?;
        Ok(Sealed {
            ciphertext,
            nonce: nonce.to_vec(),
        })
    }

    /// Decrypts what [`Cipher::seal`] made with the same `aad`.
    pub fn open(&self, sealed: &Sealed, aad: &[u8]) -> Result<String, SealError> {
        if sealed.nonce.len() != 12 {
            return Err(SealError("opened"));
        }
        let payload = Payload {
            msg: &sealed.ciphertext,
            aad,
        };
        let bytes = self
            .aead
            .decrypt(Nonce::from_slice(&sealed.nonce), payload)
            .map_err(|_| SealError("opened"))?;
        String::from_utf8(bytes).map_err(|_| SealError("opened"))
    }
}

/// The associated data binding a confidential value to its ticket.
pub fn ticket_aad(tenant_id: i64, ticket_id: i64) -> Vec<u8> {
    format!("baton/confidential/{tenant_id}/{ticket_id}").into_bytes()
}

/// The configured key, if one was given: blank counts as none (an empty `BATON_SECRET_KEY=`).
fn configured_key(configured: Option<&str>) -> Option<&str> {
    configured.map(str::trim).filter(|k| !k.is_empty())
}

/// 64 hex digits, or standard base64 of exactly 32 bytes.
fn parse_key(text: &str) -> Option<[u8; 32]> {
    if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex32(text);
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .ok()?;
    bytes.try_into().ok()
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(key)
}

/// Reads the key file, or creates it with a fresh random key, readable by the owner only.
fn key_file(path: &Path) -> Result<[u8; 32], KeyError> {
    if let Some(key) = read_key_file(path)? {
        return Ok(key);
    }
    let io_error = |source| key_file_error(path, source);
    let key: [u8; 32] = rand::random();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io_error)?;
    }
    write_private(path, format!("{hex}\n").as_bytes()).map_err(io_error)?;
    Ok(key)
}

/// The key in the key file; `None` when there is no such file yet.
fn read_key_file(path: &Path) -> Result<Option<[u8; 32]>, KeyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => hex32(text.trim())
            .filter(|_| text.trim().len() == 64)
            .map(Some)
            .ok_or_else(|| KeyError::BadKeyFile {
                path: path.display().to_string(),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(key_file_error(path, e)),
    }
}

fn key_file_error(path: &Path, source: std::io::Error) -> KeyError {
    KeyError::KeyFile {
        path: path.display().to_string(),
        source,
    }
}

/// Creates `path` (failing if it exists, so two starting servers cannot both write a key) with
/// permissions 0600 on Unix.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_from_hex_or_base64_only() {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        assert!(parse_key(hex).is_some());
        let b64 = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
        assert_eq!(parse_key(&b64), Some([7u8; 32]));
        for bad in [
            "",
            "short",
            &hex[..62],
            &base64::engine::general_purpose::STANDARD.encode([1u8; 16]),
        ] {
            assert!(parse_key(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn sealed_values_open_only_for_their_ticket() {
        let cipher = Cipher::new(&[9u8; 32]);
        let sealed = cipher.seal("hunter2", &ticket_aad(1, 2)).expect("seal");
        assert!(!sealed.ciphertext.windows(7).any(|w| w == b"hunter2"));
        assert_eq!(
            cipher.open(&sealed, &ticket_aad(1, 2)).ok().as_deref(),
            Some("hunter2")
        );
        assert!(cipher.open(&sealed, &ticket_aad(1, 3)).is_err());
        assert!(Cipher::new(&[8u8; 32])
            .open(&sealed, &ticket_aad(1, 2))
            .is_err());
        let again = cipher.seal("hunter2", &ticket_aad(1, 2)).expect("seal");
        assert_ne!(again.nonce, sealed.nonce);
    }

    #[test]
    fn check_refuses_what_load_would_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        assert!(Cipher::check(None, Some(&data)).is_ok());
        assert!(!data.exists(), "check created the data directory");
        assert!(matches!(
            Cipher::check(Some("too-short"), Some(&data)),
            Err(KeyError::BadKey)
        ));
        assert!(Cipher::check(Some("  "), None).is_ok());
        std::fs::write(dir.path().join(KEY_FILE), "nope").expect("write");
        assert!(matches!(
            Cipher::check(None, Some(dir.path())),
            Err(KeyError::BadKeyFile { .. })
        ));
        // A configured key wins over the file, as in `load`.
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        assert!(Cipher::check(Some(hex), Some(dir.path())).is_ok());
    }

    #[test]
    fn the_key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = key_file(&dir.path().join(KEY_FILE)).expect("create");
        let second = key_file(&dir.path().join(KEY_FILE)).expect("read");
        assert_eq!(first, second);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(dir.path().join("bad.key"), "nope").expect("write");
        assert!(matches!(
            key_file(&dir.path().join("bad.key")),
            Err(KeyError::BadKeyFile { .. })
        ));
    }
}
