//! `GET /health` (live: the process serves) and `GET /ready` (it can serve requests: the database
//! answers and holds this build's migrations), for load balancers and start-up scripts. A load
//! balancer restarts what is not live and sends no traffic to what is not ready.

use super::{AppState, Error, Routes};
use crate::storage;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

pub fn router() -> Routes {
    Routes::new().get("/health", health).get("/ready", ready)
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

async fn ready(State(state): State<AppState>) -> Result<Json<Value>, Error> {
    match storage::migrations_current(&state.db).await {
        Ok(true) => Ok(Json(json!({ "status": "ready" }))),
        Ok(false) => Err(Error::Unavailable("the database lacks this build's migrations: run `baton-server migrate`")),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: the database does not answer");
            Err(Error::Unavailable("the database does not answer"))
        }
    }
}
