//! `GET /health`: answers while the process serves, for load balancers and start-up scripts.

use super::Routes;
use axum::Json;
use serde_json::{json, Value};

pub fn router() -> Routes {
    Routes::new().get("/health", health)
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}
