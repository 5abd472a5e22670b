//! `GET /ticket-types`: the tenant's ticket types, sub-types and custom fields, from which a
//! submit form is built (and against which `POST /tickets` is validated).

use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::tickets;
use axum::extract::State;
use axum::Json;
use baton_core::TicketType;

pub fn router() -> Routes {
    Routes::new().get("/ticket-types", list)
}

async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<TicketType>>, Error> {
    Ok(Json(tickets::ticket_types(&state.db, &user).await?))
}
