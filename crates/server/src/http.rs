//! The HTTP layer: the application state, the router of `/api/v1` (one module per resource, each
//! with its `router()`), the SPA behind it, and the layers every response passes through.

mod attachments;
// audit log (issue 12)
mod audit;
mod catalog;
mod confidential;
mod csrf;
mod deadline;
mod admin_agents;
mod admin_catalog;
// customers administration (issue 12)
mod admin_customers;
pub use admin_customers::IMPORT_LIMIT;
mod admin_mail;
mod admin_roles;
mod admin_settings;
mod admin_sla;
mod routing;
// Automations (issue 13).
mod automations;
// Workflows (issue 13).
mod workflows;
mod admin_sso;
mod capabilities;
mod error;
mod events;
mod extract;
mod health;
mod hsts;
mod kb;
mod routes;
mod messages;
mod api_docs;
mod openapi;
mod reports;
// notifications (issue 13)
mod notifications;
mod session;
mod spa;
mod sso;
mod tickets;
mod views;
mod widget;
mod workspace;

pub use error::{DomainError, Error, PROBLEM_JSON};
pub use extract::{ApiJson, IdempotencyKey};
pub use routes::Routes;

use crate::config::Config;
use crate::services::{Services, ServicesError};
use crate::storage::Db;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The largest request body the API reads.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Everything a handler may need: the domain's [`Services`] (it derefs to them, so a handler
/// passes `&state` where the domain asks for `&Services`) and what only HTTP serves.
#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    /// spec/openapi.yaml as JSON, converted once at start.
    pub openapi: Bytes,
    /// The same as a human-readable page (`GET /docs`).
    pub api_docs: Bytes,
    /// The SPA build to serve, if there is one.
    pub dist: Option<PathBuf>,
    /// Origins allowed to call the API with credentials from another site.
    pub cors_origins: Vec<HeaderValue>,
    /// Where the client's address is, behind a proxy (`extract::ClientIp`); `None`: the peer.
    pub client_ip_header: Option<axum::http::HeaderName>,
    /// How long an API request may take to answer (`deadline`).
    pub request_timeout: std::time::Duration,
}

impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.services
    }
}

/// Why the configuration cannot make an [`AppState`].
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("invalid CORS origin {0:?}")]
    CorsOrigin(String),
    #[error("invalid client address header {0:?}")]
    ClientIpHeader(String),
    #[error("spec/openapi.yaml does not parse: {0}")]
    Spec(String),
    #[error(transparent)]
    Services(#[from] ServicesError),
}

impl AppState {
    /// The state for `db` and `config`. A `dist` directory that does not exist is dropped with a
    /// warning: the API then runs alone, which is what a backend developer wants.
    pub fn new(db: Db, config: &Config) -> Result<AppState, StateError> {
        let cors_origins = config
            .cors_origins
            .iter()
            .map(|o| HeaderValue::from_str(o.trim()).map_err(|_| StateError::CorsOrigin(o.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let dist = config.dist.clone().filter(|dir| {
            let present = dir.join("index.html").is_file();
            if !present {
                tracing::warn!(dist = %dir.display(), "no SPA build (index.html) there; serving the API only");
            }
            present
        });
        let services = Services::new(db, config)?;
        let openapi = openapi::document_json().map_err(StateError::Spec)?;
        Ok(AppState {
            services,
            api_docs: openapi::docs_html(&openapi).map_err(StateError::Spec)?,
            openapi,
            dist,
            cors_origins,
            request_timeout: std::time::Duration::from_secs(config.request_timeout_secs),
            client_ip_header: config
                .client_ip_header
                .as_deref()
                .map(|h| axum::http::HeaderName::from_bytes(h.trim().to_ascii_lowercase().as_bytes()))
                .transpose()
                .map_err(|_| StateError::ClientIpHeader(config.client_ip_header.clone().unwrap_or_default()))?,
        })
    }
}

/// The whole application: `/api/v1`, the SPA, and the common layers. Tests drive it with `oneshot`.
pub fn app(state: AppState) -> Router {
    let upload_limit = usize::try_from(state.max_upload_bytes()).unwrap_or(usize::MAX);
    // Uploads have their own limit (the configured attachment size), not the API's 1 MiB.
    let uploads = attachments::upload_router()
        .router
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(upload_limit.saturating_add(attachments::MULTIPART_OVERHEAD)));
    // customers administration (issue 12): a CSV file may be larger than 1 MiB.
    let imports = admin_customers::import_router()
        .router
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(admin_customers::IMPORT_LIMIT));
    let api = api_routes()
        .router
        // Called after every route exists: axum attaches it to the routes present.
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
        .layer(axum::middleware::from_fn_with_state(state.request_timeout, deadline::layer))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .merge(uploads)
        .merge(imports)
        // Outside the limit, so its plain-text 413 (and any other bare error) becomes a problem.
        .layer(axum::middleware::map_response(problem_for_bare_errors));
    let spa = state.dist.clone().map(spa::Spa::new);
    let cors = cors_layer(&state.cors_origins);
    let router = Router::new()
        .nest("/api/v1", api)
        // Outside /api/v1: the login link host sites send their signed-in users to.
        .route("/sso/jwt", get(sso::link))
        .fallback(move |State(state): State<AppState>, req: Request| {
            fallback(spa.clone(), state, req)
        })
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(hsts::layer))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            |res: &Response| {
                is_html(res).then(|| HeaderValue::from_static("frame-ancestors 'none'"))
            },
        ));
    let router = match cors {
        Some(cors) => router.layer(cors),
        None => router,
    };
    router.layer(
        TraceLayer::new_for_http()
            .make_span_with(request_span)
            .on_response(log_response),
    )
}

