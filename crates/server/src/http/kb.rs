//! The knowledge base: `GET /kb/categories`, `GET /kb/articles`, `GET /kb/articles/{id}` for
//! everyone (without a session, the default desk's — see `crate::kb::Reader::of`), and
//! `POST /kb/categories`, `POST /kb/articles`, `PATCH /kb/articles/{id}` for holders of `kb.write`,
//! and `DELETE /kb/articles/{id}`, `PATCH` and `DELETE /kb/categories/{id}` (the admin console's
//! editor, issue 12).

use super::extract::{ApiJson, ApiQuery, PathId};
use super::{AppState, Error, Routes};
use crate::error::Error as DomainError;
use crate::auth::CurrentUser;
use crate::kb::{self, ListQuery, Reader};
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::kb::{Article, ArticlePatch, ArticleSummary, Category, NewArticle, NewCategory};
use baton_core::Page;

pub fn router() -> Routes {
    Routes::new()
        .get("/kb/categories", categories)
        .post("/kb/categories", create_category)
        // Categories renamed and deleted (issue 12, capability `kb_categories`).
        .patch("/kb/categories/{id}", rename_category)
        .delete("/kb/categories/{id}", delete_category)
        .get("/kb/articles", list)
        .post("/kb/articles", create)
        .get("/kb/articles/{id}", show)
        .patch("/kb/articles/{id}", update)
        // The knowledge-base editor (issue 12).
        .delete("/kb/articles/{id}", delete)
}

/// The reader of a public route: the signed-in user if the request carries a live session, else
/// an anonymous visitor. A stale or unknown token counts as no session rather than a 401, so a
/// help-center page never fails because an old cookie lingers.
struct AnyReader(Reader);

impl FromRequestParts<AppState> for AnyReader {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let user = match CurrentUser::from_request_parts(parts, state).await {
            Ok(user) => Some(user),
            Err(Error::Domain(DomainError::Unauthenticated)) => None,
            Err(other) => return Err(other),
        };
        Ok(AnyReader(Reader::of(&state.db, user).await?))
    }
}

async fn categories(
    State(state): State<AppState>,
    AnyReader(reader): AnyReader,
) -> Result<Json<Vec<Category>>, Error> {
    Ok(Json(kb::categories(&state.db, reader).await?))
}

async fn list(
    State(state): State<AppState>,
    AnyReader(reader): AnyReader,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<Page<ArticleSummary>>, Error> {
    Ok(Json(kb::list(&state.db, reader, query).await?))
}

async fn show(
    State(state): State<AppState>,
    AnyReader(reader): AnyReader,
    PathId(id): PathId,
) -> Result<Json<Article>, Error> {
    Ok(Json(kb::get(&state.db, reader, id).await?))
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(new): ApiJson<NewArticle>,
) -> Result<Response, Error> {
    let article = kb::create(&state.db, &user, new).await?;
    let location = format!("/api/v1/kb/articles/{}", article.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(article),
    )
        .into_response())
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(patch): ApiJson<ArticlePatch>,
) -> Result<Json<Article>, Error> {
    Ok(Json(kb::update(&state.db, &user, id, patch).await?))
}

async fn create_category(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(new): ApiJson<NewCategory>,
) -> Result<(StatusCode, Json<Category>), Error> {
    Ok((
        StatusCode::CREATED,
        Json(kb::create_category(&state.db, &user, new).await?),
    ))
}

async fn delete(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    kb::delete(&state.db, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn rename_category(
    State(state): State<AppState>,
    user: CurrentUser,
    PathId(id): PathId,
    ApiJson(patch): ApiJson<NewCategory>,
) -> Result<Json<Category>, Error> {
    Ok(Json(kb::rename_category(&state.db, &user, id, patch).await?))
}

async fn delete_category(State(state): State<AppState>, user: CurrentUser, PathId(id): PathId) -> Result<StatusCode, Error> {
    kb::delete_category(&state.db, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
