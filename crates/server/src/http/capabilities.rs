//! `GET /capabilities`: which optional parts of the contract this backend implements. Public, like
//! `/health`: the SPA asks before anyone signs in, to know what to show.

use super::Routes;
use axum::Json;
use baton_core::Capabilities;

pub fn router() -> Routes {
    Routes::new().get("/capabilities", capabilities)
}

async fn capabilities() -> Json<Capabilities> {
    Json(crate::capabilities::of_this_backend())
}
