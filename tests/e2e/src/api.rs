//! A plain HTTP client for checking, beside the browser, what the server really stored.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A client that keeps cookies, as a browser does, and sends the `Baton-Client` header the SPA
/// sends, without which the server refuses cookie-authenticated changes as forged.
pub fn cookie_client() -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("baton-client", reqwest::header::HeaderValue::from_static("e2e"));
    Client::builder().cookie_store(true).default_headers(headers).build().expect("http client")
}

/// A cookie-carrying client signed in as one user.
pub struct ApiClient {
    http: Client,
    base: String,
}

impl ApiClient {
    /// Signed in as demo user `email` (the demo password).
    pub async fn login(base: &str, email: &str) -> ApiClient {
        Self::login_with(base, email, crate::DEMO_PASSWORD).await
    }

    /// Signed in as `email` with `password`.
    pub async fn login_with(base: &str, email: &str, password: &str) -> ApiClient {
        let http = cookie_client();
        let client = ApiClient { http, base: base.to_owned() };
        let (status, body) = client.post("/api/v1/session", json!({"email": email, "password": password})).await;
        assert_eq!(status, StatusCode::OK, "login as {email}: {body}");
        client
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let res = self.http.get(format!("{}{path}", self.base)).send().await.expect("GET");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let res = self.http.post(format!("{}{path}", self.base)).json(&body).send().await.expect("POST");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let res = self.http.put(format!("{}{path}", self.base)).json(&body).send().await.expect("PUT");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// `PATCH` with `If-Match` set to the ticket's current ETag (read first), as an agent's
    /// properties panel does.
    pub async fn patch_ticket(&self, ticket_id: &str, body: Value) -> (StatusCode, Value) {
        let url = format!("{}/api/v1/tickets/{ticket_id}", self.base);
        let current = self.http.get(&url).send().await.expect("GET");
        let etag = current.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or("\"v0\"").to_owned();
        let res = self.http.patch(&url).header("If-Match", etag).json(&body).send().await.expect("PATCH");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn delete(&self, path: &str) -> StatusCode {
        self.http.delete(format!("{}{path}", self.base)).send().await.expect("DELETE").status()
    }

    /// The ids (as `<option>` values) of the demo ticket type and sub-type with these English names.
    pub async fn ticket_type(&self, type_en: &str, subtype_en: &str) -> (String, String) {
        let (status, types) = self.get("/api/v1/ticket-types").await;
        assert_eq!(status, StatusCode::OK, "ticket types: {types}");
        let t = types.as_array().into_iter().flatten().find(|t| t["name"]["en"] == type_en);
        let t = t.unwrap_or_else(|| panic!("no ticket type {type_en}: {types}"));
        let s = t["subtypes"].as_array().into_iter().flatten().find(|s| s["name"]["en"] == subtype_en);
        let s = s.unwrap_or_else(|| panic!("no sub-type {subtype_en} in {t}"));
        (t["id"].to_string(), s["id"].to_string())
    }

    /// Creates a ticket of the demo type "Technical issue / Site is down" (no required custom
    /// fields; routed to the Support group) and returns its id.
    pub async fn create_ticket(&self, title: &str) -> String {
        let (type_id, subtype_id) = self.ticket_type("Technical issue", "Site is down").await;
        let body = json!({
            "title": title,
            "description": format!("{title}: description"),
            "type_id": type_id.parse::<i64>().expect("type id"),
            "subtype_id": subtype_id.parse::<i64>().expect("sub-type id"),
        });
        let (status, ticket) = self.post("/api/v1/tickets", body).await;
        assert_eq!(status, StatusCode::CREATED, "create {title}: {ticket}");
        ticket["id"].to_string()
    }

    /// Posts a lifecycle action and returns the answer.
    pub async fn act(&self, ticket_id: &str, action: &str) -> (StatusCode, Value) {
        self.post(&format!("/api/v1/tickets/{ticket_id}/actions"), json!({ "action": action })).await
    }

    /// Posts a message (`public` or `internal`) and checks it was accepted.
    pub async fn say(&self, ticket_id: &str, kind: &str, body: &str) {
        let (status, answer) = self
            .post(&format!("/api/v1/tickets/{ticket_id}/messages"), json!({ "kind": kind, "body": body }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{kind} message: {answer}");
    }

    /// The raw bytes at `path` and the status.
    pub async fn download(&self, path: &str) -> (StatusCode, Vec<u8>) {
        let res = self.http.get(format!("{}{path}", self.base)).send().await.expect("GET");
        let status = res.status();
        (status, res.bytes().await.map(|b| b.to_vec()).unwrap_or_default())
    }

    /// The thread of a ticket as this user sees it.
    pub async fn messages(&self, ticket_id: &str) -> Vec<Value> {
        let (status, body) = self.get(&format!("/api/v1/tickets/{ticket_id}/messages")).await;
        assert_eq!(status, StatusCode::OK, "messages of {ticket_id}: {body}");
        body["items"].as_array().cloned().unwrap_or_default()
    }
}
