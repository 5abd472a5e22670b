//! The knowledge base: `/api/v1/kb/…`. Readable without a session (the server then answers for
//! its default desk), so the help center works before login.

use super::query::Query;
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
        Query::default()
            .text("q", self.q.as_deref())
            .number("category_id", self.category_id)
            .page(self.cursor.as_deref(), self.limit)
            .into_pairs()
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
