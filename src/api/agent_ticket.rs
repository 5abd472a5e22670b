//! The agent's ticket page beyond properties: quick replies (`/quick-replies`), customers for
//! the customer panel and phone registration (`/customers…`).

use super::{Api, ApiError, JsonBody};
use baton_core::{CustomerInfo, NewCustomer, NewTicket, Page, QuickReply, Ticket, ThreadEntry};

impl Api {
    /// `GET /tickets/{id}/messages` as staff read it: each entry with its property change, if any
    /// (the help center reads the same answer as plain messages, see [`Api::messages`]).
    pub async fn thread(&self, id: i64) -> Result<Page<ThreadEntry>, ApiError> {
        self.fetch(self.get(&format!("/tickets/{id}/messages")).build()).await
    }

    /// `GET /quick-replies`: the public ones and mine.
    pub async fn quick_replies(&self) -> Result<Vec<QuickReply>, ApiError> {
        self.fetch(self.get("/quick-replies").build()).await
    }

    /// `GET /customers?q=`: up to 20 customers whose name, email or phone contains `q`.
    pub async fn find_customers(&self, q: &str) -> Result<Vec<CustomerInfo>, ApiError> {
        let params = vec![("q", q.to_owned()), ("limit", "20".to_owned())];
        self.fetch(self.get("/customers").query(params).build()).await
    }

    /// `POST /customers`: a new caller; 409 `already_exists` for a known email.
    pub async fn create_customer(&self, customer: &NewCustomer) -> Result<CustomerInfo, ApiError> {
        self.fetch(self.post("/customers").json_body(customer)).await
    }

    /// `POST /customers/{id}/tickets`: the help center's ticket, filed for the customer by phone.
    /// The same `idempotency_key` again returns the same ticket.
    pub async fn create_ticket_for(
        &self,
        customer: i64,
        ticket: &NewTicket,
        idempotency_key: &str,
    ) -> Result<Ticket, ApiError> {
        let request = self
            .post(&format!("/customers/{customer}/tickets"))
            .header("Idempotency-Key", idempotency_key)
            .json_body(ticket);
        self.fetch(request).await
    }
}
