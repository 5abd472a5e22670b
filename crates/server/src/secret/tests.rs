use super::keys::{key_file, parse_key};
use super::*;
use base64::Engine;

const HEX: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn settings<'a>(key: Option<&'a str>, file: Option<&'a std::path::Path>, data_dir: Option<&'a std::path::Path>) -> KeySettings<'a> {
    KeySettings { key, retired: &[], file, data_dir }
}

#[test]
fn keys_parse_from_hex_or_base64_only() {
    assert!(parse_key(HEX).is_some());
    let b64 = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
    assert_eq!(parse_key(&b64), Some([7u8; 32]));
    for bad in ["", "short", &HEX[..62], &base64::engine::general_purpose::STANDARD.encode([1u8; 16])] {
        assert!(parse_key(bad).is_none(), "{bad}");
    }
}

#[test]
fn sealed_values_open_only_for_their_ticket() {
    let cipher = Cipher::new(&[9u8; 32]);
    let sealed = cipher.seal("hunter2", &ticket_aad(1, 2)).expect("seal");
    assert!(!sealed.ciphertext.windows(7).any(|w| w == b"hunter2"));
    assert_eq!(cipher.open(&sealed, &ticket_aad(1, 2)).ok().as_deref(), Some("hunter2"));
    assert!(cipher.open(&sealed, &ticket_aad(1, 3)).is_err());
    assert!(Cipher::new(&[8u8; 32]).open(&sealed, &ticket_aad(1, 2)).is_err());
    let again = cipher.seal("hunter2", &ticket_aad(1, 2)).expect("seal");
    assert_ne!(again.nonce, sealed.nonce);
}

#[test]
fn values_carry_their_key_id_and_open_after_a_rotation() {
    let (a, b) = ([1u8; 32], [2u8; 32]);
    let old = Cipher::new(&a);
    let sealed = old.seal("v", b"x").expect("seal");
    assert_eq!(sealed.nonce.len(), 17);
    assert_eq!(&sealed.nonce[1..5], &key_id(&a));
    assert!(old.is_current(&sealed.nonce));
    let rotated = Cipher::with_retired(&b, &[a]);
    assert!(!rotated.is_current(&sealed.nonce));
    assert_eq!(rotated.open(&sealed, b"x").ok().as_deref(), Some("v"));
    assert!(Cipher::new(&b).open(&sealed, b"x").is_err());
    // A value from before key ids: a bare 12-byte nonce, opened by whichever key sealed it.
    let legacy = Sealed { ciphertext: sealed.ciphertext.clone(), nonce: sealed.nonce[5..].to_vec() };
    assert_eq!(rotated.open(&legacy, b"x").ok().as_deref(), Some("v"));
    assert!(!old.is_current(&legacy.nonce));
    assert!(Cipher::new(&b).open(&legacy, b"x").is_err());
    // A corrupt header is refused, not guessed at.
    let mut bad = sealed.clone_for_test();
    bad.nonce[0] = 2;
    assert!(rotated.open(&bad, b"x").is_err());
    assert_ne!(key_id(&a), key_id(&b));
    assert!(!format!("{rotated:?}").contains("0101"));
}

impl Sealed {
    fn clone_for_test(&self) -> Sealed {
        Sealed { ciphertext: self.ciphertext.clone(), nonce: self.nonce.clone() }
    }
}

#[test]
fn check_refuses_what_load_would_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let file = dir.path().join("config/baton/secret.key");
    assert!(Cipher::check(&settings(None, Some(&file), Some(&data))).is_ok());
    assert!(!data.exists() && !file.exists(), "check wrote something");
    assert!(matches!(Cipher::check(&settings(Some("too-short"), None, Some(&data))), Err(KeyError::BadKey)));
    assert!(Cipher::check(&settings(Some("  "), None, None)).is_ok());
    let retired = ["".to_owned(), "nope".to_owned()];
    let with_retired = KeySettings { retired: &retired, ..settings(Some(HEX), None, None) };
    assert!(matches!(Cipher::check(&with_retired), Err(KeyError::BadRetiredKey(1))));
    std::fs::write(dir.path().join(KEY_FILE), "nope").expect("write");
    // The old place in the data directory counts while the new file does not exist.
    assert!(matches!(
        Cipher::check(&settings(None, Some(&file), Some(dir.path()))),
        Err(KeyError::BadKeyFile { .. })
    ));
    // A configured key wins over the files, as in `load`.
    assert!(Cipher::check(&settings(Some(HEX), Some(&file), Some(dir.path()))).is_ok());
}

#[test]
fn the_key_file_is_created_apart_and_an_old_one_in_the_data_dir_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (data, file) = (dir.path().join("data"), dir.path().join("config/baton/secret.key"));
    std::fs::create_dir_all(&data).expect("data dir");
    let old = key_file(&data.join(KEY_FILE)).expect("old install's key");
    let sealed = Cipher::new(&old).seal("v", b"x").expect("seal");
    let cipher = Cipher::load(&settings(None, Some(&file), Some(&data))).expect("load");
    assert_eq!(cipher.open(&sealed, b"x").ok().as_deref(), Some("v"), "the old key is used");
    assert!(!file.exists(), "no second key was made");
    std::fs::remove_file(data.join(KEY_FILE)).expect("remove");
    Cipher::load(&settings(None, Some(&file), Some(&data))).expect("load");
    assert!(file.exists() && !data.join(KEY_FILE).exists());
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
        let mode = std::fs::metadata(dir.path().join(KEY_FILE)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::write(dir.path().join("bad.key"), "nope").expect("write");
    assert!(matches!(key_file(&dir.path().join("bad.key")), Err(KeyError::BadKeyFile { .. })));
}
