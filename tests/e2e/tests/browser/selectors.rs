//! tests/SELECTORS.md names every `data-testid` our browser tests use (issue 17): a name a test
//! relies on is a public name, so it must be in the contract. No browser here: this reads the
//! tests' sources and the document.

use std::collections::BTreeSet;
use std::path::Path;

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("selectors.rs") {
            // Code only: comments may show a selector's shape with a placeholder name.
            let text = std::fs::read_to_string(&path).expect("read source");
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
}

/// The quoted name right after each occurrence of `prefix` (up to the closing quote).
fn names_after(text: &str, prefix: &str, close: &str, out: &mut BTreeSet<String>) {
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        if let Some(end) = rest.find(close) {
            let name = &rest[..end];
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                out.insert(name.to_owned());
            }
        }
    }
}

/// The testids the end-to-end tests use: through the harness's helpers (which take a testid
/// first), `tid(…)`, and CSS selectors written out.
fn used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    sources(&root.join("tests"), &mut text);
    sources(&root.join("src"), &mut text);
    let mut names = BTreeSet::new();
    for helper in ["click", "find", "find_with", "type_into", "select", "wait_text", "gone", "hidden", "text", "set_value"] {
        names_after(&text, &format!(".{helper}(\""), "\"", &mut names);
    }
    names_after(&text, "tid(\"", "\"", &mut names);
    names_after(&text, "data-testid='", "'", &mut names);
    names_after(&text, "data-testid=\\\"", "\\\"", &mut names);
    names
}

/// What the document publishes: every name in a code span (comma-separated lists split), and
/// patterns such as `field-<key>` as prefixes.
fn published() -> (BTreeSet<String>, Vec<String>) {
    let doc = include_str!("../../../SELECTORS.md");
    let mut exact = BTreeSet::new();
    let mut prefixes = Vec::new();
    for span in doc.split('`').skip(1).step_by(2) {
        for part in span.split(',').map(str::trim) {
            match part.split_once('<') {
                Some((prefix, _)) if !prefix.is_empty() => prefixes.push(prefix.to_owned()),
                _ => {
                    exact.insert(part.to_owned());
                }
            }
        }
    }
    (exact, prefixes)
}

#[test]
fn every_testid_the_browser_tests_use_is_published() {
    let used = used();
    assert!(used.len() > 100, "the tests' names were found: {}", used.len());
    let (exact, prefixes) = published();
    let missing: Vec<&String> = used
        .iter()
        .filter(|n| !exact.contains(*n) && !prefixes.iter().any(|p| n.starts_with(p.as_str()) && n.len() > p.len()))
        .collect();
    assert!(missing.is_empty(), "used by tests/e2e but not in tests/SELECTORS.md: {missing:?}");
}

#[test]
fn the_check_catches_an_unpublished_name() {
    let (exact, _) = published();
    assert!(exact.contains("ticket-row"));
    assert!(!exact.contains("no-such-testid"));
}
