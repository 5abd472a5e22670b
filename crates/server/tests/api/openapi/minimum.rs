//! The minimum a backend implements (spec/README.md, "What to implement, in order", part 1) is
//! the set of operations `BATON_ST_SCOPE=minimum scripts/schemathesis.sh` fuzzes: the same
//! operations in both, each one in the document.

use super::committed;
use std::collections::BTreeSet;

const README: &str = include_str!("../../../../../spec/README.md");
const SCRIPT: &str = include_str!("../../../../../scripts/schemathesis.sh");

/// `METHOD /path` of every operation the table of the README's part 1 names in code spans.
fn readme_minimum() -> BTreeSet<String> {
    let start = README.find("**1. The minimum").expect("part 1");
    let end = README[start..].find("**2. Optional").expect("part 2") + start;
    let table: String = README[start..end].lines().filter(|l| l.starts_with("| ")).collect::<Vec<_>>().join("\n");
    table
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| ["GET ", "POST ", "PUT ", "PATCH ", "DELETE "].iter().any(|m| span.starts_with(m)))
        .map(str::to_owned)
        .collect()
}

/// `METHOD /path` of every operation id the script's MINIMUM_OPERATIONS lists.
fn script_minimum() -> BTreeSet<String> {
    let line = SCRIPT.lines().find(|l| l.starts_with("MINIMUM_OPERATIONS=")).expect("MINIMUM_OPERATIONS");
    let ids: Vec<&str> = line.trim_start_matches("MINIMUM_OPERATIONS=").trim_matches('\'').split('|').collect();
    let doc = committed();
    let mut out = BTreeSet::new();
    for id in ids {
        let found = doc["paths"].as_object().into_iter().flatten().find_map(|(path, ops)| {
            ops.as_object()?.iter().find(|(_, op)| op["operationId"] == id).map(|(m, _)| format!("{} {path}", m.to_uppercase()))
        });
        out.insert(found.unwrap_or_else(|| panic!("operation id {id} is not in the document")));
    }
    out
}

#[test]
fn the_minimum_is_the_same_in_the_readme_and_the_fuzzing_script() {
    let readme = readme_minimum();
    assert!(readme.len() > 15, "the README's table was read: {readme:?}");
    assert_eq!(readme, script_minimum());
}
