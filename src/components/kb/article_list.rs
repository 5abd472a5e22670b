//! A list of article summaries as cards, each one link to the article.

use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::tr_time;
use baton_core::kb::ArticleSummary;
use leptos::prelude::*;

/// `<ul>` of `kb-article-row` links, in the order given (best matches or newest first).
#[component]
pub fn KbArticleList(
    /// The articles to show.
    #[prop(into)]
    articles: Signal<Vec<ArticleSummary>>,
) -> impl IntoView {
    view! {
        <ul class="kb-list">
            {move || articles.get().into_iter().map(|a| view! {
                <li>
                    <a class="kb-card" href=Page::KbArticle(a.id).path() data-testid="kb-article-row" data-article-id=a.id>
                        <span class="kb-card-title">{a.title}</span>
                        <span class="kb-card-excerpt">{a.excerpt}</span>
                        <span class="kb-card-meta">
                            {a.category.map(|c| view! { <span class="kb-category">{c.name}</span> })}
                            <time datetime=a.updated_at.clone()>{tr_time(Key::UpdatedAt, a.updated_at.clone())}</time>
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}
