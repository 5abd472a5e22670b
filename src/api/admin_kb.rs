//! The knowledge-base and quick-reply editors' writes (issue 12, admin bundle only): articles of
//! every status (`GET /kb/articles?status=`), `POST /kb/articles`, `PATCH` and `DELETE /kb/articles/{id}`,
//! `POST /kb/categories`, `PATCH` and `DELETE /kb/categories/{id}` (`kb.write`), and quick replies `POST/PUT/DELETE /quick-replies`
//! (public ones need `views.manage_public`, personal ones are their owner's). The reads every
//! bundle shares are in `kb` and `agent_ticket`.

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::kb::{Article, ArticlePatch, ArticleSummary, Category, NewArticle, NewCategory};
use baton_core::{NewQuickReply, Page, QuickReply};

impl Api {
    /// `GET /kb/articles?status=` (`all`, `published` or `draft`; staff), newest change first.
    pub async fn kb_admin_articles(&self, status: &str, category_id: Option<i64>, cursor: Option<&str>) -> Result<Page<ArticleSummary>, ApiError> {
        let params = Query::default().some("status", Some(status)).number("category_id", category_id).page(cursor, Some(50)).into_pairs();
        self.fetch(self.get("/kb/articles").query(params).build()).await
    }

    /// `POST /kb/articles`: the new article, with its body rendered and sanitized by the server.
    pub async fn create_kb_article(&self, new: &NewArticle) -> Result<Article, ApiError> {
        self.fetch(self.post("/kb/articles").json_body(new)).await
    }

    /// `PATCH /kb/articles/{id}`: fields left out stay as they are.
    pub async fn change_kb_article(&self, id: i64, patch: &ArticlePatch) -> Result<Article, ApiError> {
        self.fetch(self.patch(&format!("/kb/articles/{id}")).json_body(patch)).await
    }

    /// `DELETE /kb/articles/{id}`: gone for good (unpublishing keeps it as a draft).
    pub async fn delete_kb_article(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/kb/articles/{id}")).build()).await.map(drop)
    }

    /// `POST /kb/categories`.
    pub async fn create_kb_category(&self, name: String) -> Result<Category, ApiError> {
        self.fetch(self.post("/kb/categories").json_body(&NewCategory { name })).await
    }

    /// `PATCH /kb/categories/{id}` (capability `kb_categories`): the category as renamed.
    pub async fn rename_kb_category(&self, id: i64, name: String) -> Result<Category, ApiError> {
        self.fetch(self.patch(&format!("/kb/categories/{id}")).json_body(&NewCategory { name })).await
    }

    /// `DELETE /kb/categories/{id}` (capability `kb_categories`): its articles stay, without one.
    pub async fn delete_kb_category(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/kb/categories/{id}")).build()).await.map(drop)
    }

    /// `POST /quick-replies`, or `PUT /quick-replies/{id}` with an id.
    pub async fn save_quick_reply(&self, id: Option<i64>, reply: &NewQuickReply) -> Result<QuickReply, ApiError> {
        let request = match id {
            Some(id) => self.put(&format!("/quick-replies/{id}")),
            None => self.post("/quick-replies"),
        };
        self.fetch(request.json_body(reply)).await
    }

    /// `DELETE /quick-replies/{id}`.
    pub async fn delete_quick_reply(&self, id: i64) -> Result<(), ApiError> {
        self.send(self.delete(&format!("/quick-replies/{id}")).build()).await.map(drop)
    }
}
