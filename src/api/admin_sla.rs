//! The desk's settings (`/admin/settings`) and its SLA configuration (`/admin/sla/calendars`,
//! `/admin/sla/policies`), permission `settings.manage`. The wire types are baton-core's
//! (`settings`, `sla::policy`): one definition for both sides.

use super::{Api, ApiError, JsonBody};
use baton_core::settings::{DeskSettings, DeskSettingsPatch};
use baton_core::sla::{CalendarSpec, PolicyOrder, PolicySpec, SlaCalendar, SlaPolicy};

impl Api {
    /// `GET /admin/settings`.
    pub async fn desk_settings(&self) -> Result<DeskSettings, ApiError> {
        self.fetch(self.get("/admin/settings").build()).await
    }

    /// `PATCH /admin/settings`: absent fields stay as they are.
    pub async fn change_desk_settings(&self, patch: &DeskSettingsPatch) -> Result<DeskSettings, ApiError> {
        self.fetch(self.patch("/admin/settings").json_body(patch)).await
    }

    /// `GET /admin/sla/calendars`.
    pub async fn sla_calendars(&self) -> Result<Vec<SlaCalendar>, ApiError> {
        self.fetch(self.get("/admin/sla/calendars").build()).await
    }

    /// `POST /admin/sla/calendars`, or `PUT /admin/sla/calendars/{id}` with an id.
    pub async fn save_sla_calendar(&self, id: Option<i64>, spec: &CalendarSpec) -> Result<SlaCalendar, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/sla/calendars/{id}")),
            None => self.post("/admin/sla/calendars"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `DELETE /admin/sla/calendars/{id}` (409 `calendar_in_use` while a policy counts in it).
    pub async fn delete_sla_calendar(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/sla/calendars/{id}")).build()).await.map(drop)
    }

    /// `GET /admin/sla/policies`, in the order they are tried.
    pub async fn sla_policies(&self) -> Result<Vec<SlaPolicy>, ApiError> {
        self.fetch(self.get("/admin/sla/policies").build()).await
    }

    /// `POST /admin/sla/policies`, or `PUT /admin/sla/policies/{id}` with an id.
    pub async fn save_sla_policy(&self, id: Option<i64>, spec: &PolicySpec) -> Result<SlaPolicy, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/sla/policies/{id}")),
            None => self.post("/admin/sla/policies"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `DELETE /admin/sla/policies/{id}`.
    pub async fn delete_sla_policy(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/admin/sla/policies/{id}")).build()).await.map(drop)
    }

    /// `PUT /admin/sla/policies/order`: every policy's id, first match first.
    pub async fn order_sla_policies(&self, ids: Vec<i64>) -> Result<(), ApiError> {
        self.send(self.put("/admin/sla/policies/order").json_body(&PolicyOrder { ids })).await.map(drop)
    }
}