/// Unknown `/api/…` paths are problem+json 404s; everything else is the SPA's (if there is one).
async fn fallback(spa: Option<spa::Spa>, state: AppState, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return Error::Domain(DomainError::NotFound).into_response();
    }
    match spa {
        // The widget's document may be framed by its tenant's allowed origins, nothing else.
        Some(spa) if path == "/widget" => {
            let policy = widget::frame_ancestors(&state.db, req.uri().query()).await;
            spa.serve_framed(req, &policy).await
        }
        Some(spa) => spa.serve(req).await,
        None => (
            StatusCode::NOT_FOUND,
            "Baton API only: no SPA build is configured\n",
        )
            .into_response(),
    }
}

/// Gives responses that layers or axum produced without our body (413 from the limit, axum's own
/// rejections) the same problem+json shape as every other API error.
async fn problem_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut problem = Error::from_status(status).into_response();
    if let Some(allow) = allow {
        problem.headers_mut().insert(header::ALLOW, allow);
    }
    problem
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(b"text/html"))
}

/// Credentialed CORS for exactly the configured origins; none configured means same-origin only.
fn cors_layer(origins: &[HeaderValue]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins.iter().cloned()))
            .allow_credentials(true)
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PATCH,
                Method::PUT,
                Method::DELETE,
            ])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::IF_MATCH,
                HeaderName::from_static("idempotency-key"),
                HeaderName::from_static("baton-channel"),
                HeaderName::from_static("last-event-id"),
                HeaderName::from_static(csrf::CLIENT_HEADER),
            ])
            .expose_headers([header::LOCATION, header::ETAG])
            .max_age(Duration::from_secs(3600)),
    )
}

/// One span per request with the method and the path only: query strings may carry search text,
/// and headers carry tokens, so neither is logged.
fn request_span(req: &Request) -> tracing::Span {
    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
}

fn log_response(res: &Response, latency: Duration, _span: &tracing::Span) {
    tracing::info!(
        status = res.status().as_u16(),
        latency_ms = latency.as_millis() as u64,
        "response"
    );
}

fn api_routes() -> Routes {
    Routes::new()
        .merge(health::router())
        .merge(capabilities::router())
        .merge(openapi::router())
        .merge(session::router())
        .merge(tickets::router())
        .merge(catalog::router())
        .merge(confidential::router())
        .merge(attachments::router())
        .merge(events::router())
        .merge(messages::router())
        .merge(kb::router())
        .merge(sso::router())
        .merge(widget::router())
        .merge(admin_sso::router())
        .merge(admin_settings::router())
        .merge(admin_sla::router())
        .merge(admin_catalog::router())
        .merge(routing::router())
        .merge(workflows::router())
        // Automations (issue 13).
        .merge(automations::router())
        .merge(admin_roles::router())
        .merge(admin_mail::router())
        .merge(admin_agents::router())
        .merge(views::router())
        .merge(workspace::router())
        .merge(reports::router())
        // notifications (issue 13)
        .merge(notifications::router())
        // customers administration (issue 12)
        .merge(admin_customers::router())
        // audit log (issue 12)
        .merge(audit::router())
}

/// Every (method, path) the API serves, paths relative to `/api/v1` as in the OpenAPI document.
pub fn route_table() -> Vec<(Method, &'static str)> {
    api_routes()
        .merge(attachments::upload_router())
        // customers administration (issue 12)
        .merge(admin_customers::import_router())
        .table
}
