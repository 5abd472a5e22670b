//! The one typed REST client of `/api/v1` (the contract: spec/openapi.yaml), with one error type.
//!
//! The API base comes from `/config.json` at start-up, so one build can talk to any conforming
//! backend. Each resource has its own file: [`session`], [`tickets`], [`catalog`], [`downloads`],
//! [`events`] and [`attachments`] add methods to [`Api`].

// The agent console's resources, only in its bundle (the `console` feature).
#[cfg(feature = "console")]
mod admin;
#[cfg(feature = "console")]
mod admin_sla;
// Workflows (issue 13): the admin bundle's templates.
#[cfg(feature = "admin")]
mod admin_workflows;
// The catalog's setup (issue 12): types, sub-types, fields, dictionaries.
#[cfg(feature = "admin")]
mod admin_catalog;
// Agent groups, routing rules and availability (issue 13).
#[cfg(feature = "admin")]
mod admin_routing;
// Customers administration (issue 12).
#[cfg(feature = "admin")]
mod admin_customers;
// Automations (issue 13): the admin bundle's rules.
#[cfg(feature = "admin")]
mod admin_automations;
// Custom roles (issue 12): the admin bundle's roles page.
#[cfg(feature = "admin")]
mod admin_roles;
// audit log (issue 12)
#[cfg(feature = "admin")]
mod admin_audit;
// Knowledge-base and quick-reply editors (issue 12).
#[cfg(feature = "admin")]
mod admin_kb;
#[cfg(feature = "console")]
mod agent;
#[cfg(feature = "console")]
mod agent_ticket;
#[cfg(feature = "console")]
mod agent_lists;
mod attachments;
mod catalog;
mod downloads;
mod error;
mod events;
mod idempotency;
pub mod json;
mod kb;
// notifications (issue 13)
mod notifications;
mod query;
#[cfg(feature = "console")]
mod reports;
mod session;
mod tickets;

#[cfg(feature = "console")]
pub use admin::{AdminAgent, MailStatus};
#[cfg(feature = "console")]
pub use baton_core::{AgentPatch, AgentState, NewAgent, OutboxMail, OutboxPage, PasswordResetRequest, SignUpRequest};
pub use error::ApiError;
// Customers administration (issue 12).
#[cfg(feature = "admin")]
pub use admin_customers::{AdminCustomer, CustomerList, CustomerQuery};
// audit log (issue 12)
#[cfg(feature = "admin")]
pub use admin_audit::{AuditQuery, AuditRow, AuditRows};
pub use idempotency::idempotency_key;
pub use kb::ArticleQuery;
#[cfg(feature = "console")]
pub use reports::{by_code, id_list, interval_code, DrillQuery, ReportQuery};
pub use tickets::TicketQuery;

use baton_core::problem::code;
use baton_core::{Problem, Ticket};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{Callable, Callback};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, RwLock};
use wasm_bindgen::JsValue;
use web_sys::RequestCredentials;

/// The header every cookie-authenticated request carries (see [`Api::auth`]).
pub(crate) const CLIENT_HEADER: &str = "Baton-Client";

/// `/config.json`, read once at start-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Config {
    /// Origin (and optional path prefix) of the backend; empty means this page's own origin.
    #[serde(default)]
    pub api_base: String,
}

impl Config {
    /// Loads `/config.json`. A missing or broken file means "same origin", the common deployment,
    /// so start-up never fails on it.
    pub async fn load() -> Config {
        let answer = match Request::get("/config.json").send().await {
            Ok(resp) if resp.ok() => match resp.text().await {
                Ok(text) => json::decode::<Config>(&text).ok(),
                Err(_) => None,
            },
            _ => None,
        };
        answer.unwrap_or_default()
    }
}

/// The REST client. Cheap to clone; provided as context at the root.
#[derive(Clone)]
pub struct Api {
    base: String,
    credentials: RequestCredentials,
    on_unauthenticated: Option<Callback<()>>,
    /// The widget's bearer session, held in memory only (see [`Api::set_bearer`]).
    bearer: Arc<RwLock<Option<String>>>,
    /// The channel tickets are created through, sent as `Baton-Channel` (the widget's `widget`).
    channel: Option<&'static str>,
    on_ticket_created: Option<Callback<Ticket>>,
}

impl Api {
    pub fn new(config: &Config) -> Api {
        let base = config.api_base.trim_end_matches('/').to_owned();
        Api {
            credentials: credentials_for(&base),
            base,
            on_unauthenticated: None,
            bearer: Arc::default(),
            channel: None,
            on_ticket_created: None,
        }
    }

    /// Authenticates every request with `Authorization: Bearer` and sends no cookies (`None`
    /// goes back to cookies). The widget's way: inside a third-party iframe the browser may
    /// block or partition cookies, while a token in memory always works and dies with the page.
    pub fn set_bearer(&self, token: Option<String>) {
        if let Ok(mut slot) = self.bearer.write() {
            *slot = token;
        }
    }

    /// Names the channel new tickets come in through (`Baton-Channel`).
    pub fn with_channel(mut self, channel: &'static str) -> Api {
        self.channel = Some(channel);
        self
    }

    /// Called with every ticket this client created (the widget tells the host page).
    pub fn on_ticket_created(mut self, callback: Callback<Ticket>) -> Api {
        self.on_ticket_created = Some(callback);
        self
    }

    /// The widget's bearer token, if it holds one.
    fn bearer_token(&self) -> Option<String> {
        self.bearer.read().ok().and_then(|slot| slot.clone())
    }

