//! What an audit entry says changed: `{field: {"old": …, "new": …}}`, built by comparing the
//! object before and after (its serialized form, field by field) or field by field.
//!
//! Secrets never get in: a field whose name speaks of a password, secret, token, key material,
//! hash or confidential info is left out wherever it sits (also inside nested values), so a new
//! DTO field named so is safe by default. Values are kept small: one longer than
//! [`VALUE_MAX`] characters of JSON is cut and stored as text.

use serde::Serialize;
use serde_json::{Map, Value};

/// The longest value kept whole, in characters of JSON.
pub const VALUE_MAX: usize = 500;

/// Fields never recorded because they are not changes someone made (times, ids, counters).
const NOT_CHANGES: &[&str] = &["id", "created_at", "updated_at", "last_seen_at", "invited_at", "secret_rotated_at"];

/// Whether a field's name says it holds a secret.
pub fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["password", "secret", "token", "confidential", "hash", "private_key", "api_key"].iter().any(|s| name.contains(s))
}

/// The changes of one entry, in field order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes(Map<String, Value>);

impl Changes {
    /// Adds the top-level fields that differ between `before` and `after`.
    pub fn diff<T: Serialize>(&mut self, before: Option<&T>, after: Option<&T>) {
        let object = |v: Option<&T>| match v.map(serde_json::to_value) {
            Some(Ok(Value::Object(map))) => map,
            _ => Map::new(),
        };
        let (old, new) = (object(before), object(after));
        let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            if NOT_CHANGES.contains(&name.as_str()) {
                continue;
            }
            let (o, n) = (old.get(name).filter(|v| !v.is_null()), new.get(name).filter(|v| !v.is_null()));
            if o != n {
                self.field(name, o, n);
            }
        }
    }

    /// Adds the fields `patch` sets (present and not null) whose value differs from `before`'s:
    /// for partial updates, where an absent field means "unchanged".
    pub fn patch<B: Serialize, P: Serialize>(&mut self, before: &B, patch: &P) {
        let (Ok(Value::Object(old)), Ok(Value::Object(new))) = (serde_json::to_value(before), serde_json::to_value(patch)) else {
            return;
        };
        for (name, value) in new.iter().filter(|(_, v)| !v.is_null()) {
            let was = old.get(name).filter(|v| !v.is_null());
            if was != Some(value) && !NOT_CHANGES.contains(&name.as_str()) {
                self.field(name, was, Some(value));
            }
        }
    }

    /// Adds one field's old and new value; nothing when its name speaks of a secret.
    pub fn field<O: Serialize, N: Serialize>(&mut self, name: &str, old: Option<O>, new: Option<N>) {
        if is_secret(name) {
            return;
        }
        let mut side = Map::new();
        for (key, value) in [("old", old.and_then(|v| serde_json::to_value(v).ok())), ("new", new.and_then(|v| serde_json::to_value(v).ok()))] {
            if let Some(value) = value.filter(|v| !v.is_null()) {
                side.insert(key.to_owned(), small(scrub(value)));
            }
        }
        self.0.insert(name.to_owned(), Value::Object(side));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As stored: a JSON object.
    pub fn to_json(&self) -> String {
        Value::Object(self.0.clone()).to_string()
    }
}

/// `value` without any field named like a secret, at any depth.
fn scrub(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.into_iter().filter(|(k, _)| !is_secret(k)).map(|(k, v)| (k, scrub(v))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(scrub).collect()),
        other => other,
    }
}

/// `value`, or its JSON cut to [`VALUE_MAX`] characters (as text) when longer.
fn small(value: Value) -> Value {
    let text = value.to_string();
    if text.chars().count() <= VALUE_MAX {
        return value;
    }
    let cut: String = match value {
        Value::String(s) => s.chars().take(VALUE_MAX).collect(),
        _ => text.chars().take(VALUE_MAX).collect(),
    };
    Value::String(format!("{cut}…"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_diff_keeps_what_changed_and_never_a_secret() {
        let before = json!({"id": 1, "name": "A", "days": 3, "secret": "s1", "same": true, "nested": {"token": "t", "x": 1}});
        let after = json!({"id": 1, "name": "B", "days": 3, "secret": "s2", "same": true, "nested": {"token": "u", "x": 2}, "new_one": "n"});
        let mut c = Changes::default();
        c.diff(Some(&before), Some(&after));
        assert_eq!(
            serde_json::from_str::<Value>(&c.to_json()).unwrap(),
            json!({"name": {"old": "A", "new": "B"}, "nested": {"old": {"x": 1}, "new": {"x": 2}}, "new_one": {"new": "n"}})
        );
    }

    #[test]
    fn created_and_deleted_have_one_side() {
        let v = json!({"name": "A", "password_hash": "h"});
        let mut created = Changes::default();
        created.diff(None, Some(&v));
        assert_eq!(created.to_json(), r#"{"name":{"new":"A"}}"#);
        let mut deleted = Changes::default();
        deleted.diff(Some(&v), None);
        assert_eq!(deleted.to_json(), r#"{"name":{"old":"A"}}"#);
    }

    #[test]
    fn a_patch_counts_only_what_it_sets() {
        let before = json!({"name": "A", "days": 3, "mode": "staff"});
        let mut c = Changes::default();
        c.patch(&before, &json!({"name": "A", "days": 5, "mode": null, "password": "p"}));
        assert_eq!(serde_json::from_str::<Value>(&c.to_json()).unwrap(), json!({"days": {"old": 3, "new": 5}}));
    }

    #[test]
    fn secrets_are_named_so() {
        for (name, secret) in [("password", true), ("sso_secret", true), ("access_token", true), ("confidential", true), ("name", false), ("key", false), ("allowed_origins", false)] {
            assert_eq!(is_secret(name), secret, "{name}");
        }
    }

    #[test]
    fn long_values_are_cut() {
        let mut c = Changes::default();
        c.field("notes", None::<String>, Some("x".repeat(VALUE_MAX + 10)));
        let v: Value = serde_json::from_str(&c.to_json()).unwrap();
        assert_eq!(v["notes"]["new"].as_str().unwrap().chars().count(), VALUE_MAX + 1);
    }
}
