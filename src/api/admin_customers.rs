//! Customers administration (issue 12, capability `customers_admin`): `/admin/customers` (list,
//! edit, deactivate, merge), the CSV import and `/admin/customer-groups`. Admin bundle only.
//!
// [`AdminCustomer`] is written out rather than core's (which flattens `CustomerInfo`): flatten
// decodes through serde's buffered `Content`, code the bundle would pay for (see `admin.rs`).

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::{AdminCustomerGroup, CustomerPatch, GroupRef, ImportReport, MergeCustomers};
use serde::Deserialize;

/// A customer as `GET /admin/customers` lists them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AdminCustomer {
    pub id: i64,
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub customer_group: Option<GroupRef>,
    pub active: bool,
    #[serde(default)]
    pub merged_into: Option<i64>,
    pub tickets: i64,
}

/// One page of the list and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomerList {
    pub items: Vec<AdminCustomer>,
    #[serde(default)]
    pub next_cursor: Option<String>,
    pub total: i64,
}

/// The list's filters as the page holds them (empty: not filtered).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerQuery {
    pub q: String,
    pub group: String,
    pub state: String,
    pub sort: String,
}

impl Api {
    /// `GET /admin/customers`: the page after `cursor` of the customers `query` asks for.
    pub async fn admin_customers(&self, query: &CustomerQuery, cursor: Option<&str>) -> Result<CustomerList, ApiError> {
        let some = |v: &str| Some(v.to_owned()).filter(|v| !v.is_empty());
        let params = Query::default()
            .text("q", Some(&query.q))
            .some("group", some(&query.group).as_deref())
            .some("state", some(&query.state).as_deref())
            .some("sort", some(&query.sort).as_deref())
            .some("cursor", cursor);
        self.fetch(self.get("/admin/customers").query(params.into_pairs()).build()).await
    }

    /// `PATCH /admin/customers/{id}`.
    pub async fn change_customer(&self, id: i64, patch: &CustomerPatch) -> Result<AdminCustomer, ApiError> {
        self.fetch(self.patch(&format!("/admin/customers/{id}")).json_body(patch)).await
    }

    /// `POST /admin/customers/{id}/merge`: `id` merged into `into`; the target now.
    pub async fn merge_customer(&self, id: i64, into: i64) -> Result<MergeReport, ApiError> {
        self.fetch(self.post(&format!("/admin/customers/{id}/merge")).json_body(&MergeCustomers { into })).await
    }

    /// `POST /admin/customers/import`: the file as it is (the server reads its encoding).
    pub async fn import_customers(&self, file: &web_sys::File, dry_run: bool) -> Result<ImportReport, ApiError> {
        let url = if dry_run { "/admin/customers/import?dry_run=true" } else { "/admin/customers/import" };
        self.fetch(self.post(url).header("content-type", "text/csv").body(wasm_bindgen::JsValue::from(file.clone()))).await
    }

    /// `GET /admin/customer-groups`.
    pub async fn admin_customer_groups(&self) -> Result<Vec<AdminCustomerGroup>, ApiError> {
        self.fetch(self.get("/admin/customer-groups").build()).await
    }
}

/// What a merge answers: the target now (the moved tickets' ids are not shown).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MergeReport {
    pub customer: AdminCustomer,
}
