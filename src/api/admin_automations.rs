//! Automation rules (`/admin/automations`, permission `settings.manage`; issue 13). The wire types
//! are baton-core's (`automation`). Admin bundle only.

use super::{Api, ApiError, JsonBody};
use baton_core::automation::{Automation, AutomationOrder, AutomationSpec};

impl Api {
    /// `GET /admin/automations`, in the order they run.
    pub async fn automations(&self) -> Result<Vec<Automation>, ApiError> {
        self.fetch(self.get("/admin/automations").build()).await
    }

    /// `POST /admin/automations`, or `PUT /admin/automations/{id}` (a whole replace) with an id.
    pub async fn save_automation(&self, id: Option<i64>, spec: &AutomationSpec) -> Result<Automation, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/automations/{id}")),
            None => self.post("/admin/automations"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `PUT /admin/automations/order`: every rule's id, first to run first.
    pub async fn order_automations(&self, ids: Vec<i64>) -> Result<Vec<Automation>, ApiError> {
        self.fetch(self.put("/admin/automations/order").json_body(&AutomationOrder { ids })).await
    }

    /// `DELETE /admin/automations/{id}`.
    pub async fn delete_automation(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/automations/{id}")).build()).await.map(drop)
    }
}
