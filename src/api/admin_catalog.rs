//! The catalog's setup (issue 12): ticket types, sub-types, custom fields and dictionaries
//! (`/admin/ticket-types`, `/admin/subtypes`, `/admin/fields`, `/admin/dictionaries`, permission
//! `settings.manage`, capability `catalog`). Every change of a type, sub-type or field answers
//! with the whole type. The wire types are baton-core's (`catalog_admin`). Admin bundle only.

use super::{Api, ApiError, JsonBody};
use baton_core::{AdminTicketType, CatalogOrder, Dictionary, DictionarySpec, FieldChange, NewField, SubtypeSpec, TypeSpec};

impl Api {
    /// `GET /admin/ticket-types`: every type, switched-off ones too, in order.
    pub async fn admin_ticket_types(&self) -> Result<Vec<AdminTicketType>, ApiError> {
        self.fetch(self.get("/admin/ticket-types").build()).await
    }

    /// `POST /admin/ticket-types`, or `PUT /admin/ticket-types/{id}` with an id.
    pub async fn save_ticket_type(&self, id: Option<i64>, spec: &TypeSpec) -> Result<AdminTicketType, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/ticket-types/{id}")),
            None => self.post("/admin/ticket-types"),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `PUT /admin/ticket-types/order`: every type's id, first first.
    pub async fn order_ticket_types(&self, ids: Vec<i64>) -> Result<Vec<AdminTicketType>, ApiError> {
        self.fetch(self.put("/admin/ticket-types/order").json_body(&CatalogOrder { ids })).await
    }

    /// `POST /admin/ticket-types/{type}/subtypes`, or `PUT /admin/subtypes/{id}` with an id.
    pub async fn save_subtype(&self, type_id: i64, id: Option<i64>, spec: &SubtypeSpec) -> Result<AdminTicketType, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/subtypes/{id}")),
            None => self.post(&format!("/admin/ticket-types/{type_id}/subtypes")),
        };
        self.fetch(request.json_body(spec)).await
    }

    /// `PUT /admin/ticket-types/{type}/subtypes/order`.
    pub async fn order_subtypes(&self, type_id: i64, ids: Vec<i64>) -> Result<AdminTicketType, ApiError> {
        self.fetch(self.put(&format!("/admin/ticket-types/{type_id}/subtypes/order")).json_body(&CatalogOrder { ids })).await
    }

    /// `POST /admin/ticket-types/{type}/fields`: a field of the type or of one of its sub-types.
    pub async fn add_field(&self, type_id: i64, field: &NewField) -> Result<AdminTicketType, ApiError> {
        self.fetch(self.post(&format!("/admin/ticket-types/{type_id}/fields")).json_body(field)).await
    }

    /// `PUT /admin/fields/{id}`: label, required, help, active.
    pub async fn change_field(&self, id: i64, change: &FieldChange) -> Result<AdminTicketType, ApiError> {
        self.fetch(self.put(&format!("/admin/fields/{id}")).json_body(change)).await
    }

    /// `PUT /admin/fields/order`: the fields of one type, or of one sub-type.
    pub async fn order_fields(&self, ids: Vec<i64>) -> Result<AdminTicketType, ApiError> {
        self.fetch(self.put("/admin/fields/order").json_body(&CatalogOrder { ids })).await
    }

    /// `GET /admin/dictionaries`.
    pub async fn dictionaries(&self) -> Result<Vec<Dictionary>, ApiError> {
        self.fetch(self.get("/admin/dictionaries").build()).await
    }

    /// `POST /admin/dictionaries`, or `PUT /admin/dictionaries/{id}` (options left out are
    /// switched off) with an id.
    pub async fn save_dictionary(&self, id: Option<i64>, spec: &DictionarySpec) -> Result<Dictionary, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/admin/dictionaries/{id}")),
            None => self.post("/admin/dictionaries"),
        };
        self.fetch(request.json_body(spec)).await
    }
}
