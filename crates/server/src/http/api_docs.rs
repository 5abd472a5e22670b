//! `GET /docs`: the contract as one human-readable HTML page, rendered once at start from the same
//! document `/openapi.json` serves — every operation by tag (parameters, request body, responses)
//! and every schema (properties, types, enums) with links between them.
//!
//! Hand-written rather than Redoc or Swagger UI: those are megabytes of JavaScript from a CDN,
//! while this page is static HTML (no script), works offline and cannot drift from the document.
//! Every text from the document is escaped.

use serde_json::{Map, Value};
use std::fmt::Write;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// `text` safe inside HTML text and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A schema as a short type: a link for `$ref`, `array of …`, `a | b`, enum values.
fn type_of(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = schema.get(key).and_then(Value::as_array) {
            return list.iter().map(type_of).collect::<Vec<_>>().join(" | ");
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values.iter().map(|v| format!("<code>{}</code>", esc(&v.to_string()))).collect();
        return format!("one of {}", values.join(", "));
    }
    let kind = match schema.get("type") {
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" | "),
        Some(Value::String(kind)) => kind.clone(),
        _ => String::new(),
    };
    match (kind.as_str(), schema.get("items")) {
        ("array", Some(items)) => format!("array of {}", type_of(items)),
        _ => match schema.get("format").and_then(Value::as_str) {
            Some(format) => format!("{} ({})", esc(&kind), esc(format)),
            None if kind.is_empty() => "any".into(),
            None => esc(&kind),
        },
    }
}

/// `v`, or what its `$ref` (`#/components/…`) points at in `doc`.
fn deref<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => doc.pointer(pointer).unwrap_or(v),
        None => v,
    }
}

fn paragraph(out: &mut String, body: &str) {
    if !body.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(body));
    }
}

