//! The `baton-server` binary: bad configuration ends with exit code 2 and one line on stderr.

use std::net::TcpListener;
use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_baton-server"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("BATON_ADDR")
        .env_remove("BATON_DATABASE_URL")
        .env_remove("BATON_DIST")
        .env_remove("BATON_DEMO")
        .env_remove("BATON_CORS_ORIGINS")
        .env("NO_COLOR", "1")
        .output()
        .expect("run baton-server");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn bad_configuration_exits_2_with_one_line() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let busy = taken.local_addr().expect("addr").to_string();
    let cases: &[(&[&str], &str)] = &[
        (&["--addr", "not-an-address"], "--addr"),
        (&["serve", "--addr", "127.0.0.1:99999"], "--addr"),
        (&["--database", "postgres://localhost/baton"], "only sqlite"),
        (&["--addr", &busy], "cannot listen"),
        (&["--no-such-flag"], "--no-such-flag"),
    ];
    for (args, needle) in cases {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr:?}");
        assert!(stderr.contains(needle), "{args:?}: {stderr:?}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr:?}");
    }
}

#[test]
fn help_exits_0() {
    let (code, _) = run(&["--help"]);
    assert_eq!(code, Some(0));
}
