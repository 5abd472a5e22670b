//! /admin/kb and the quick-reply editors against a fake backend (issue 12): the articles with
//! their status and category; the editor's "Save and preview" sending a draft and showing the
//! server's `body_html` (not a rendering of its own); a server 422 beside its field with what was
//! typed kept; publishing and deleting (asked first) from the list; quick replies of one visibility only, a refused save
//! beside its field, and deleting only after the confirmation.

use crate::fake_server::answered as until;
use crate::fake_server::{answer, provide_app, staff, FakeServer};
use crate::support::{mount, type_into, value_of, Mounted};
use baton::i18n::Locale;
use baton::pages::admin::quick_replies::QuickReplies;
use baton::pages::admin::AdminKb;
use baton_core::{ReplyVisibility, Role};
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn summary(id: i64, title: &str, status: &str) -> Value {
    json!({"id": id, "title": title, "category": {"id": 1, "name": "Account"}, "excerpt": "", "status": status, "updated_at": "2026-12-01T10:00:00Z"})
}

fn article(id: i64, title: &str, markdown: &str, html: &str, status: &str) -> Value {
    json!({"id": id, "title": title, "body_markdown": markdown, "body_html": html, "category": null, "status": status, "updated_at": "2026-12-07T10:00:00Z"})
}

fn kb_backend(extra: Vec<crate::fake_server::Answer>) -> FakeServer {
    let mut answers = extra;
    answers.extend([
        answer("GET", "/capabilities", 200, json!({"workspace": true})),
        answer("GET", "/kb/categories", 200, json!([{"id": 1, "name": "Account"}])),
        answer("GET", "/kb/articles", 200, json!({"items": [summary(4, "Reset a password", "published"), summary(5, "Two-factor sign-in", "draft")], "next_cursor": null})),
    ]);
    FakeServer::start(answers)
}

fn mount_kb() -> Mounted {
    mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["kb.write"])));
        view! { <AdminKb /> }
    })
}

fn click(page: &Mounted, selector: &str) {
    page.get(selector).unchecked_into::<web_sys::HtmlElement>().click();
}

/// Submits a form the way a user does, with its submit button.
fn submit(page: &Mounted, button: &str) {
    page.click(button);
}

#[wasm_bindgen_test]
async fn the_list_shows_each_article_and_asks_for_every_status() {
    let server = kb_backend(Vec::new());
    let page = mount_kb();
    until("the rows", || page.all("[data-testid='kb-row']").len() == 2).await;
    let statuses: Vec<_> = page.all("[data-testid='kb-row']").iter().map(|r| r.get_attribute("data-status").unwrap_or_default()).collect();
    assert_eq!(statuses, ["published", "draft"]);
    let queries: Vec<_> = server.requests().into_iter().filter(|(m, p, _, _)| m == "GET" && p == "/kb/articles").map(|(_, _, q, _)| q).collect();
    assert!(queries[0].contains("status=all"), "{queries:?}");
    // Filtered to drafts: asked again with that status.
    let status = page.testid("kb-status");
    crate::support::choose(&status, "draft");
    until("the draft query", || server.requests().iter().any(|(_, p, q, _)| p == "/kb/articles" && q.contains("status=draft"))).await;
}

#[wasm_bindgen_test]
async fn save_and_preview_sends_a_draft_and_shows_the_servers_html() {
    let html = "<h1>Router reset</h1><p>Hold <strong>reset</strong>.</p>";
    let server = kb_backend(vec![answer("POST", "/kb/articles", 201, article(9, "Router", "# Router reset", html, "draft"))]);
    let page = mount_kb();
    until("the rows", || page.find("[data-testid='kb-row']").is_some()).await;
    page.click("kb-new");
    until("the editor", || page.find("[data-testid='kb-title']").is_some()).await;
    type_into(&page.testid("kb-title"), "Router");
    type_into(&page.testid("kb-body"), "# Router reset\n\n<script>x()</script>");
    page.click("kb-preview");
    until("the preview", || page.find("[data-testid='kb-preview-body'] h1").is_some()).await;
    // The server's HTML as it came (Leptos may add an empty marker comment after it).
    let shown = page.get("[data-testid='kb-preview-body']").inner_html();
    assert!(shown.starts_with(html) && !shown.contains("script"), "{shown}");
    let sent = server.sent("POST", "/kb/articles");
    assert_eq!(sent, [json!({"title": "Router", "body_markdown": "# Router reset\n\n<script>x()</script>", "status": "draft"})]);
    // A draft now: the editor offers to publish it.
    assert!(page.find("[data-testid='kb-publish']").is_some());
}

#[wasm_bindgen_test]
async fn a_refused_title_is_said_beside_it_and_the_text_stays() {
    let refusal = json!({"type": "about:blank", "title": "Validation failed", "status": 422, "code": "validation_failed",
        "errors": [{"field": "title", "code": "too_long"}]});
    let _server = kb_backend(vec![answer("POST", "/kb/articles", 422, refusal)]);
    let page = mount_kb();
    until("the rows", || page.find("[data-testid='kb-row']").is_some()).await;
    page.click("kb-new");
    until("the editor", || page.find("[data-testid='kb-title']").is_some()).await;
    // Blank: said before anything is sent.
    submit(&page, "kb-save");
    until("required", || page.field_error("title").is_some()).await;
    type_into(&page.testid("kb-title"), "Long");
    type_into(&page.testid("kb-body"), "Body text");
    submit(&page, "kb-save");
    until("too long", || page.field_error("title").is_some_and(|e| e.text_content().unwrap_or_default().contains("long"))).await;
    assert_eq!(value_of(&page.testid("kb-title")), "Long");
    assert_eq!(value_of(&page.testid("kb-body")), "Body text");
}