fn operation(out: &mut String, doc: &Value, method: &str, path: &str, op: &Value) {
    let id = text(op, "operationId");
    let _ = write!(
        out,
        "<section class=\"op\" id=\"op-{}\"><h3><code>{} {}</code></h3>",
        esc(id),
        method.to_uppercase(),
        esc(path)
    );
    paragraph(out, text(op, "summary"));
    paragraph(out, text(op, "description"));
    if let Some(params) = op.get("parameters").and_then(Value::as_array).filter(|p| !p.is_empty()) {
        out.push_str("<table><caption>Parameters</caption><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>meaning</th></tr>");
        for p in params.iter().map(|p| deref(doc, p)) {
            let schema = p.get("schema").cloned().unwrap_or(Value::Null);
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(text(p, "name")),
                esc(text(p, "in")),
                type_of(&schema),
                if p.get("required") == Some(&Value::Bool(true)) { "yes" } else { "no" },
                esc(text(p, "description"))
            );
        }
        out.push_str("</table>");
    }
    if let Some(content) = op.pointer("/requestBody/content").and_then(Value::as_object) {
        for (media, body) in content {
            let schema = body.get("schema").cloned().unwrap_or(Value::Null);
            let _ = write!(out, "<p>Request body (<code>{}</code>): {}</p>", esc(media), type_of(&schema));
        }
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        out.push_str("<table><caption>Responses</caption><tr><th>status</th><th>meaning</th><th>body</th></tr>");
        for (status, response) in responses {
            let response = deref(doc, response);
            let body = response
                .get("content")
                .and_then(Value::as_object)
                .map(|c| {
                    c.iter()
                        .map(|(media, b)| format!("<code>{}</code> {}", esc(media), type_of(b.get("schema").unwrap_or(&Value::Null))))
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .unwrap_or_default();
            let description = text(response, "description");
            let _ = write!(out, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", esc(status), esc(description), body);
        }
        out.push_str("</table>");
    }
    out.push_str("</section>");
}

fn schema(out: &mut String, name: &str, s: &Value) {
    let _ = write!(out, "<section class=\"schema\" id=\"schema-{0}\"><h3>{0}</h3>", esc(name));
    paragraph(out, text(s, "description"));
    let required: Vec<&str> =
        s.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    match s.get("properties").and_then(Value::as_object) {
        Some(props) => {
            out.push_str("<table><tr><th>property</th><th>type</th><th>required</th><th>meaning</th></tr>");
            for (prop, p) in props {
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(prop),
                    type_of(p),
                    if required.contains(&prop.as_str()) { "yes" } else { "no" },
                    esc(text(p, "description"))
                );
            }
            out.push_str("</table>");
        }
        None => {
            let _ = write!(out, "<p>Type: {}</p>", type_of(s));
        }
    }
    out.push_str("</section>");
}

/// The page for `doc` (the OpenAPI document as JSON).
pub fn render(doc: &Value) -> String {
    let info = doc.get("info").cloned().unwrap_or(Value::Null);
    let title = format!("{} {}", text(&info, "title"), text(&info, "version"));
    let mut out = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{0}</title><style>body{{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem;color:#1b1f24}}\
         table{{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}}th,td{{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}}\
         caption{{text-align:left;font-weight:600}}code{{background:#f1f3f5;padding:0 .2rem}}section{{border-top:1px solid #dde;padding-top:.5rem}}\
         a{{color:#1f5fbf}}p{{white-space:pre-line}}</style></head><body><main><h1>{0}</h1>",
        esc(&title)
    );
    paragraph(&mut out, text(&info, "description"));
    out.push_str("<p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>. Paths below are relative to <code>/api/v1</code>.</p>");
    let empty = Map::new();
    let paths = doc.get("paths").and_then(Value::as_object).unwrap_or(&empty);
    // Operations grouped by their first tag, in the order the document lists the tags.
    let mut tags: Vec<String> = doc
        .get("tags")
        .and_then(Value::as_array)
        .map(|t| t.iter().map(|t| text(t, "name").to_owned()).collect())
        .unwrap_or_default();
    for item in paths.values() {
        for m in METHODS {
            if let Some(tag) = item.pointer(&format!("/{m}/tags/0")).and_then(Value::as_str) {
                if !tags.iter().any(|t| t == tag) {
                    tags.push(tag.to_owned());
                }
            }
        }
    }
    out.push_str("<nav aria-label=\"Contents\"><h2>Contents</h2><ul>");
    for tag in &tags {
        let _ = write!(out, "<li><a href=\"#tag-{0}\">{0}</a></li>", esc(tag));
    }
    out.push_str("<li><a href=\"#schemas\">Schemas</a></li></ul></nav>");
    for tag in &tags {
        let _ = write!(out, "<h2 id=\"tag-{0}\">{0}</h2>", esc(tag));
        for (path, item) in paths {
            for m in METHODS {
                if let Some(op) = item.get(m).filter(|op| op.pointer("/tags/0").and_then(Value::as_str) == Some(tag)) {
                    operation(&mut out, doc, m, path, op);
                }
            }
        }
    }
    out.push_str("<h2 id=\"schemas\">Schemas</h2>");
    if let Some(schemas) = doc.pointer("/components/schemas").and_then(Value::as_object) {
        for (name, s) in schemas {
            schema(&mut out, name, s);
        }
    }
    out.push_str("</main></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn document_text_is_escaped_and_refs_link() {
        let doc = json!({
            "info": { "title": "T <script>", "version": "1" },
            "paths": { "/x": { "get": { "operationId": "getX", "tags": ["a"], "summary": "<b>hi</b>",
                "responses": { "200": { "description": "ok", "content": { "application/json": {
                    "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } } } } },
            "components": { "schemas": { "Thing": { "type": "object", "required": ["id"],
                "properties": { "id": { "type": "integer" }, "kind": { "enum": ["a", "b"] } } } } }
        });
        let html = render(&doc);
        assert!(!html.contains("<script>") && !html.contains("<b>hi"), "{html}");
        assert!(html.contains("T &lt;script&gt;") && html.contains("&lt;b&gt;hi&lt;/b&gt;"));
        assert!(html.contains("array of <a href=\"#schema-Thing\">Thing</a>"), "{html}");
        assert!(html.contains("id=\"schema-Thing\"") && html.contains("one of <code>&quot;a&quot;</code>"), "{html}");
        assert!(html.contains("<code>GET /x</code>"), "{html}");
    }
}
