//! The knowledge base: `/api/v1/kb/…`. Readable without a session (the server then answers for
//! its default desk), so the help center works before login.

use super::{Api, ApiError};
use baton_core::kb::{Article, ArticleSummary, Category};
use baton_core::Page;

/// The filters and position of `GET /kb/articles`. `None` leaves a parameter out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleQuery {
    /// Search text: best matches first.
    pub q: Option<String>,
    pub category_id: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

impl ArticleQuery {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            params.push(("q", q.to_owned()));
        }
        if let Some(id) = self.category_id {
            params.push(("category_id", id.to_string()));
        }
        if let Some(cursor) = &self.cursor {
            params.push(("cursor", cursor.clone()));
        }
        if let Some(limit) = self.limit {
            params.push(("limit", limit.to_string()));
        }
        params
    }
}

impl Api {
    /// `GET /kb/categories`.
    pub async fn kb_categories(&self) -> Result<Vec<Category>, ApiError> {
        self.fetch(self.get("/kb/categories").build()).await
    }

    /// `GET /kb/articles`: published articles, best matches first when searching.
    pub async fn kb_articles(
        &self,
        query: &ArticleQuery,
    ) -> Result<Page<ArticleSummary>, ApiError> {
        self.fetch(self.get("/kb/articles").query(query.params()).build())
            .await
    }

    /// `GET /kb/articles/{id}`, with its body as sanitized HTML.
    pub async fn kb_article(&self, id: i64) -> Result<Article, ApiError> {
        self.fetch(self.get(&format!("/kb/articles/{id}")).build())
            .await
    }
}
