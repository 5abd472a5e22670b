//! Workflow templates (`/admin/workflows`, permission `settings.manage`; issue 13). The wire
//! types are baton-core's (`workflow`). Admin bundle only.

use super::{Api, ApiError, JsonBody};
use baton_core::{Workflow, WorkflowSpec};

impl Api {
    /// `GET /admin/workflows`.
    pub async fn workflows(&self) -> Result<Vec<Workflow>, ApiError> {
        self.fetch(self.get("/admin/workflows").build()).await
    }

    /// `POST /admin/workflows`, or `PUT /admin/workflows/{id}` (a whole replace) with an id.
    pub async fn save_workflow(&self, id: Option<i64>, spec: &WorkflowSpec) -> Result<Workflow, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/workflows/{id}")),
            None => self.post("/admin/workflows"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `DELETE /admin/workflows/{id}`: its tickets leave it.
    pub async fn delete_workflow(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/workflows/{id}")).build()).await.map(drop)
    }
}
