//! Tickets and their threads: `/api/v1/tickets…`.

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use leptos::prelude::Callable;
use baton_core::{
    ConfidentialValue, Message, NewMessage, NewTicket, Page, Status, Ticket, TicketAction,
    TicketSummary,
};

/// The filters and position of `GET /tickets`. `None` leaves a parameter out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketQuery {
    pub status: Option<Status>,
    /// Free text, or `#12` for a ticket number.
    pub q: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

impl TicketQuery {
    fn params(&self) -> Vec<(&'static str, String)> {
        Query::default()
            .some("status", self.status.map(Status::code))
            .text("q", self.q.as_deref())
            .page(self.cursor.as_deref(), self.limit)
            .into_pairs()
    }
}

impl Api {
    /// `GET /tickets`: one page, newest first.
    pub async fn tickets(&self, query: &TicketQuery) -> Result<Page<TicketSummary>, ApiError> {
        self.fetch(self.get("/tickets").query(query.params()).build())
            .await
    }

    /// `GET /tickets/{id}`, with the actions the signed-in user may take now.
    pub async fn ticket(&self, id: i64) -> Result<Ticket, ApiError> {
        self.fetch(self.get(&format!("/tickets/{id}")).build())
            .await
    }

    /// `POST /tickets`. The same `idempotency_key` again returns the same ticket, so a retry
    /// after a lost answer never files a duplicate.
    pub async fn create_ticket(
        &self,
        ticket: &NewTicket,
        idempotency_key: &str,
    ) -> Result<Ticket, ApiError> {
        let mut request = self
            .post("/tickets")
            .header("Idempotency-Key", idempotency_key);
        if let Some(channel) = self.channel {
            request = request.header(baton_core::sso::CHANNEL_HEADER, channel);
        }
        let created: Ticket = self.fetch(request.json_body(ticket)).await?;
        if let Some(callback) = self.on_ticket_created {
            callback.run(created.clone());
        }
        Ok(created)
    }

    /// `GET /tickets/{id}/messages`: the whole thread, oldest first.
    pub async fn messages(&self, id: i64) -> Result<Page<Message>, ApiError> {
        self.fetch(self.get(&format!("/tickets/{id}/messages")).build())
            .await
    }

    /// `POST /tickets/{id}/messages`, idempotent like [`Api::create_ticket`].
    pub async fn post_message(
        &self,
        id: i64,
        message: &NewMessage,
        idempotency_key: &str,
    ) -> Result<Message, ApiError> {
        let request = self
            .post(&format!("/tickets/{id}/messages"))
            .header("Idempotency-Key", idempotency_key)
            .json_body(message);
        self.fetch(request).await
    }

    /// `POST /tickets/{id}/actions`: a lifecycle event; the updated ticket.
    pub async fn act(&self, id: i64, action: &TicketAction) -> Result<Ticket, ApiError> {
        self.fetch(self.post(&format!("/tickets/{id}/actions")).json_body(action))
            .await
    }

    /// `PUT /tickets/{id}/confidential`: replaces the confidential info (requester only; an empty
    /// value clears it). It is never read back.
    pub async fn set_confidential(&self, id: i64, value: &str) -> Result<(), ApiError> {
        let body = ConfidentialValue {
            value: value.to_owned(),
        };
        self.send(self.put(&format!("/tickets/{id}/confidential")).json_body(&body))
            .await
            .map(drop)
    }
}
