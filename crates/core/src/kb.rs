//! The knowledge base (帮助中心文章): the wire types of `/api/v1/kb/…` and their validation.
//!
//! Articles are written in Markdown; the server renders and sanitizes `body_html`, so a client
//! never needs a Markdown parser or an HTML sanitizer (which would cost the wasm SPA hundreds of
//! KB). Deflection — suggesting articles while a customer types a ticket title — reads the same
//! list endpoint with `q=`.

use crate::problem::{field_code, FieldError};
use serde::{Deserialize, Deserializer, Serialize};

/// Longest article title, in characters (the same as a ticket title).
pub const TITLE_MAX: usize = crate::validate::TITLE_MAX;
/// Longest article body (Markdown), in characters.
pub const BODY_MAX: usize = 100_000;
/// Longest category name, in characters.
pub const CATEGORY_NAME_MAX: usize = 100;
/// Longest [`ArticleSummary::excerpt`], in characters (an ellipsis included).
pub const EXCERPT_MAX: usize = 200;

/// Whether customers can read an article. New articles are drafts unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    Published,
    #[default]
    Draft,
}

impl ArticleStatus {
    /// The wire code, as stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ArticleStatus::Published => "published",
            ArticleStatus::Draft => "draft",
        }
    }

    pub fn from_code(code: &str) -> Option<ArticleStatus> {
        [ArticleStatus::Published, ArticleStatus::Draft]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A category articles are filed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: i64,
    pub name: String,
}

/// One row of an article list (`GET /kb/articles`): no body, a plain-text excerpt instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub category: Option<Category>,
    /// The start of the body as plain text, at most [`EXCERPT_MAX`] characters.
    pub excerpt: String,
    /// Always `published` for customers; staff listing `status=all` see drafts too.
    pub status: ArticleStatus,
    pub updated_at: String,
}

/// `GET /kb/articles/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub body_markdown: String,
    /// `body_markdown` rendered and sanitized by the server: safe to insert as HTML.
    pub body_html: String,
    #[serde(default)]
    pub category: Option<Category>,
    pub status: ArticleStatus,
    pub updated_at: String,
}

/// `POST /kb/articles` (admins).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    pub title: String,
    #[serde(default)]
    pub body_markdown: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
    #[serde(default)]
    pub status: ArticleStatus,
}

/// `PATCH /kb/articles/{id}` (admins), merge-patch style: a missing field stays as it is;
/// `"category_id": null` takes the article out of its category.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_markdown: Option<String>,
    /// `None`: unchanged; `Some(None)`: no category; `Some(Some(id))`: that category.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub category_id: Option<Option<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
}

/// A field that is present, even as `null`, is `Some`: serde's `Option` alone cannot tell a
/// missing field from an explicit `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

/// `POST /kb/categories` (admins).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCategory {
    pub name: String,
}

/// Non-blank and at most `max` characters.
fn required(field: &str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, field_code::REQUIRED));
    } else {
        at_most(field, value, max, errors);
    }
}

fn at_most(field: &str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.chars().count() > max {
        errors.push(FieldError::new(field, field_code::TOO_LONG));
    }
}

fn done(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Title required (≤ [`TITLE_MAX`]), body optional (≤ [`BODY_MAX`]).
pub fn new_article(a: &NewArticle) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    required("title", &a.title, TITLE_MAX, &mut errors);
    at_most("body_markdown", &a.body_markdown, BODY_MAX, &mut errors);
    done(errors)
}

/// The same limits as [`new_article`] for the fields the patch carries.
pub fn article_patch(p: &ArticlePatch) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some(title) = &p.title {
        required("title", title, TITLE_MAX, &mut errors);
    }
    if let Some(body) = &p.body_markdown {
        at_most("body_markdown", body, BODY_MAX, &mut errors);
    }
    done(errors)
}

pub fn new_category(c: &NewCategory) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    required("name", &c.name, CATEGORY_NAME_MAX, &mut errors);
    done(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: Result<(), Vec<FieldError>>) -> Vec<(String, String)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    fn article(title: &str, body: &str) -> NewArticle {
        NewArticle {
            title: title.into(),
            body_markdown: body.into(),
            ..Default::default()
        }
    }

    #[test]
    fn articles() {
        let long_title = "标".repeat(TITLE_MAX + 1);
        let long_body = "x".repeat(BODY_MAX + 1);
        let cases: &[(NewArticle, &[(&str, &str)])] = &[
            (article("重置密码", "1. 打开…"), &[]),
            (article("Draft", ""), &[]),
            (article(&"标".repeat(TITLE_MAX), ""), &[]),
            (article("  ", "b"), &[("title", "required")]),
            (article(&long_title, "b"), &[("title", "too_long")]),
            (
                article("", &long_body),
                &[("title", "required"), ("body_markdown", "too_long")],
            ),
        ];
        for (input, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(f, c)| (f.to_string(), c.to_string()))
                .collect();
            assert_eq!(codes(new_article(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn patches_check_only_what_they_carry() {
        assert!(article_patch(&ArticlePatch::default()).is_ok());
        let blank = ArticlePatch {
            title: Some(" ".into()),
            ..Default::default()
        };
        assert_eq!(
            codes(article_patch(&blank)),
            [("title".into(), "required".into())]
        );
        assert_eq!(
            codes(new_category(&NewCategory { name: "".into() })),
            [("name".into(), "required".into())]
        );
    }

    #[test]
    fn patch_tells_null_from_missing() {
        let parse = |json: &str| serde_json::from_str::<ArticlePatch>(json).ok();
        assert_eq!(parse("{}").map(|p| p.category_id), Some(None));
        assert_eq!(
            parse(r#"{"category_id": null}"#).map(|p| p.category_id),
            Some(Some(None))
        );
        assert_eq!(
            parse(r#"{"category_id": 3}"#).map(|p| p.category_id),
            Some(Some(Some(3)))
        );
        assert_eq!(parse(r#"{"colour": 3}"#), None);
        let back = serde_json::to_string(&ArticlePatch {
            category_id: Some(None),
            ..Default::default()
        })
        .ok();
        assert_eq!(back.as_deref(), Some(r#"{"category_id":null}"#));
    }

    #[test]
    fn statuses_round_trip() {
        for s in [ArticleStatus::Published, ArticleStatus::Draft] {
            assert_eq!(ArticleStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(ArticleStatus::from_code("all"), None);
        let new: Option<NewArticle> = serde_json::from_str(r#"{"title":"t"}"#).ok();
        assert_eq!(new.map(|a| a.status), Some(ArticleStatus::Draft));
    }
}
