//! The configuration checks, case by case.

use super::*;

#[test]
fn origins_are_scheme_host_and_port_only() {
    for good in [
        "http://localhost:8081",
        " https://help.example.com ",
        "http://[::1]:3000",
    ] {
        assert!(check_origin(good).is_ok(), "{good}");
    }
    for bad in [
        "*",
        "",
        "localhost:8081",
        "http://",
        "http://a.test/",
        "http://a.test/x",
        "http://*.a.test",
        "http://a.test\nb",
    ] {
        assert!(check_origin(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn database_urls_are_checked_without_opening() {
    assert!(check_database_url("sqlite::memory:").is_ok());
    assert!(check_database_url("sqlite:///nonexistent/dir/baton.db").is_ok());
    assert!(check_database_url("postgres://baton@localhost/baton").is_ok());
    assert!(matches!(
        check_database_url("mysql://localhost/baton"),
        Err(ConfigError::UnsupportedDatabase(_))
    ));
    assert!(matches!(
        check_database_url("sqlite://x.db?mode=bogus"),
        Err(ConfigError::InvalidDatabaseUrl { .. })
    ));
}

#[test]
fn the_blob_store_is_read_with_its_credentials() {
    let config = |blob_store: &str, with_key: bool| Config {
        database_url: "sqlite::memory:".to_owned(),
        blob_store: Some(blob_store.to_owned()),
        blob_credentials: with_key.then(|| S3Credentials {
            key_id: "id".to_owned(),
            secret: "s3cr3t-value".to_owned(),
            token: None,
        }),
        ..Config::default()
    };
    let s3 = "s3://files?endpoint=http://127.0.0.1:9000";
    assert!(matches!(config("local", false).blob_store(), Ok(BlobStore::Local)));
    assert!(matches!(config(s3, true).blob_store(), Ok(BlobStore::S3 { .. })));
    assert!(matches!(
        config(s3, false).validate(),
        Err(ConfigError::BlobCredentials(_))
    ));
    let refused = config("s3://key:hunter2@files", true).validate();
    assert!(matches!(refused, Err(ConfigError::BlobStore { .. })), "{refused:?}");
    let message = refused.map_err(|e| e.to_string()).err().unwrap_or_default();
    assert!(!message.contains("hunter2"), "{message}");
    assert!(!format!("{:?}", config(s3, true)).contains("s3cr3t"), "Debug shows the secret");
}

#[test]
fn the_upload_limit_is_bounded() {
    let config = |max_upload_mb| Config {
        database_url: "sqlite::memory:".to_owned(),
        max_upload_mb,
        ..Config::default()
    };
    assert!(config(1).validate().is_ok());
    assert!(config(MAX_UPLOAD_MB_LIMIT).validate().is_ok());
    assert!(matches!(
        config(0).validate(),
        Err(ConfigError::UploadLimit(0))
    ));
    assert!(config(MAX_UPLOAD_MB_LIMIT + 1).validate().is_err());
}

#[test]
fn the_scheduler_lease_is_bounded() {
    let config = |scheduler_lease_secs| Config {
        database_url: "sqlite::memory:".to_owned(),
        scheduler_lease_secs,
        ..Config::default()
    };
    for (secs, ok) in [(1, false), (2, true), (DEFAULT_SCHEDULER_LEASE_SECS, true), (3600, true), (3601, false)] {
        assert_eq!(config(secs).validate().is_ok(), ok, "{secs} s");
    }
}

#[test]
fn mail_settings_are_checked_and_the_smtp_password_never_shows() {
    let config = |smtp: Option<&str>, from: &str, public: &str| Config {
        database_url: "sqlite::memory:".to_owned(),
        smtp_url: smtp.map(str::to_owned),
        mail_from: from.to_owned(),
        public_url: public.to_owned(),
        ..Config::default()
    };
    // (smtp url, from, public url, accepted)
    let cases = [
        (None, crate::mail::DEFAULT_FROM, DEFAULT_PUBLIC_URL, true),
        (Some("smtp://user:s3cret@mail.example.com:587?tls=required"), "Desk <desk@example.com>", "https://help.example.com", true),
        (Some("smtps://user:s3cret@mail.example.com"), "desk@example.com", DEFAULT_PUBLIC_URL, true),
        (Some("smtp://127.0.0.1:2525"), crate::mail::DEFAULT_FROM, DEFAULT_PUBLIC_URL, true),
        (Some("http://user:s3cret@mail.example.com"), crate::mail::DEFAULT_FROM, DEFAULT_PUBLIC_URL, false),
        (None, "not an address", DEFAULT_PUBLIC_URL, false),
        (None, crate::mail::DEFAULT_FROM, "ftp://help.example.com", false),
    ];
    for (smtp, from, public, ok) in cases {
        let result = config(smtp, from, public).validate();
        assert_eq!(result.is_ok(), ok, "{smtp:?} {from:?} {public:?}: {result:?}");
        if let Err(e) = result {
            let message = e.to_string();
            assert!(!message.contains("s3cret") && !message.contains('\n'), "{message}");
        }
    }
    let debug = format!("{:?}", config(Some("smtp://user:s3cret@mail.example.com:587"), "a@b.test", DEFAULT_PUBLIC_URL));
    assert!(debug.contains("smtp://user:***@mail.example.com:587") && !debug.contains("s3cret"), "{debug}");
}
