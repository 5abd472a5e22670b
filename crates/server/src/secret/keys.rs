//! Where the keys come from. The current key is `--secret-key` (`BATON_SECRET_KEY`: 64 hex digits,
//! or base64 of 32 bytes), else the key file: `--secret-key-file` (`BATON_SECRET_KEY_FILE`), by
//! default `$XDG_CONFIG_HOME/baton/secret.key` or `~/.config/baton/secret.key`, created (0600) on
//! first start: apart from the data directory, so a copy of that directory does not carry the key
//! along with the database. A key file still in the data directory (where it used to be created)
//! is used while no file exists at the new place, with a warning to move it: a second key is never
//! made beside a first. Retired keys (`--retired-secret-keys`) only open old values. An in-memory
//! database without a configured key or key file gets a key that lives as long as its data.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The key file's name, at its default place and in the data directory of older installs.
pub const KEY_FILE: &str = "secret.key";

/// Why no key could be had. Never carries key material.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("BATON_SECRET_KEY must be 64 hex digits or the base64 of 32 bytes")]
    BadKey,
    #[error("retired key {0} of BATON_RETIRED_SECRET_KEYS must be 64 hex digits or the base64 of 32 bytes")]
    BadRetiredKey(usize),
    #[error("the key file {path} does not hold 64 hex digits")]
    BadKeyFile { path: String },
    #[error("cannot read or create the key file {path}: {source}")]
    KeyFile { path: String, source: std::io::Error },
    #[error("no place for the key file: set --secret-key-file (BATON_SECRET_KEY_FILE), XDG_CONFIG_HOME or HOME")]
    NoConfigDir,
}

/// What the configuration says about keys (see the module's documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct KeySettings<'a> {
    /// `--secret-key`; blank counts as none.
    pub key: Option<&'a str>,
    /// `--retired-secret-keys`: keys that only open (blank entries are skipped).
    pub retired: &'a [String],
    /// `--secret-key-file`; `None`: [`default_key_file`].
    pub file: Option<&'a Path>,
    /// The data directory, where older installs have their key file. `None` (an in-memory
    /// database) with neither key nor file: a random key for this process.
    pub data_dir: Option<&'a Path>,
}

/// Where the current key is.
enum Located {
    Configured([u8; 32]),
    /// The key file, existing or to be created.
    File(PathBuf),
    /// The key file of an older install, in the data directory.
    Legacy(PathBuf),
    Ephemeral,
}

/// A key's id: the first 4 bytes of SHA-256 over a label and the key.
pub fn key_id(key: &[u8; 32]) -> super::KeyId {
    let digest = Sha256::new().chain_update(b"baton secret key id v1\0").chain_update(key).finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// `$XDG_CONFIG_HOME/baton/secret.key`, else `$HOME/.config/baton/secret.key`.
pub fn default_key_file() -> Result<PathBuf, KeyError> {
    let dir = |name| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let base = dir("XDG_CONFIG_HOME").or_else(|| dir("HOME").map(|home| home.join(".config")));
    Ok(base.ok_or(KeyError::NoConfigDir)?.join("baton").join(KEY_FILE))
}

/// The current key and the retired ones; creates the key file if that is where the key belongs.
pub(super) fn load(settings: &KeySettings<'_>) -> Result<([u8; 32], Vec<[u8; 32]>), KeyError> {
    let retired = retired(settings.retired)?;
    let current = match locate(settings)? {
        Located::Configured(key) => key,
        Located::File(path) => key_file(&path)?,
        Located::Legacy(path) => {
            let key = read_key_file(&path)?.ok_or_else(|| KeyError::BadKeyFile { path: path.display().to_string() })?;
            let to = settings.file.map(Path::to_path_buf).or_else(|| default_key_file().ok()).unwrap_or_default();
            tracing::warn!(
                "the key file {} is in the data directory, so a copy of that directory carries it: move it to {} (or name it with --secret-key-file)",
                path.display(),
                to.display()
            );
            key
        }
        Located::Ephemeral => rand::random(),
    };
    Ok((current, retired))
}

/// Whether [`load`] would accept `settings`, without writing anything: the keys' format, and an
/// existing key file's (a missing one is created by `load`, which is fine). The server runs this
/// before it binds its port, so a bad key is reported as itself even when the port is taken.
pub(super) fn check(settings: &KeySettings<'_>) -> Result<(), KeyError> {
    retired(settings.retired)?;
    match locate(settings)? {
        Located::File(path) | Located::Legacy(path) => read_key_file(&path).map(drop),
        Located::Configured(_) | Located::Ephemeral => Ok(()),
    }
}

fn locate(settings: &KeySettings<'_>) -> Result<Located, KeyError> {
    if let Some(text) = settings.key.map(str::trim).filter(|k| !k.is_empty()) {
        return parse_key(text).map(Located::Configured).ok_or(KeyError::BadKey);
    }
    let path = match (settings.file, settings.data_dir) {
        (Some(file), _) => file.to_path_buf(),
        (None, None) => return Ok(Located::Ephemeral),
        (None, Some(_)) => default_key_file()?,
    };
    let legacy = settings.data_dir.map(|dir| dir.join(KEY_FILE));
    Ok(match legacy {
        Some(legacy) if !path.exists() && legacy != path && legacy.exists() => Located::Legacy(legacy),
        _ => Located::File(path),
    })
}

fn retired(keys: &[String]) -> Result<Vec<[u8; 32]>, KeyError> {
    let keys = keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty());
    keys.enumerate().map(|(i, k)| parse_key(k).ok_or(KeyError::BadRetiredKey(i + 1))).collect()
}

/// 64 hex digits, or standard base64 of exactly 32 bytes.
pub(super) fn parse_key(text: &str) -> Option<[u8; 32]> {
    if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex32(text);
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(text).ok()?;
    bytes.try_into().ok()
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(key)
}

/// Reads the key file, or creates it (and its directory) with a fresh random key, readable by the
/// owner only.
pub(super) fn key_file(path: &Path) -> Result<[u8; 32], KeyError> {
    if let Some(key) = read_key_file(path)? {
        return Ok(key);
    }
    let io_error = |source| key_file_error(path, source);
    let key: [u8; 32] = rand::random();
    let hex = crate::paging::hex(&key);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(io_error)?;
    }
    match write_private(path, format!("{hex}\n").as_bytes()) {
        Ok(()) => Ok(key),
        // Another server starting at the same moment wrote it first: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            read_key_file(path)?.ok_or_else(|| key_file_error(path, e))
        }
        Err(e) => Err(io_error(e)),
    }
}

/// The key in the key file; `None` when there is no such file yet.
pub(super) fn read_key_file(path: &Path) -> Result<Option<[u8; 32]>, KeyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => hex32(text.trim())
            .filter(|_| text.trim().len() == 64)
            .map(Some)
            .ok_or_else(|| KeyError::BadKeyFile { path: path.display().to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(key_file_error(path, e)),
    }
}

fn key_file_error(path: &Path, source: std::io::Error) -> KeyError {
    KeyError::KeyFile { path: path.display().to_string(), source }
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
