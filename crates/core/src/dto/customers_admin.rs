//! Customers administration (issue 12, capability `customers_admin`): the admin list with search,
//! filters and paging (`/admin/customers`), an edit (`PATCH`), a merge of two customers, the CSV
//! import's per-row report, and customer groups (`/admin/customer-groups`).

use crate::CustomerInfo;
use serde::{Deserialize, Deserializer, Serialize};

/// A customer as the admin console lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCustomer {
    /// id, name, email, phone, customer group (role is always `customer`).
    #[serde(flatten)]
    pub customer: CustomerInfo,
    /// `false` once deactivated (or merged): they cannot sign in.
    pub active: bool,
    /// The customer this one was merged into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<i64>,
    pub created_at: String,
    /// How many tickets they asked.
    pub tickets: i64,
}

/// `GET /admin/customers`: one page, the cursor of the next, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    pub items: Vec<AdminCustomer>,
    #[serde(default)]
    pub next_cursor: Option<String>,
    pub total: i64,
}

/// Absent → unchanged; `null` → cleared; a value → set.
fn some_option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// `PATCH /admin/customers/{id}`: absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unique in the desk (409 `already_exists`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "some_option", skip_serializing_if = "Option::is_none")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_option", skip_serializing_if = "Option::is_none")]
    pub customer_group_id: Option<Option<i64>>,
    /// `false` deactivates (their sessions end at once), `true` reactivates (not a merged one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// `POST /admin/customers/{id}/merge`: the customer the path's one is merged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeCustomers {
    pub into: i64,
}

/// `POST /admin/customers/{id}/merge`: what moved to the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    /// The target as the list shows them now.
    pub customer: AdminCustomer,
    /// The tickets moved to them.
    pub tickets: Vec<i64>,
}

/// What the import did (or, in a dry run, would do) with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Created,
    /// A customer of the desk had the email: their name, phone or group changed.
    Updated,
    /// A customer of the desk had the email and everything the row says.
    Unchanged,
    /// Refused: see `errors`.
    Failed,
}

/// One data row of the import (`row` counts lines of the file, the header being line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub row: i64,
    pub email: String,
    pub name: String,
    pub outcome: ImportOutcome,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<crate::FieldError>,
}

/// `POST /admin/customers/import`: the per-row report and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// The encoding the file was read in: `utf-8` or `gb18030` (GBK is a part of it).
    pub encoding: String,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub failed: i64,
    pub rows: Vec<ImportRow>,
}

/// `POST /admin/customer-groups` and `PATCH /admin/customer-groups/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerGroupSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Members see each other's tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_tickets: Option<bool>,
}

/// A customer group as the admin console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCustomerGroup {
    pub id: i64,
    pub name: String,
    pub shares_tickets: bool,
    /// Active customers in it.
    pub members: i64,
}
