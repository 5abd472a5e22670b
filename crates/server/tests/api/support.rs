//! What every test needs: a fresh database in a temp dir with the demo seeded, the router over
//! it, a small request builder, and responses that know how to read problem documents.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::Router;
use baton_core::Role;
use baton_server::storage::{self, tenants, users, Db};
use baton_server::{app, auth, demo, AppState, Config};
use serde_json::Value;
use sqlx::AnyPool;
use tempfile::TempDir;
use tower::ServiceExt;

mod catalog;
mod database;
mod response;
pub mod s3;

pub use database::{database_url, sql_pool, Scratch};
pub use response::{pairs, Response};

pub const ALICE: &str = "alice@customer.test";
pub const BOB: &str = "bob@customer.test";
pub const CAROL: &str = "carol@customer.test";
pub const AGENT: &str = "agent@baton.test";
pub const ADMIN: &str = "admin@baton.test";
pub const OWNER: &str = "owner@baton.test";
/// An agent with the demo's custom role "Auditor" (tickets.see_all, reports.view).
pub const AUDITOR: &str = "auditor@baton.test";
pub const OTHER_AGENT: &str = "other-agent@other.test";
pub const DAVE: &str = "dave@other.test";

/// A config for a fresh database: port 0, the API only, demo data seeded, files in `dir`. The
/// database is a SQLite file in `dir`, or, when `BATON_TEST_POSTGRES_URL` names a PostgreSQL
/// server (as `make test` does for its second run), a new database of its own there.
pub fn config(dir: &TempDir) -> Config {
    Config {
        addr: ([127, 0, 0, 1], 0).into(),
        database_url: database_url(dir),
        dist: None,
        demo: true,
        cors_origins: Vec::new(),
        data_dir: Some(dir.path().join("data")),
        // Apart from the data directory, as by default, and never the real ~/.config.
        secret_key_file: Some(dir.path().join("config/secret.key")),
        ..Default::default()
    }
}

