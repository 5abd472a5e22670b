//! Customers administration (issue 12): `GET /admin/customers`, `GET/PATCH /admin/customers/{id}`,
//! `POST /admin/customers/{id}/merge` and `GET/POST /admin/customer-groups`,
//! `PATCH /admin/customer-groups/{id}` (`customers.manage`); `POST /admin/customers/import`
//! (`customers.import`), whose body is the CSV file itself and may be larger than the API's 1 MiB
//! ([`IMPORT_LIMIT`]): it has a router of its own ([`import_router`]). The rules live in
//! `crate::customers`.

use super::extract::{ApiJson, ApiQuery, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::customers::{self, groups, ListQuery};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::{AdminCustomer, AdminCustomerGroup, CustomerGroupSpec, CustomerList, CustomerPatch, ImportReport, MergeCustomers, MergeReport, Permission};

/// The largest import file, in MiB (10,000 rows of a few cells fit several times over).
pub const IMPORT_LIMIT_MB: u64 = 4;
/// The same, in bytes.
pub const IMPORT_LIMIT: usize = 4 * 1024 * 1024;

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/customers", list)
        .get("/admin/customers/{id}", get)
        .patch("/admin/customers/{id}", change)
        .post("/admin/customers/{id}/merge", merge)
        .get("/admin/customer-groups", groups_list)
        .post("/admin/customer-groups", groups_create)
        .patch("/admin/customer-groups/{id}", groups_change)
}

/// The import, outside the API's 1 MiB body limit (`crate::http::app` gives it its own).
pub fn import_router() -> Routes {
    Routes::new().post("/admin/customers/import", import)
}

/// A body read only after the permission check, so whoever lacks it learns nothing from a
/// malformed one.
fn body<T>(user: &CurrentUser, body: Result<ApiJson<T>, Error>) -> Result<T, Error> {
    user.require(Permission::CustomersManage)?;
    body.map(|ApiJson(value)| value)
}

async fn list(State(s): State<AppState>, user: CurrentUser, ApiQuery(q): ApiQuery<ListQuery>) -> Result<Json<CustomerList>, Error> {
    Ok(Json(customers::list(&s, &user, &q).await?))
}

async fn get(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<Json<AdminCustomer>, Error> {
    Ok(Json(customers::get(&s, &user, id).await?))
}

async fn change(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    patch: Result<ApiJson<CustomerPatch>, Error>,
) -> Result<Json<AdminCustomer>, Error> {
    let patch = body(&user, patch)?;
    Ok(Json(customers::change(&s, &user, id, patch).await?))
}

async fn merge(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    req: Result<ApiJson<MergeCustomers>, Error>,
) -> Result<Json<MergeReport>, Error> {
    let req = body(&user, req)?;
    Ok(Json(customers::merge(&s, &user, id, req.into).await?))
}

/// `?dry_run=true` and `?encoding=utf-8|gbk|gb18030` (absent: detected).
#[derive(Debug, Default, serde::Deserialize)]
struct ImportQuery {
    #[serde(default)]
    dry_run: bool,
    encoding: Option<String>,
}

async fn import(
    State(s): State<AppState>,
    user: CurrentUser,
    ApiQuery(q): ApiQuery<ImportQuery>,
    file: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportReport>, Error> {
    user.require(Permission::CustomersImport)?;
    let file = file.map_err(|_| crate::error::Error::UploadTooLarge { max_mb: IMPORT_LIMIT_MB })?;
    Ok(Json(customers::import::import(&s, &user, &file, q.encoding.as_deref(), q.dry_run).await?))
}

async fn groups_list(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AdminCustomerGroup>>, Error> {
    Ok(Json(groups::list(&s, &user).await?))
}

async fn groups_create(
    State(s): State<AppState>,
    user: CurrentUser,
    spec: Result<ApiJson<CustomerGroupSpec>, Error>,
) -> Result<(StatusCode, Json<AdminCustomerGroup>), Error> {
    let spec = body(&user, spec)?;
    Ok((StatusCode::CREATED, Json(groups::create(&s, &user, spec).await?)))
}

async fn groups_change(
    State(s): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    spec: Result<ApiJson<CustomerGroupSpec>, Error>,
) -> Result<Json<AdminCustomerGroup>, Error> {
    let spec = body(&user, spec)?;
    Ok(Json(groups::change(&s, &user, id, spec).await?))
}
