//! Live events: the stream's URL and, for a bearer session, the single-use ticket that opens it
//! (`POST /api/v1/events/ticket`), since `EventSource` cannot send `Authorization`.

use super::{Api, ApiError};
use baton_core::StreamTicket;

impl Api {
    /// The live-events stream, `GET /events` (see [`crate::state::live`]).
    pub fn events_url(&self) -> String {
        self.url("/events")
    }

    /// A ticket that opens the stream once, within a minute, as this client's user.
    pub async fn stream_ticket(&self) -> Result<StreamTicket, ApiError> {
        self.fetch(self.post("/events/ticket").build()).await
    }
}
