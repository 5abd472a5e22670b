//! The agent workspace's list side: custom views (edit, delete, order, hide), bulk actions and
//! the user's settings (`/api/v1/views…`, `/api/v1/tickets/bulk`, `/api/v1/me/settings`).

use super::{Api, ApiError, JsonBody};
use baton_core::{BulkOp, BulkRequest, BulkResult, NewView, UserSettings, View, ViewHidden, ViewOrder, ViewScope};

fn view_path(id: &str) -> String {
    format!("/views/{}", String::from(js_sys::encode_uri_component(id)))
}

impl Api {
    /// `PUT /views/{id}`: replaces a custom view; 422 names the condition at fault.
    pub async fn update_view(&self, id: &str, view: &NewView) -> Result<View, ApiError> {
        self.fetch(self.put(&view_path(id)).json_body(view)).await
    }

    /// `DELETE /views/{id}`.
    pub async fn delete_view(&self, id: &str) -> Result<(), ApiError> {
        self.send(self.delete(&view_path(id)).build()).await.map(drop)
    }

    /// `PUT /views/order`: my order of my views (`scope` everyone: the admins' default order).
    pub async fn order_views(&self, ids: Vec<String>, scope: ViewScope) -> Result<(), ApiError> {
        let body = ViewOrder { ids, scope };
        self.send(self.put("/views/order").json_body(&body)).await.map(drop)
    }

    /// `PUT /views/{id}/hidden`: hide or show a view in my list.
    pub async fn hide_view(&self, id: &str, hidden: bool, scope: ViewScope) -> Result<(), ApiError> {
        let body = ViewHidden { hidden, scope };
        self.send(self.put(&format!("{}/hidden", view_path(id))).json_body(&body)).await.map(drop)
    }

    /// `POST /tickets/bulk`: one operation on up to 100 tickets, one outcome per ticket.
    pub async fn bulk(&self, ids: Vec<i64>, op: BulkOp) -> Result<BulkResult, ApiError> {
        let body = BulkRequest { ids, op };
        self.fetch(self.post("/tickets/bulk").json_body(&body)).await
    }

    /// `GET /me/settings`: my settings, defaults filled in.
    pub async fn settings(&self) -> Result<UserSettings, ApiError> {
        self.fetch(self.get("/me/settings").build()).await
    }

    /// `PUT /me/settings`: replaces them; 422 `shortcuts.<action>` for a key bound twice.
    pub async fn save_settings(&self, settings: &UserSettings) -> Result<(), ApiError> {
        self.send(self.put("/me/settings").json_body(settings)).await.map(drop)
    }
}