    /// The bearer token or the cookies, whichever this client authenticates with. With cookies,
    /// the `Baton-Client` header tells the server the change comes from the SPA, not from a form
    /// another site forged (spec/README.md, "Cross-site requests").
    fn auth(&self, request: RequestBuilder) -> RequestBuilder {
        match self.bearer_token() {
            Some(token) => request
                .credentials(RequestCredentials::Omit)
                .header("Authorization", &format!("Bearer {token}")),
            None => request.credentials(self.credentials).header(CLIENT_HEADER, "spa"),
        }
    }

    /// Called whenever the server says the session is gone (401 `unauthenticated`), so the app
    /// can sign out and send the user to the login page.
    pub fn on_unauthenticated(mut self, callback: Callback<()>) -> Api {
        self.on_unauthenticated = Some(callback);
        self
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.base)
    }

    /// Where an attachment downloads from (`GET /attachments/{id}`).
    pub fn attachment_url(&self, id: i64) -> String {
        self.url(&format!("/attachments/{id}"))
    }

    /// Whether the API lives on another origin (then cookies must be sent explicitly).
    fn cross_origin(&self) -> bool {
        self.credentials == RequestCredentials::Include
    }

    fn get(&self, path: &str) -> RequestBuilder {
        self.auth(Request::get(&self.url(path)))
    }

    fn post(&self, path: &str) -> RequestBuilder {
        self.auth(Request::post(&self.url(path)))
    }

    fn put(&self, path: &str) -> RequestBuilder {
        self.auth(Request::put(&self.url(path)))
    }

    fn delete(&self, path: &str) -> RequestBuilder {
        self.auth(Request::delete(&self.url(path)))
    }

    /// Sends the request and returns the response if it is 2xx; otherwise the server's problem.
    async fn send(&self, request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
        let request = request.map_err(|e| ApiError::Decode(describe(e)))?;
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network(describe(e)))?;
        if response.ok() {
            return Ok(response);
        }
        let body = response.text().await.unwrap_or_default();
        let mut problem = problem_of(response.status(), &response.status_text(), &body);
        // Seconds only (the server never sends an HTTP date); a cross-origin API must expose it.
        problem.retry_after = response.headers().get("retry-after").and_then(|s| s.trim().parse().ok());
        Err(self.refused(problem))
    }

    /// The error for a refusal; tells the app when the session is gone.
    fn refused(&self, problem: Problem) -> ApiError {
        if problem.code == code::UNAUTHENTICATED {
            if let Some(callback) = self.on_unauthenticated {
                callback.run(());
            }
        }
        ApiError::Problem(problem)
    }

    /// Sends the request and decodes a 2xx JSON body.
    async fn fetch<T: DeserializeOwned>(
        &self,
        request: Result<Request, gloo_net::Error>,
    ) -> Result<T, ApiError> {
        let body = self.body(request).await?;
        json::from_value(body).map_err(ApiError::Decode)
    }

    /// The 2xx answer's JSON, parsed by the browser. Not generic, so the async code exists once
    /// rather than once per response type.
    async fn body(&self, request: Result<Request, gloo_net::Error>) -> Result<JsValue, ApiError> {
        let response = self.send(request).await?;
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(describe(e)))?;
        json::parse(&text).map_err(ApiError::Decode)
    }
}

/// A request with a JSON body: what gloo-net's `json()` does, without serde_json.
trait JsonBody {
    fn json_body<T: Serialize + ?Sized>(self, body: &T) -> Result<Request, gloo_net::Error>;
}

impl JsonBody for RequestBuilder {
    fn json_body<T: Serialize + ?Sized>(self, body: &T) -> Result<Request, gloo_net::Error> {
        with_body(self, json::encode(body))
    }
}

fn with_body(
    request: RequestBuilder,
    body: Result<String, String>,
) -> Result<Request, gloo_net::Error> {
    let body = body.map_err(gloo_net::Error::GlooError)?;
    request.header("Content-Type", "application/json").body(body)
}

/// The problem+json `body` of an error response, or a synthetic `internal` problem when the body
/// is not one (a proxy's HTML error page, an empty 502, …).
fn problem_of(status: u16, status_text: &str, body: &str) -> Problem {
    json::decode::<Problem>(body)
        .unwrap_or_else(|_| Problem::new(status, code::INTERNAL, status_text))
}

/// A gloo-net error's message, as its `Display` writes it. By hand, because that `Display` also
/// covers the serde_json errors of gloo-net's `json()`, which we never call: this way none of
/// serde_json is linked in.
fn describe(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(e) => e.to_string(),
        gloo_net::Error::GlooError(message) => message,
        // `SerdeError`, which exists when some dependency enables gloo-net's `json`.
        #[allow(unreachable_patterns)]
        _ => "invalid JSON".to_owned(),
    }
}

/// Cookies must be sent explicitly when the API lives on another origin; same-origin is the
/// browser default and the safer one otherwise.
fn credentials_for(base: &str) -> RequestCredentials {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return RequestCredentials::SameOrigin;
    };
    let (Ok(href), Ok(origin)) = (location.href(), location.origin()) else {
        return RequestCredentials::SameOrigin;
    };
    match web_sys::Url::new_with_base(base, &href) {
        Ok(url) if base.is_empty() || url.origin() == origin => RequestCredentials::SameOrigin,
        _ => RequestCredentials::Include,
    }
}

/// Where attachment `id` downloads from: through the app's client, else (component tests, which
/// provide none) this origin's API.
pub fn attachment_href(id: i64) -> String {
    leptos::prelude::use_context::<Api>().map_or_else(
        || format!("/api/v1/attachments/{id}"),
        |api| api.attachment_url(id),
    )
}

/// The client provided at the root; panics if it was not.
pub fn use_api() -> Api {
    leptos::prelude::expect_context::<Api>()
}
