//! Agent groups (`/admin/groups`) and routing rules (`/admin/routing/rules`), permission
//! `settings.manage`, and each agent's own availability (`PUT /me/availability`). The wire types
//! are baton-core's (`routing`): one definition for both sides.

use super::{Api, ApiError, JsonBody};
use baton_core::routing::RuleOrder;
use baton_core::{AdminGroup, Availability, GroupPatch, NewGroup, RoutingRule, RuleSpec};

impl Api {
    /// `GET /admin/groups`, by name.
    pub async fn admin_groups(&self) -> Result<Vec<AdminGroup>, ApiError> {
        self.fetch(self.get("/admin/groups").build()).await
    }

    /// `POST /admin/groups`.
    pub async fn create_group(&self, group: &NewGroup) -> Result<AdminGroup, ApiError> {
        self.fetch(self.post("/admin/groups").json_body(group)).await
    }

    /// `PATCH /admin/groups/{id}`: absent fields stay, lists replace.
    pub async fn change_group(&self, id: i64, patch: &GroupPatch) -> Result<AdminGroup, ApiError> {
        self.fetch(self.patch(&format!("/admin/groups/{id}")).json_body(patch)).await
    }

    /// `DELETE /admin/groups/{id}` (409 `group_in_use` while a rule, sub-type or workflow step
    /// sends tickets there).
    pub async fn delete_group(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/groups/{id}")).build()).await.map(drop)
    }

    /// `GET /admin/routing/rules`, in the order they are tried.
    pub async fn routing_rules(&self) -> Result<Vec<RoutingRule>, ApiError> {
        self.fetch(self.get("/admin/routing/rules").build()).await
    }

    /// `POST /admin/routing/rules`, or `PUT /admin/routing/rules/{id}` with an id.
    pub async fn save_routing_rule(&self, id: Option<i64>, spec: &RuleSpec) -> Result<RoutingRule, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/routing/rules/{id}")),
            None => self.post("/admin/routing/rules"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `DELETE /admin/routing/rules/{id}`.
    pub async fn delete_routing_rule(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/routing/rules/{id}")).build()).await.map(drop)
    }

    /// `PUT /admin/routing/rules/order`: every rule's id, first match first; the rules in order.
    pub async fn order_routing_rules(&self, ids: Vec<i64>) -> Result<Vec<RoutingRule>, ApiError> {
        self.fetch(self.put("/admin/routing/rules/order").json_body(&RuleOrder { ids })).await
    }

    /// `PUT /me/availability`: whether routing may hand me new tickets.
    pub async fn set_availability(&self, available: bool) -> Result<Availability, ApiError> {
        self.fetch(self.put("/me/availability").json_body(&Availability { available })).await
    }
}
