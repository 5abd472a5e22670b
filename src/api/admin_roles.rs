//! Custom roles (`/admin/roles`, permission `agents.manage`, capability `roles`): create, rename
//! or change their permissions, delete. Listing is `Api::roles` (the staff page's role select
//! reads it too). The wire types are baton-core's (`roles`).

use super::{Api, ApiError, JsonBody};
use baton_core::{NewRole, RoleInfo, RolePatch};

impl Api {
    /// `POST /admin/roles` (403 when it holds a permission the caller lacks).
    pub async fn create_role(&self, role: &NewRole) -> Result<RoleInfo, ApiError> {
        self.fetch(self.post("/admin/roles").json_body(role)).await
    }

    /// `PATCH /admin/roles/{id}`: absent fields stay.
    pub async fn change_role(&self, id: i64, patch: &RolePatch) -> Result<RoleInfo, ApiError> {
        self.fetch(self.patch(&format!("/admin/roles/{id}")).json_body(patch)).await
    }

    /// `DELETE /admin/roles/{id}` (409 `role_in_use` while staff hold it).
    pub async fn delete_role(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/roles/{id}")).build()).await.map(drop)
    }
}
