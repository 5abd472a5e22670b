//! spec/openapi.yaml on its own: well-formed (no duplicate keys, no stray nulls) and complete
//! (every problem and field code, every JSON body's errors).

use super::{committed, YAML};
use serde_json::Value;

/// The keys that appear twice in one mapping of `yaml`, as serde_norway's own `Value` refuses them
/// (serde_json's map would silently keep the last one, so the served document hid the first).
fn duplicate_keys(yaml: &str) -> Result<(), String> {
    serde_norway::from_str::<serde_norway::Value>(yaml)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn the_document_has_no_duplicate_mapping_keys() {
    // The check itself refuses a duplicate, in a block and in a flow mapping.
    let bad_block = "paths:\n  /a:\n    get: {}\n  /b: {}\n  /a:\n    put: {}\n";
    assert!(duplicate_keys(bad_block).is_err_and(|e| e.contains("duplicate entry")));
    assert!(duplicate_keys("x: { type: string, type: integer }\n").is_err());
    assert_eq!(duplicate_keys(YAML), Ok(()));
}

/// Paths (as `a/b/c`) of every null in `value` outside examples, defaults and consts.
fn nulls(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => out.push(path.to_owned()),
        Value::Object(map) => {
            for (key, item) in map {
                if !["example", "examples", "default", "const", "enum"].contains(&key.as_str()) {
                    nulls(item, &format!("{path}/{key}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                nulls(item, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A comma in an unquoted flow-mapping description (`{ description: a, b }`) silently makes `b` a
/// key with a null value; schemathesis then refuses the whole schema. Nothing in the document is
/// null outside examples.
#[test]
fn no_value_of_the_document_is_null_outside_examples() {
    let mut found = Vec::new();
    let broken: Value =
        serde_norway::from_str("x: { type: integer, description: Bumped on every change (status, flags). }")
            .expect("parses");
    nulls(&broken, "", &mut found);
    assert_eq!(found, vec!["/x/flags). ".trim_end().to_owned()]);
    found.clear();
    nulls(&committed(), "", &mut found);
    assert!(found.is_empty(), "null values (quote the description?): {found:#?}");
}

/// Every problem code and field code of baton-core is listed (and so explained) in the document.
#[test]
fn every_problem_and_field_code_is_documented() {
    let source = include_str!("../../../../core/src/problem.rs");
    let doc = committed();
    let schemas = &doc["components"]["schemas"];
    for (module, listed) in [
        ("pub mod code", &schemas["Problem"]["properties"]["code"]),
        ("pub mod field_code", &schemas["FieldError"]["properties"]["code"]),
    ] {
        let body = source.split(module).nth(1).and_then(|s| s.split('}').next()).unwrap_or("");
        let codes: Vec<&str> = body
            .lines()
            .filter(|l| l.trim_start().starts_with("pub const"))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        assert!(codes.len() >= 10, "{module}: found only {codes:?}");
        let described = listed["description"].as_str().unwrap_or_default();
        for code in codes {
            let in_enum = listed["enum"].as_array().is_some_and(|e| e.iter().any(|v| v == code));
            assert!(in_enum, "{module}: `{code}` is not in the enum");
            assert!(described.contains(&format!("`{code}`")), "{module}: `{code}` is not explained");
        }
    }
}

/// Every JSON body is read by the same extractor, which answers 400 `malformed_json`, 413
/// `payload_too_large`, 415 `unsupported_media_type` and 422 (unknown fields): each operation
/// taking a JSON body documents all four (schemathesis found seven that did not).
#[test]
fn every_json_body_operation_documents_the_body_errors() {
    let doc = committed();
    let (mut missing, mut checked) = (Vec::new(), 0);
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["post", "put", "patch"] {
            let op = &item[method];
            if op["requestBody"]["content"]["application/json"].is_null() {
                continue;
            }
            checked += 1;
            for status in ["400", "413", "415", "422"] {
                if op["responses"][status].is_null() {
                    missing.push(format!("{} {path}: {status}", method.to_uppercase()));
                }
            }
        }
    }
    assert!(checked >= 15, "only {checked} operations with a JSON body found");
    assert!(missing.is_empty(), "undocumented body errors: {missing:#?}");
}
