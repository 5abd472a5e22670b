//! The agent workspace: views and their counts and rows, property edits with `If-Match`, flags,
//! star, presence, confidential reveals, customers, groups and agents (`/api/v1/views…`,
//! `/api/v1/tickets/{id}/…`, `/api/v1/customers…`).

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::{
    AgentGroup, AgentInfo, ConfidentialReveal, GroupRef, ConfidentialValue, CustomerPanel, NewView, Page,
    Presence, PresenceBeat, SortDir, Ticket, TicketPatch, TicketRow, View, ViewCount,
    ViewSort,
};
use gloo_net::http::Request;

impl Api {
    /// `GET /views`: my views in my order, hidden ones flagged.
    pub async fn views(&self) -> Result<Vec<View>, ApiError> {
        self.fetch(self.get("/views").build()).await
    }

    /// `GET /views/counts`: the count of every visible view, in one call.
    pub async fn view_counts(&self) -> Result<Vec<ViewCount>, ApiError> {
        self.fetch(self.get("/views/counts").build()).await
    }

    /// `GET /views/{id}/tickets`: one page of rows; `sort` overrides the view's own order.
    pub async fn view_tickets(
        &self,
        view: &str,
        cursor: Option<&str>,
        sort: Option<ViewSort>,
    ) -> Result<Page<TicketRow>, ApiError> {
        let params = Query::default()
            .number("limit", Some(100))
            .some("cursor", cursor)
            .some("sort", sort.map(|s| s.field.code()))
            .some("dir", sort.map(|s| if s.dir == SortDir::Asc { "asc" } else { "desc" }))
            .into_pairs();
        let view = String::from(js_sys::encode_uri_component(view));
        self.fetch(self.get(&format!("/views/{view}/tickets")).query(params).build())
            .await
    }

    /// `POST /views`: a custom view; 422 names the condition at fault.
    pub async fn create_view(&self, view: &NewView) -> Result<View, ApiError> {
        self.fetch(self.post("/views").json_body(view)).await
    }

    /// `PATCH /tickets/{id}` with `If-Match: "v<version>"`: 412 `precondition_failed` when
    /// someone changed the ticket since `version`.
    pub async fn patch_ticket(
        &self,
        id: i64,
        version: i64,
        patch: &TicketPatch,
    ) -> Result<Ticket, ApiError> {
        let request = self
            .auth(Request::patch(&self.url(&format!("/tickets/{id}"))))
            .header("If-Match", &format!("\"v{version}\""))
            .json_body(patch);
        self.fetch(request).await
    }

    /// `POST` (on) or `DELETE` (off) `/tickets/{id}/{flag}`, flag `trash` or `suspend`.
    pub async fn set_flag(&self, id: i64, flag: &str, on: bool) -> Result<Ticket, ApiError> {
        let path = format!("/tickets/{id}/{flag}");
        let request = if on { self.post(&path) } else { self.delete(&path) };
        self.fetch(request.build()).await
    }

    /// Workflows (issue 13): `POST /tickets/{id}/workflow/pass` (to an allowed next step and a
    /// handler of its group) or `/workflow/return` (to the previous step, with a reason).
    pub async fn workflow_move<T: serde::Serialize>(&self, id: i64, verb: &str, body: &T) -> Result<Ticket, ApiError> {
        self.fetch(self.post(&format!("/tickets/{id}/workflow/{verb}")).json_body(body)).await
    }

    /// `PUT` / `DELETE /tickets/{id}/star`: my star (no version change).
    pub async fn set_star(&self, id: i64, on: bool) -> Result<(), ApiError> {
        let path = format!("/tickets/{id}/star");
        let request = if on { self.put(&path) } else { self.delete(&path) };
        self.send(request.build()).await.map(drop)
    }

    /// `POST /tickets/{id}/presence`: I am here (and typing or not); who else is.
    pub async fn presence(&self, id: i64, typing: bool) -> Result<Presence, ApiError> {
        let beat = PresenceBeat { typing };
        self.fetch(self.post(&format!("/tickets/{id}/presence")).json_body(&beat))
            .await
    }

    /// `DELETE /tickets/{id}/presence`: I left.
    pub async fn leave(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/tickets/{id}/presence")).build())
            .await
            .map(drop)
    }

    /// The same `DELETE` while the page unloads (tab closed, a full page load elsewhere): sent
    /// with `keepalive`, which the browser completes after the page is gone, so the others stop
    /// seeing this agent at once rather than when the server's 30 s expiry comes. Nobody waits
    /// for the answer.
    pub fn leave_on_unload(&self, id: i64) {
        let Ok(request) = self.delete(&format!("/tickets/{id}/presence")).build() else {
            return;
        };
        let init = web_sys::RequestInit::new();
        // web-sys has no setter for `keepalive`; the dictionary is a plain object.
        if js_sys::Reflect::set(&init, &"keepalive".into(), &true.into()).is_err() {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.fetch_with_request_and_init(&request.into(), &init);
        }
    }

    /// `POST /tickets/{id}/confidential/reveal`: the plaintext; the server records the reveal.
    pub async fn reveal(&self, id: i64) -> Result<ConfidentialValue, ApiError> {
        self.fetch(self.post(&format!("/tickets/{id}/confidential/reveal")).build())
            .await
    }

    /// `GET /tickets/{id}/confidential/reveals`: who revealed it, when.
    pub async fn reveals(&self, id: i64) -> Result<Vec<ConfidentialReveal>, ApiError> {
        self.fetch(self.get(&format!("/tickets/{id}/confidential/reveals")).build())
            .await
    }

    /// `GET /tickets/{id}/requester`: the panel of the ticket's requester, whoever asked it (a
    /// customer, or staff asking for themselves).
    pub async fn requester_panel(&self, ticket: i64) -> Result<CustomerPanel, ApiError> {
        self.fetch(self.get(&format!("/tickets/{ticket}/requester")).build()).await
    }

    /// `GET /groups`: the agent groups with their members.
    pub async fn groups(&self) -> Result<Vec<AgentGroup>, ApiError> {
        self.fetch(self.get("/groups").build()).await
    }

    /// `GET /customer-groups`: the tenant's customer groups, by name.
    pub async fn customer_groups(&self) -> Result<Vec<GroupRef>, ApiError> {
        self.fetch(self.get("/customer-groups").build()).await
    }

    /// `GET /agents`: every agent of the tenant.
    pub async fn agents(&self) -> Result<Vec<AgentInfo>, ApiError> {
        self.fetch(self.get("/agents").build()).await
    }
}
