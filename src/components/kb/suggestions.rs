//! Articles suggested while a ticket title is typed. Each opens in a new tab, so the half-filled
//! form is never lost; the list is a polite live region, so screen readers hear that help exists.

use crate::api::{Api, ArticleQuery};
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::tr;
use baton_core::kb::ArticleSummary;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before a search is sent.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// At most this many suggestions.
const LIMIT: u32 = 5;
/// Shorter titles suggest nothing (two characters already make a Chinese word: 密码).
const MIN_CHARS: usize = 2;

/// Searches the knowledge base for `title` once typing pauses and shows the best matches. Without
/// an API client in context (component tests of the form) it shows nothing.
#[component]
pub fn KbSuggestions(
    /// The title being typed.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let found = RwSignal::new(Vec::<ArticleSummary>::new());
    if let Some(api) = use_context::<Api>() {
        search_while_typing(api, title, found);
    }
    view! { <KbSuggestionList articles=found /> }
}

/// Keeps `found` at the matches of the latest `title`, one debounced request per pause.
fn search_while_typing(api: Api, title: Signal<String>, found: RwSignal<Vec<ArticleSummary>>) {
    let api = StoredValue::new_local(api);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // The text of the newest search: an older answer arriving late is dropped.
    let latest = StoredValue::new(String::new());
    let cancel = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let text = title.get().trim().to_owned();
        cancel();
        latest.set_value(text.clone());
        if text.chars().count() < MIN_CHARS {
            found.set(Vec::new());
            return;
        }
        let search = move || {
            let query = ArticleQuery {
                q: Some(text.clone()),
                limit: Some(LIMIT),
                ..Default::default()
            };
            let api = api.get_value();
            leptos::task::spawn_local(async move {
                // Suggestions are a courtesy: a failed search leaves the form as it was, with no
                // error message to distract from the ticket being written.
                if let Ok(page) = api.kb_articles(&query).await {
                    if latest.try_with_value(|l| *l == text) == Some(true) {
                        found.set(page.items);
                    }
                }
            });
        };
        timer.set_value(set_timeout_with_handle(search, DEBOUNCE).ok());
    });
    on_cleanup(cancel);
}

/// The suggestions themselves: nothing while there are none.
#[component]
pub fn KbSuggestionList(
    /// The articles to suggest, best first.
    #[prop(into)]
    articles: Signal<Vec<ArticleSummary>>,
) -> impl IntoView {
    view! {
        <div class="kb-suggestions" aria-live="polite">
            {move || (!articles.with(Vec::is_empty)).then(|| view! {
                <p class="kb-suggestions-heading" id="kb-suggestions-heading">{tr(Key::KbSuggestionsHeading)}</p>
                <ul aria-labelledby="kb-suggestions-heading">
                    {articles.get().into_iter().map(|a| view! {
                        <li>
                            <a href=Page::KbArticle(a.id).path() target="_blank" rel="noopener" data-testid="kb-suggestion" data-article-id=a.id>
                                {a.title}
                                <span class="sr-only">{tr(Key::KbOpensInNewTab)}</span>
                            </a>
                            <span class="kb-suggestion-excerpt">{a.excerpt}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
