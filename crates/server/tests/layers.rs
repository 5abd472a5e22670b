//! The server's layers (README, "Design notes"): `http` (axum) above the domain, the domain above
//! `storage` (sqlx). This test reads the sources and fails when a file names a layer it must not
//! see, so the layering cannot erode one import at a time.

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, as paths relative to the crate's `src/`.
fn sources(src: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("read src");
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(src).expect("below src").to_path_buf());
        }
    }
}

/// Whether `file` (relative to src/) is `module.rs` or inside `module/`.
fn in_module(file: &Path, module: &str) -> bool {
    file == Path::new(&format!("{module}.rs")) || file.starts_with(module)
}

/// The lines of `text` that name `needle` as code (not in a comment).
fn code_lines<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| {
            let code = l.split("//").next().unwrap_or("");
            code.contains(needle)
        })
        .collect()
}

#[test]
fn each_layer_names_only_the_layer_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    assert!(files.len() > 50, "found only {} files", files.len());
    // (what, where it may appear)
    let rules: [(&str, &[&str]); 4] = [
        ("crate::http", &["http", "server", "lib"]),
        ("axum", &["http", "server"]),
        ("tower", &["http"]),
        ("sqlx", &["storage"]),
    ];
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(src.join(file)).expect("read");
        for (needle, allowed) in rules {
            if allowed.iter().any(|m| in_module(file, m)) {
                continue;
            }
            for line in code_lines(&text, needle) {
                broken.push(format!("{}: {needle}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(broken.is_empty(), "layer violations:\n{}", broken.join("\n"));
}

#[test]
fn the_check_sees_a_violation() {
    // The rule itself: a domain file naming sqlx would be caught.
    assert_eq!(code_lines("use sqlx::query;\n// sqlx in a comment\n", "sqlx").len(), 1);
    assert!(in_module(Path::new("storage/tickets.rs"), "storage"));
    assert!(in_module(Path::new("storage.rs"), "storage"));
    assert!(!in_module(Path::new("tickets/patch.rs"), "storage"));
}
