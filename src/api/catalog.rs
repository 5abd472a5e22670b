//! The tenant's ticket catalog: `GET /api/v1/ticket-types`.

use super::{Api, ApiError};
use baton_core::TicketType;

impl Api {
    /// `GET /ticket-types`: the types, their sub-types and custom fields a submit form offers.
    pub async fn ticket_types(&self) -> Result<Vec<TicketType>, ApiError> {
        self.fetch(self.get("/ticket-types").build()).await
    }
}
