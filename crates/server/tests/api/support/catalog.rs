//! The demo desk's ticket catalog as tests need it: the ids of a type and sub-type, and a minimal
//! valid ticket body for whichever desk a token belongs to.

use super::TestApp;
use serde_json::Value;

impl TestApp {
    /// The type and sub-type ids of a ticket with no required fields in the tenant of `token`
    /// (Technical issue → Site is down in the demo desk), or `None` if it has no types.
    pub async fn plain_type(&self, token: &str) -> Option<(i64, i64)> {
        let types = self
            .get("/api/v1/ticket-types")
            .token(token)
            .send()
            .await
            .json();
        let ty = types
            .as_array()?
            .iter()
            .find(|t| t["name"]["en"] == "Technical issue")?;
        let sub = ty["subtypes"]
            .as_array()?
            .iter()
            .find(|s| s["name"]["en"] == "Site is down")?;
        Some((ty["id"].as_i64()?, sub["id"].as_i64()?))
    }

    /// The ids of type `type_en` and its sub-type `subtype_en` in the demo desk.
    pub async fn type_ids(&self, token: &str, type_en: &str, subtype_en: &str) -> (i64, i64) {
        let types = self
            .get("/api/v1/ticket-types")
            .token(token)
            .send()
            .await
            .json();
        let ty = types
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["name"]["en"] == type_en);
        let ty = ty.unwrap_or_else(|| panic!("no type {type_en}"));
        let sub = ty["subtypes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["name"]["en"] == subtype_en);
        let sub = sub.unwrap_or_else(|| panic!("no sub-type {subtype_en}"));
        (
            ty["id"].as_i64().expect("id"),
            sub["id"].as_i64().expect("id"),
        )
    }

    /// A minimal valid `NewTicket` for the tenant of `token`.
    pub async fn new_ticket(&self, token: &str, title: &str) -> Value {
        let mut body = serde_json::json!({ "title": title, "description": "Details." });
        if let Some((type_id, subtype_id)) = self.plain_type(token).await {
            body["type_id"] = type_id.into();
            body["subtype_id"] = subtype_id.into();
        }
        body
    }
}
