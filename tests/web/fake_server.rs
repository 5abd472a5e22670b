//! A backend for page tests, inside the page: `window.fetch` answers from a table of routes
//! (method and path → status, JSON body, `Retry-After`) and records every request, so a page that
//! fetches and sends can be tested without a server. Dropping it brings the browser's fetch back.

use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

/// One answer: to `method` on `path` (exactly, with any query string).
pub struct Answer {
    pub method: &'static str,
    pub path: &'static str,
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<u32>,
}

/// `status` with `body` to `method path` (under `/api/v1`).
pub fn answer(method: &'static str, path: &'static str, status: u16, body: Value) -> Answer {
    Answer { method, path, status, body, retry_after: None }
}

/// A problem+json refusal.
pub fn problem(method: &'static str, path: &'static str, status: u16, code: &str) -> Answer {
    answer(method, path, status, json!({"type": "about:blank", "title": code, "status": status, "code": code}))
}

/// 429 `rate_limited` with `Retry-After: seconds`.
pub fn rate_limited(method: &'static str, path: &'static str, seconds: u32) -> Answer {
    Answer { retry_after: Some(seconds), ..problem(method, path, 429, "rate_limited") }
}

const INSTALL: &str = r#"
const table = JSON.parse(routes);
if (!window.__batonRealFetch) window.__batonRealFetch = window.fetch;
window.__batonRequests = [];
window.fetch = async (input, init) => {
  const req = input instanceof Request ? input : new Request(input, init);
  const url = new URL(req.url, location.href);
  const path = url.pathname;
  const body = (req.method === 'GET' || req.method === 'HEAD') ? '' : await req.text();
  window.__batonRequests.push({ method: req.method, path, query: url.search, body });
  const hit = table.find(r => r.method === req.method && '/api/v1' + r.path === path);
  const status = hit ? hit.status : 404;
  const headers = { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' };
  if (hit && hit.retry_after != null) headers['retry-after'] = String(hit.retry_after);
  const text = hit ? JSON.stringify(hit.body) : '{"type":"about:blank","title":"Not Found","status":404,"code":"not_found"}';
  return new Response(status === 204 ? null : text, { status, headers });
};
"#;

/// The fake backend while it lives.
pub struct FakeServer;

impl FakeServer {
    pub fn start(answers: Vec<Answer>) -> FakeServer {
        let table: Vec<Value> = answers
            .into_iter()
            .map(|a| json!({"method": a.method, "path": a.path, "status": a.status, "body": a.body, "retry_after": a.retry_after}))
            .collect();
        let install = js_sys::Function::new_with_args("routes", INSTALL);
        install
            .call1(&JsValue::NULL, &JsValue::from_str(&Value::Array(table).to_string()))
            .expect("install the fake fetch");
        FakeServer
    }

    /// Every request so far: method, path (without `/api/v1`), query string (with its `?`) and body.
    pub fn requests(&self) -> Vec<(String, String, String, String)> {
        let list = js_sys::Reflect::get(&leptos::prelude::window(), &"__batonRequests".into()).expect("requests");
        let list: js_sys::Array = list.unchecked_into();
        list.iter()
            .map(|r| {
                let field = |k: &str| js_sys::Reflect::get(&r, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let path = field("path");
                (field("method"), path.strip_prefix("/api/v1").unwrap_or(&path).to_owned(), field("query"), field("body"))
            })
            .collect()
    }

    /// The bodies sent with `method` to `path`, parsed.
    pub fn sent(&self, method: &str, path: &str) -> Vec<Value> {
        self.requests()
            .into_iter()
            .filter(|(m, p, _, _)| m == method && p == path)
            .map(|(_, _, _, body)| serde_json::from_str(&body).unwrap_or(Value::Null))
            .collect()
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        let window = leptos::prelude::window();
        if let Ok(real) = js_sys::Reflect::get(&window, &"__batonRealFetch".into()) {
            if !real.is_undefined() {
                let _ = js_sys::Reflect::set(&window, &"fetch".into(), &real);
            }
        }
    }
}

/// What a page finds around it in the app: the API client (on this origin, so the fake answers),
/// the session (`me` signed in, or signed out) and the toasts. Call inside `mount`.
pub fn provide_app(me: Option<baton_core::Me>) {
    use baton::state::session::{Session, SessionState};
    leptos::prelude::provide_context(baton::api::Api::new(&baton::api::Config::default()));
    Session::provide(me.map_or(SessionState::SignedOut, SessionState::SignedIn));
    baton::state::toasts::Toasts::provide();
}

/// A staff user of desk 1 holding `permissions` (codes such as `agents.manage`).
pub fn staff(id: i64, role: baton_core::Role, permissions: &[&str]) -> baton_core::Me {
    baton_core::Me {
        id,
        name: format!("Staff {id}"),
        email: format!("staff{id}@acme.test"),
        role,
        tenant: baton_core::TenantRef { id: 1, name: "Acme".into(), logo_text: None, language: None },
        customer_group: None,
        permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
        groups: Vec::new(),
        available: true,
    }
}

/// Puts `search` (`?tenant=acme`, or empty) in the address bar, as a link would have.
pub fn visit(path: &str) {
    let history = leptos::prelude::window().history().expect("history");
    history.replace_state_with_url(&JsValue::NULL, "", Some(path)).expect("replace state");
}

/// Waits until `condition` holds, letting the fake's answers arrive (a fetch resolves on a later
/// task, which [`crate::support::until`]'s microtask ticks never reach); fails after ~3 s.
pub async fn answered(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
        leptos::task::tick().await;
    }
    panic!("timed out waiting for: {what}");
}
