//! `baton-server tenant create`, run as the built binary against the test's database (SQLite, or
//! PostgreSQL with `BATON_TEST_POSTGRES_URL`): it prints a set-password link that works once, and
//! refuses a taken or bad slug with exit code 2 and one line.

use crate::support::TestApp;
use axum::http::StatusCode;
use serde_json::json;
use std::process::{Command, Stdio};

/// Exit code, stdout and stderr of `baton-server tenant create <args>` on `database`, with
/// `BATON_PUBLIC_URL` set to `public_url` if given and no other `BATON_*` variable of the caller.
fn create(database: &str, args: &[&str], public_url: Option<&str>) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baton-server"));
    command
        .args(["tenant", "create", "--database", database])
        .args(args)
        .stdin(Stdio::null())
        .env("NO_COLOR", "1");
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BATON_") {
            command.env_remove(name);
        }
    }
    if let Some(url) = public_url {
        command.env("BATON_PUBLIC_URL", url);
    }
    let out = command.output().expect("run baton-server");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

/// The token of the link on the last line of `stdout`, which must start with `base`.
fn token(stdout: &str, base: &str) -> String {
    let link = stdout.lines().last().unwrap_or_default();
    let prefix = format!("{base}/set-password?token=");
    let token = link.strip_prefix(&prefix).unwrap_or_else(|| panic!("no {prefix}… link in {stdout:?}"));
    assert_eq!(token.len(), 64, "{link}");
    token.to_owned()
}

#[tokio::test]
async fn the_printed_link_sets_the_owners_password_once() {
    let app = TestApp::new().await;
    let db = app.db.url().to_owned();
    let desk = ["--slug", "acme", "--name", "Acme Support", "--owner-email", "owner@acme.test"];
    let args: Vec<&str> = desk.iter().copied().chain(["--public-url", "https://help.acme.test/"]).collect();
    let (code, stdout, stderr) = create(&db, &args, Some("http://ignored.test"));
    assert_eq!(code, Some(0), "{stderr}");
    let token = token(&stdout, "https://help.acme.test");

    let set = |password: &'static str| {
        app.post(&format!("/api/v1/password-tokens/{token}")).json(&json!({ "password": password })).send()
    };
    let res = set("acme owner password").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let me = res.json();
    assert_eq!((me["role"].as_str(), me["tenant"]["name"].as_str()), (Some("owner"), Some("Acme Support")));
    set("acme owner password").await.problem(StatusCode::GONE, "token_invalid");
    let login = json!({ "email": "owner@acme.test", "password": "acme owner password", "tenant": "acme" });
    assert_eq!(app.post("/api/v1/session").json(&login).send().await.status, StatusCode::OK);

    // The same slug again: refused, nothing added.
    let tenants = app.count("SELECT COUNT(*) FROM tenants").await;
    let (code, stdout, stderr) = create(&db, &desk, None);
    assert_eq!(code, Some(2), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("\"acme\" is already taken"), "{stderr}");
    assert_eq!(app.count("SELECT COUNT(*) FROM tenants").await, tenants);
}

#[tokio::test]
async fn the_public_url_comes_from_the_environment_or_the_default() {
    let app = TestApp::new().await;
    let db = app.db.url().to_owned();
    // (slug, BATON_PUBLIC_URL, base of the link)
    let cases = [
        ("beta", Some("https://desk.example.test"), "https://desk.example.test"),
        ("gamma", None, baton_server::config::DEFAULT_PUBLIC_URL),
    ];
    for (slug, env, base) in cases {
        let args = ["--slug", slug, "--name", "Desk", "--owner-email", "owner@desk.test"];
        let (code, stdout, stderr) = create(&db, &args, env);
        assert_eq!(code, Some(0), "{stderr}");
        token(&stdout, base);
    }
}

#[tokio::test]
async fn bad_arguments_exit_2_with_one_line() {
    let app = TestApp::new().await;
    let db = app.db.url().to_owned();
    // (arguments after --database, a word of the message)
    let cases: [(&[&str], &str); 4] = [
        (&["--slug", "Not A Slug", "--name", "n", "--owner-email", "o@x.test"], "--slug"),
        (&["--slug", "okay", "--name", " ", "--owner-email", "o@x.test"], "--name"),
        (&["--slug", "okay", "--name", "n", "--owner-email", "nobody"], "--owner-email"),
        (&["--slug", "okay", "--name", "n", "--owner-email", "o@x.test", "--public-url", "ftp://x"], "--public-url"),
    ];
    for (args, needle) in cases {
        let (code, _, stderr) = create(&db, args, None);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("baton-server: ") && stderr.contains(needle), "{args:?}: {stderr}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM tenants WHERE slug = 'okay'").await, 0);
}

#[tokio::test]
async fn the_setup_link_is_also_queued_as_a_mail_in_the_language_asked() {
    let app = TestApp::new().await;
    let db = app.db.url().to_owned();
    // (slug, --language, subject)
    let cases = [("delta", None, "Delta: set your password"), ("epsilon", Some("zh-CN"), "Epsilon:请设置密码")];
    for (slug, language, subject) in cases {
        let name = format!("{}{}", slug[..1].to_uppercase(), &slug[1..]);
        let mut args = vec!["--slug", slug, "--name", &name, "--owner-email", "owner@desk.test"];
        if let Some(language) = language {
            args.extend(["--language", language]);
        }
        let (code, stdout, stderr) = create(&db, &args, Some("https://desk.example.test"));
        assert_eq!(code, Some(0), "{stderr}");
        token(&stdout, "https://desk.example.test");
        let (to, kind, status, queued_subject, text): (String, String, String, String, String) = sqlx::query_as(
            "SELECT m.to_address, m.kind, m.status, m.subject, m.body_text FROM mail_outbox m
             JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = $1",
        )
        .bind(slug)
        .fetch_one(&app.sql)
        .await
        .expect("the setup mail");
        assert_eq!((to.as_str(), kind.as_str(), status.as_str(), queued_subject.as_str()), ("owner@desk.test", "setup", "queued", subject));
        assert!(text.contains(stdout.lines().last().unwrap_or("none")), "the mail carries the printed link: {text}");
    }
}
