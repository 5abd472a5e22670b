//! Knowledge-base pieces: the suggestions under the ticket title and the article list.

use crate::support::*;
use baton::components::kb::{KbArticleList, KbSuggestionList, KbSuggestions};
use baton::i18n::Locale;
use baton_core::kb::{ArticleStatus, ArticleSummary, Category};
use leptos::prelude::*;
use wasm_bindgen_test::*;

fn article(id: i64, title: &str) -> ArticleSummary {
    ArticleSummary {
        id,
        title: title.into(),
        category: Some(Category {
            id: 2,
            name: "Devices".into(),
        }),
        excerpt: format!("How to fix: {title}"),
        status: ArticleStatus::Published,
        updated_at: "2026-11-20T10:00:00Z".into(),
    }
}

#[wasm_bindgen_test]
async fn suggestions_open_articles_in_a_new_tab() {
    let found = RwSignal::new(vec![
        article(4, "打印机卡纸怎么办"),
        article(3, "Printer jams"),
    ]);
    let list = mount(
        Locale::ZhCn,
        move || view! { <KbSuggestionList articles=found /> },
    );
    until("suggestions", || {
        list.all("[data-testid='kb-suggestion']").len() == 2
    })
    .await;
    let links = list.all("[data-testid='kb-suggestion']");
    let attr = |i: usize, name: &str| links[i].get_attribute(name).unwrap_or_default();
    assert_eq!(
        (
            attr(0, "href"),
            attr(0, "target"),
            attr(0, "data-article-id")
        ),
        ("/kb/4".into(), "_blank".into(), "4".into())
    );
    assert!(attr(0, "rel").contains("noopener"), "{}", attr(0, "rel"));
    let text = links[0].text_content().unwrap_or_default();
    assert!(
        text.contains("打印机卡纸怎么办") && text.contains("新标签页"),
        "{text}"
    );
    // The list is labelled by its heading, inside a polite live region.
    let region = list.get(".kb-suggestions");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(list.find("#kb-suggestions-heading").is_some());

    // No matches: nothing is shown, the live region stays for the next ones.
    found.set(Vec::new());
    until("no suggestions", || {
        list.all("[data-testid='kb-suggestion']").is_empty()
    })
    .await;
    assert!(list.find("#kb-suggestions-heading").is_none());
    found.set(vec![article(9, "VPN")]);
    until("one suggestion", || {
        list.all("[data-testid='kb-suggestion']").len() == 1
    })
    .await;
}

#[wasm_bindgen_test]
async fn suggestions_without_an_api_client_stay_empty() {
    // The ticket form's own tests mount it without an API client: the suggestions must cope.
    let title = RwSignal::new(String::new());
    let form = mount(Locale::En, move || view! { <KbSuggestions title /> });
    title.set("Printer jams".into());
    until("mounted", || form.find(".kb-suggestions").is_some()).await;
    assert!(form.all("[data-testid='kb-suggestion']").is_empty());
}

#[wasm_bindgen_test]
async fn article_list_links_each_article() {
    let articles = vec![article(4, "打印机卡纸怎么办"), article(3, "Printer jams")];
    let list = mount(
        Locale::En,
        move || view! { <KbArticleList articles=Signal::stored(articles) /> },
    );
    until("rows", || {
        list.all("[data-testid='kb-article-row']").len() == 2
    })
    .await;
    let rows = list.all("[data-testid='kb-article-row']");
    assert_eq!(rows[1].get_attribute("href").as_deref(), Some("/kb/3"));
    let text = rows[1].text_content().unwrap_or_default();
    assert!(
        text.contains("Printer jams") && text.contains("How to fix") && text.contains("Devices"),
        "{text}"
    );
}