#[wasm_bindgen_test]
async fn publishing_from_the_list_patches_the_status() {
    let server = kb_backend(vec![answer("PATCH", "/kb/articles/5", 200, article(5, "Two-factor sign-in", "", "", "published"))]);
    let page = mount_kb();
    until("the rows", || page.all("[data-testid='kb-row']").len() == 2).await;
    click(&page, "[data-article-id='5'] [data-testid='kb-flip']");
    until("sent", || !server.sent("PATCH", "/kb/articles/5").is_empty()).await;
    assert_eq!(server.sent("PATCH", "/kb/articles/5"), [json!({"status": "published"})]);
    until("announced", || page.text("admin-notice").contains("published")).await;
}

fn replies() -> Value {
    json!([
        {"id": 1, "title": "Greeting", "body": "Hello {{requester.name}}", "visibility": "public", "owner": null},
        {"id": 2, "title": "Mine", "body": "My text", "visibility": "private", "owner": {"id": 3, "name": "Staff 3"}}
    ])
}

fn mount_replies(visibility: ReplyVisibility) -> Mounted {
    mount(Locale::ZhCn, move || {
        provide_app(Some(staff(3, Role::Agent, &[])));
        view! { <QuickReplies visibility /> }
    })
}

#[wasm_bindgen_test]
async fn quick_replies_of_one_visibility_with_refusals_beside_their_field() {
    let refusal = json!({"type": "about:blank", "title": "Validation failed", "status": 422, "code": "validation_failed",
        "errors": [{"field": "body", "code": "too_long"}]});
    let server = FakeServer::start(vec![answer("GET", "/quick-replies", 200, replies()), answer("PUT", "/quick-replies/2", 422, refusal)]);
    let page = mount_replies(ReplyVisibility::Private);
    until("the list", || page.find("[data-testid='qr-row']").is_some()).await;
    let ids: Vec<_> = page.all("[data-testid='qr-row']").iter().map(|r| r.get_attribute("data-reply-id").unwrap_or_default()).collect();
    assert_eq!(ids, ["2"]);
    click(&page, "[data-reply-id='2'] [data-testid='qr-edit']");
    until("the form", || page.find("[data-testid='qr-title']").is_some()).await;
    assert_eq!(value_of(&page.testid("qr-body")), "My text");
    type_into(&page.testid("qr-body"), "Changed");
    submit(&page, "qr-save");
    until("the refusal", || page.field_error("body").is_some()).await;
    assert_eq!(value_of(&page.testid("qr-body")), "Changed");
    assert_eq!(server.sent("PUT", "/quick-replies/2"), [json!({"title": "Mine", "body": "Changed", "visibility": "private"})]);
}

#[wasm_bindgen_test]
async fn deleting_a_quick_reply_asks_first() {
    let server = FakeServer::start(vec![answer("GET", "/quick-replies", 200, replies()), answer("DELETE", "/quick-replies/1", 204, Value::Null)]);
    let page = mount_replies(ReplyVisibility::Public);
    until("the list", || page.find("[data-reply-id='1']").is_some()).await;
    assert!(page.find("[data-reply-id='2']").is_none(), "a private reply on the shared list");
    click(&page, "[data-reply-id='1'] [data-testid='qr-delete']");
    until("the question", || page.find("[data-testid='qr-confirm']").is_some()).await;
    assert!(server.requests().iter().all(|(m, _, _, _)| m != "DELETE"), "nothing deleted before the confirmation");
    page.click("qr-confirm-yes");
    until("gone", || page.find("[data-reply-id='1']").is_none()).await;
    assert_eq!(server.requests().iter().filter(|(m, p, _, _)| m == "DELETE" && p == "/quick-replies/1").count(), 1);
    assert!(page.find("[data-testid='qr-empty']").is_some());
}

#[wasm_bindgen_test]
async fn deleting_an_article_asks_first() {
    let server = kb_backend(vec![answer("DELETE", "/kb/articles/5", 204, Value::Null)]);
    let page = mount_kb();
    until("the rows", || page.all("[data-testid='kb-row']").len() == 2).await;
    click(&page, "[data-article-id='5'] [data-testid='kb-delete']");
    until("the question", || page.find("[data-testid='kb-confirm']").is_some()).await;
    assert!(server.requests().iter().all(|(m, _, _, _)| m != "DELETE"), "nothing deleted before the confirmation");
    page.click("kb-confirm-no");
    until("kept", || page.find("[data-testid='kb-confirm']").is_none()).await;
    click(&page, "[data-article-id='5'] [data-testid='kb-delete']");
    until("asked again", || page.find("[data-testid='kb-confirm']").is_some()).await;
    page.click("kb-confirm-yes");
    until("announced", || page.text("admin-notice").contains("deleted")).await;
    assert_eq!(server.requests().iter().filter(|(m, p, _, _)| m == "DELETE" && p == "/kb/articles/5").count(), 1);
}
