//! The embeddable widget's server side: its public configuration (`GET /widget/{tenant}`, read
//! by the loader on the host page and by the widget itself) and the `frame-ancestors` policy of
//! the `/widget` document, which lets exactly the tenant's allowed origins frame it.

use super::extract::PathKey;
use super::{AppState, Error, Routes};
use crate::auth::CurrentUser;
use crate::sso::embed;
use crate::storage::Db;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baton_core::problem::field_code;
use baton_core::sso::CHANNEL_HEADER;
use baton_core::Channel;

pub fn router() -> Routes {
    Routes::new().get("/widget/{tenant}", config)
}

/// Public and credential-free, so any site may read it (`*`); the loader on a host page
/// compares its own origin with `allowed_origins` before it opens anything.
async fn config(
    State(state): State<AppState>,
    PathKey(slug): PathKey,
) -> Result<Response, Error> {
    let body = embed::widget_config(&state.db, &slug).await?;
    Ok((
        [
            (
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        Json(body),
    )
        .into_response())
}

/// The `Baton-Channel` header of `POST /tickets`: the channel a ticket comes in through.
/// Absent is `web`; an unknown value is a 422 naming the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelHeader(pub Channel);

impl<S: Send + Sync> FromRequestParts<S> for ChannelHeader {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Error> {
        let Some(value) = parts.headers.get(CHANNEL_HEADER) else {
            return Ok(ChannelHeader(Channel::Web));
        };
        let code = value.to_str().map(str::trim).unwrap_or_default();
        serde_json::from_value(serde_json::Value::String(code.to_owned()))
            .map(ChannelHeader)
            .map_err(|_| Error::field(CHANNEL_HEADER, field_code::INVALID_VALUE))
    }
}

/// `channel` if `user` may claim it: phone and email tickets are registered by staff only.
pub fn check_channel(channel: Channel, user: &CurrentUser) -> Result<Channel, Error> {
    match channel {
        Channel::Phone | Channel::Email if !user.role.is_staff() => {
            Err(Error::field(CHANNEL_HEADER, field_code::INVALID_VALUE))
        }
        channel => Ok(channel),
    }
}

/// The `frame-ancestors` sources of the `/widget` document for the query `tenant=<slug>`: the
/// tenant's allowed origins, or `'none'` when there are none (or no such tenant), like every
/// other page of the app.
pub async fn frame_ancestors(db: &Db, query: Option<&str>) -> String {
    let none = "'none'".to_owned();
    let slug = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "tenant")
        .map(|(_, value)| value);
    let Some(slug) = slug.filter(|s| !s.is_empty()) else {
        return none;
    };
    match embed::origins_of(db, slug).await {
        // Stored origins passed baton_core::sso::normalize_origin (letters, digits, `.-:[]/`
        // only), so they are valid header text (the policy refuses everything if not).
        Ok(origins) if !origins.is_empty() => origins.join(" "),
        Ok(_) => none,
        Err(e) => {
            tracing::error!(error = %e, "cannot read embed origins");
            none
        }
    }
}
