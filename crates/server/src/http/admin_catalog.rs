//! The catalog's setup (`catalog`): `/admin/ticket-types` with their sub-types and fields,
//! `/admin/subtypes/{id}`, `/admin/fields`, `/admin/dictionaries`. Every change answers the type
//! (or dictionary) as it is after it, so a client replaces what it shows.

use super::extract::{ApiJson, PathId};
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::catalog::{dictionaries, fields, types};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baton_core::{AdminTicketType, CatalogOrder, Dictionary, DictionarySpec, FieldChange, NewField, SubtypeSpec, TypeSpec};

pub fn router() -> Routes {
    Routes::new()
        .get("/admin/ticket-types", list_types)
        .post("/admin/ticket-types", create_type)
        .put("/admin/ticket-types/order", order_types)
        .put("/admin/ticket-types/{id}", save_type)
        .post("/admin/ticket-types/{id}/subtypes", add_subtype)
        .put("/admin/ticket-types/{id}/subtypes/order", order_subtypes)
        .post("/admin/ticket-types/{id}/fields", add_field)
        .put("/admin/subtypes/{id}", save_subtype)
        .put("/admin/fields/order", order_fields)
        .put("/admin/fields/{id}", save_field)
        .get("/admin/dictionaries", list_dictionaries)
        .post("/admin/dictionaries", create_dictionary)
        .put("/admin/dictionaries/{id}", save_dictionary)
}

type Type = Result<Json<AdminTicketType>, Error>;
type Created = Result<(StatusCode, Json<AdminTicketType>), Error>;

async fn list_types(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<AdminTicketType>>, Error> {
    Ok(Json(types::list(&s.db, &user).await?))
}

async fn create_type(State(s): State<AppState>, user: CurrentUser, ApiJson(spec): ApiJson<TypeSpec>) -> Created {
    Ok((StatusCode::CREATED, Json(types::save_type(&s, &user, None, &spec).await?)))
}

async fn save_type(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(spec): ApiJson<TypeSpec>) -> Type {
    Ok(Json(types::save_type(&s, &user, Some(id), &spec).await?))
}

async fn order_types(State(s): State<AppState>, user: CurrentUser, ApiJson(order): ApiJson<CatalogOrder>) -> Result<Json<Vec<AdminTicketType>>, Error> {
    Ok(Json(types::order_types(&s, &user, &order).await?))
}

async fn add_subtype(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(spec): ApiJson<SubtypeSpec>) -> Created {
    Ok((StatusCode::CREATED, Json(types::add_subtype(&s, &user, id, &spec).await?)))
}

async fn order_subtypes(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(order): ApiJson<CatalogOrder>) -> Type {
    Ok(Json(types::order_subtypes(&s, &user, id, &order).await?))
}

async fn save_subtype(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(spec): ApiJson<SubtypeSpec>) -> Type {
    Ok(Json(types::save_subtype(&s, &user, id, &spec).await?))
}

async fn add_field(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(new): ApiJson<NewField>) -> Created {
    Ok((StatusCode::CREATED, Json(fields::add(&s, &user, id, &new).await?)))
}

async fn save_field(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(change): ApiJson<FieldChange>) -> Type {
    Ok(Json(fields::save(&s, &user, id, &change).await?))
}

async fn order_fields(State(s): State<AppState>, user: CurrentUser, ApiJson(order): ApiJson<CatalogOrder>) -> Type {
    Ok(Json(fields::order(&s, &user, &order).await?))
}

async fn list_dictionaries(State(s): State<AppState>, user: CurrentUser) -> Result<Json<Vec<Dictionary>>, Error> {
    Ok(Json(dictionaries::list(&s.db, &user).await?))
}

async fn create_dictionary(State(s): State<AppState>, user: CurrentUser, ApiJson(spec): ApiJson<DictionarySpec>) -> Result<(StatusCode, Json<Dictionary>), Error> {
    Ok((StatusCode::CREATED, Json(dictionaries::save(&s, &user, None, &spec).await?)))
}

async fn save_dictionary(State(s): State<AppState>, user: CurrentUser, PathId(id): PathId, ApiJson(spec): ApiJson<DictionarySpec>) -> Result<Json<Dictionary>, Error> {
    Ok(Json(dictionaries::save(&s, &user, Some(id), &spec).await?))
}
