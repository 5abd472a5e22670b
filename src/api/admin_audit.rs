//! The audit log (issue 12): `GET /admin/audit` (`settings.manage`), newest first, a page at a
//! time, with the page's filters.
//!
// Why not baton-core's `AuditEntry`: its `changes` is a `serde_json::Value`, and reading one here
// linked serde_json's value and formatter into the admin bundle (+14 KB brotli; the SPA reads
// JSON through the browser, src/api/json.rs). The browser's own object is kept instead
// (`serde_wasm_bindgen::preserve`) and turned into lines of text at once.

use super::query::Query;
use super::{Api, ApiError};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// The filters the page sends; each only when set. `from` and `to` are RFC 3339 instants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub actor: Option<i64>,
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// An entry as the page shows it: the wire's `AuditEntry` with its changes as lines of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor_name: String,
    pub action: String,
    pub target_kind: String,
    pub target_label: String,
    /// `field: old → new`, one per changed field, in the server's order.
    pub lines: Vec<String>,
}

/// A page of rows and the cursor of the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRows {
    pub items: Vec<AuditRow>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize)]
struct RawEntry {
    id: i64,
    at: String,
    actor_name: String,
    action: String,
    target_kind: String,
    target_label: String,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    changes: JsValue,
}

#[derive(Deserialize)]
struct RawPage {
    items: Vec<RawEntry>,
    next_cursor: Option<String>,
}

/// One changed field as text: `field: old → new` (a side without a value is left out).
pub fn change_line(field: &str, old: Option<String>, new: Option<String>) -> String {
    match (old, new) {
        (Some(old), Some(new)) => format!("{field}: {old} → {new}"),
        (None, Some(new)) => format!("{field}: {new}"),
        (Some(old), None) => format!("{field}: {old} →"),
        (None, None) => field.to_owned(),
    }
}

/// A value as text: a string as it is, anything else as the browser's JSON of it.
fn text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default())
}

/// The lines of a `changes` object (`{field: {old, new}}`).
fn lines(changes: &JsValue) -> Vec<String> {
    let Some(object) = changes.dyn_ref::<js_sys::Object>() else { return Vec::new() };
    js_sys::Object::entries(object)
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            let (field, sides) = (pair.get(0).as_string()?, pair.get(1));
            let side = |key: &str| js_sys::Reflect::get(&sides, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null()).map(|v| text(&v));
            Some(change_line(&field, side("old"), side("new")))
        })
        .collect()
}

impl Api {
    /// `GET /admin/audit`: one page of the log, after `cursor`.
    pub async fn audit(&self, q: &AuditQuery, cursor: Option<&str>) -> Result<AuditRows, ApiError> {
        let query = Query::default()
            .number("actor", q.actor)
            .some("kind", q.kind.as_deref())
            .some("from", q.from.as_deref())
            .some("to", q.to.as_deref())
            .some("cursor", cursor);
        let page: RawPage = self.fetch(self.get("/admin/audit").query(query.into_pairs()).build()).await?;
        let items = page
            .items
            .into_iter()
            .map(|e| AuditRow {
                lines: lines(&e.changes),
                id: e.id,
                at: e.at,
                actor_name: e.actor_name,
                action: e.action,
                target_kind: e.target_kind,
                target_label: e.target_label,
            })
            .collect();
        Ok(AuditRows { items, next_cursor: page.next_cursor })
    }
}

#[cfg(test)]
mod tests {
    use super::change_line;

    #[test]
    fn a_change_reads_as_one_line() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(change_line("days", s("3"), s("5")), "days: 3 → 5");
        assert_eq!(change_line("name", None, s("<b>Acme</b>")), "name: <b>Acme</b>");
        assert_eq!(change_line("email", s("bob@customer.test"), None), "email: bob@customer.test →");
        assert_eq!(change_line("x", None, None), "x");
    }
}