/// The application over a fresh, demo-seeded database.
pub struct TestApp {
    pub db: Db,
    /// The tests' own pool to the same database (`$n` parameters serve both databases).
    pub sql: AnyPool,
    /// The domain's services behind the router (its clock, its event hub).
    pub services: baton_server::Services,
    router: Router,
    config: Config,
    _dir: std::sync::Arc<Scratch>,
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::with(|_| {}).await
    }

    /// The application with `adjust` applied to the test config (e.g. a small upload limit).
    pub async fn with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::build(adjust, |_| {}).await
    }

    /// The application with `adjust` applied to its state (e.g. short-lived stream tickets).
    pub async fn with_state(adjust: impl FnOnce(&mut AppState)) -> TestApp {
        TestApp::build(|_| {}, adjust).await
    }

    async fn build(config_of: impl FnOnce(&mut Config), state_of: impl FnOnce(&mut AppState)) -> TestApp {
        let adjust = config_of;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = config(&dir);
        adjust(&mut config);
        let db = storage::open(&config.database_url)
            .await
            .expect("open database");
        demo::seed_if_empty(&db).await.expect("seed demo");
        let mut state = AppState::new(db.clone(), &config).expect("state");
        state_of(&mut state);
        let scratch = std::sync::Arc::new(Scratch { dir, database_url: config.database_url.clone() });
        TestApp {
            sql: sql_pool(db.url()).await,
            db,
            services: state.services.clone(),
            router: app(state),
            config,
            _dir: scratch,
        }
    }

    /// A second replica on the same database, as a second server process would be: its own pool,
    /// event hub and caches. It shares this one's clock, so a test moves time for both.
    pub async fn replica(&self) -> TestApp {
        let db = storage::open(&self.config.database_url).await.expect("open database");
        let mut state = AppState::new(db.clone(), &self.config).expect("state");
        state.services.clock = self.services.clock.clone();
        TestApp {
            sql: sql_pool(db.url()).await,
            db,
            services: state.services.clone(),
            router: app(state),
            config: self.config.clone(),
            _dir: self._dir.clone(),
        }
    }

    /// The data directory: the database file and `attachments/`.
    pub fn data_dir(&self) -> std::path::PathBuf {
        self._dir.dir.path().join("data")
    }

    /// The key file (`support::config` puts it apart from the data directory).
    pub fn key_file(&self) -> std::path::PathBuf {
        self._dir.dir.path().join("config/secret.key")
    }

    pub fn call(&self, method: Method, path: &str) -> Call<'_> {
        Call {
            app: self,
            method,
            path: path.to_owned(),
            headers: HeaderMap::new(),
            body: Vec::new(),
        }
    }

    pub fn get(&self, path: &str) -> Call<'_> {
        self.call(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Call<'_> {
        self.call(Method::POST, path)
    }

    /// Signs `email` in with the demo password; the session token.
    pub async fn login(&self, email: &str) -> String {
        let res = self
            .post("/api/v1/session")
            .json(&serde_json::json!({ "email": email, "password": demo::PASSWORD }))
            .send()
            .await;
        assert_eq!(
            res.status,
            StatusCode::OK,
            "login {email}: {:?}",
            res.text()
        );
        res.cookie("baton_session").expect("session cookie")
    }

    /// Creates a ticket as `token`; its JSON.
    pub async fn create_ticket(&self, token: &str, title: &str) -> Value {
        let body = self.new_ticket(token, title).await;
        let res = self
            .post("/api/v1/tickets")
            .token(token)
            .json(&body)
            .send()
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{:?}", res.text());
        res.json()
    }

    /// Posts an action as `token`.
    pub async fn act(&self, token: &str, ticket: i64, action: Value) -> Response {
        self.post(&format!("/api/v1/tickets/{ticket}/actions"))
            .token(token)
            .json(&action)
            .send()
            .await
    }

    /// A new tenant with one customer (password `baton-demo`); the customer's email. The tenant's
    /// slug is its name lowercased with `-` for spaces.
    pub async fn new_tenant(&self, name: &str) -> String {
        let slug = name.to_lowercase().replace(' ', "-");
        self.new_tenant_with(name, &format!("customer@{slug}.test")).await
    }

    /// A new tenant (slug: its name lowercased with `-` for spaces) with one customer of `email`
    /// (password `baton-demo`); the email.
    pub async fn new_tenant_with(&self, name: &str, email: &str) -> String {
        let hash = auth::hash_password(demo::PASSWORD).expect("hash");
        let now = storage::timestamp(storage::now());
        let slug = name.to_lowercase().replace(' ', "-");
        let email = email.to_owned();
        let mut conn = self.db.acquire().await.expect("connection");
        let tenant_id = tenants::create(&mut conn, name, &slug, &now)
            .await
            .expect("tenant");
        let user = users::NewUser {
            tenant_id,
            email: &email,
            name: "New Customer",
            role: Role::Customer,
            customer_group_id: None,
            password_hash: &hash,
        };
        users::create(&mut conn, &user, &now).await.expect("user");
        email
    }

    /// The property changes the system entries of ticket `ticket` record, as `token` reads the
    /// thread: each `{field, from, to}`, oldest first.
    pub async fn changes(&self, token: &str, ticket: i64) -> Vec<Value> {
        let res = self.get(&format!("/api/v1/tickets/{ticket}/messages")).token(token).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["kind"] == "system" && m.get("change").is_some())
            .map(|m| m["change"].clone())
            .collect()
    }

    /// A new agent of the demo tenant (password `baton-demo`, no group, no custom role); their id.
    pub async fn new_agent(&self, email: &str) -> i64 {
        let hash = auth::hash_password(demo::PASSWORD).expect("hash");
        let now = storage::timestamp(storage::now());
        let tenant_id = tenants::find_by_name(&self.db, demo::TENANT).await.expect("tenant").expect("demo tenant");
        let mut conn = self.db.acquire().await.expect("connection");
        let user = users::NewUser {
            tenant_id,
            email,
            name: email,
            role: Role::Agent,
            customer_group_id: None,
            password_hash: &hash,
        };
        users::create(&mut conn, &user, &now).await.expect("agent")
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.sql)
            .await
            .expect("count")
    }
}

/// A request being built.
pub struct Call<'a> {
    app: &'a TestApp,
    method: Method,
    path: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Call<'_> {
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("header name");
        self.headers
            .append(name, HeaderValue::from_str(value).expect("header value"));
        self
    }

    /// Authenticates with the bearer form of `token`.
    pub fn token(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    pub fn json(self, body: &Value) -> Self {
        self.raw("application/json", body.to_string().into_bytes())
    }

    pub fn raw(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.body = body;
        self.header("content-type", content_type)
    }

    /// A `multipart/form-data` body with one file part named `part`.
    pub fn multipart(self, part: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Self {
        const BOUNDARY: &str = "baton-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        self.raw(&format!("multipart/form-data; boundary={BOUNDARY}"), body)
    }

    /// Sends the request and hands back the response with its body unread, for streams.
    pub async fn open(self) -> axum::response::Response {
        let mut req = Request::builder().method(self.method).uri(&self.path);
        if let Some(headers) = req.headers_mut() {
            headers.extend(self.headers);
        }
        let req = req.body(Body::from(self.body)).expect("request");
        self.app
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("infallible")
    }

    pub async fn send(self) -> Response {
        let res = self.open().await;
        let status = res.status();
        let headers = res.headers().clone();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        Response {
            status,
            headers,
            body: body.to_vec(),
        }
    }
}
