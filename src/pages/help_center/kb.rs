//! `/kb`: the help articles — search and category filter (kept in the URL as `?q=` and
//! `?category=`, so back, reload and shared links keep them) and the matching articles, with
//! "load more" through `next_cursor`. Readable before signing in.

use crate::api::{use_api, ArticleQuery};
use crate::components::kb::KbArticleList;
use crate::components::ui::{dynamic, loaded, paged, LoadMore};
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::kb::{ArticleSummary, Category};
use baton_core::Page as ListPage;
use leptos::html::Input;
use crate::state::load::Load;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn KbHome() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let i18n = use_i18n();
    use_page_title(|i| i.t(Key::KbTitle).to_owned());

    let query_map = use_query_map();
    let filter = Memo::new(move |_| {
        let map = query_map.read();
        ArticleQuery {
            q: map.get("q").filter(|q| !q.trim().is_empty()),
            category_id: map.get("category").and_then(|c| c.parse().ok()),
            ..Default::default()
        }
    });
    let categories = Load::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.kb_categories().await }
        }
    });
    let first = Load::new({
        let api = api.clone();
        move || {
            let (api, query) = (api.clone(), filter.get());
            async move { api.kb_articles(&query).await }
        }
    });
    // Pages fetched with "load more", after the first; a new search starts over.
    let more = RwSignal::new(Vec::<ListPage<ArticleSummary>>::new());
    Effect::new(move |_| {
        filter.track();
        more.set(Vec::new());
    });
    let busy = Busy::new();
    let api = StoredValue::new_local(api);
    let load_more = move |cursor: String| {
        let query = ArticleQuery {
            cursor: Some(cursor),
            ..filter.get_untracked()
        };
        let api = api.get_value();
        busy.run(async move {
            match api.kb_articles(&query).await {
                // A page asked for before the search changed belongs to the old list.
                Ok(page)
                    if filter.try_with_untracked(|f| {
                        f.q == query.q && f.category_id == query.category_id
                    }) == Some(true) =>
                {
                    more.update(|m| m.push(page))
                }
                Ok(_) => {}
                Err(error) => toasts.api_error(&error),
            }
        });
    };

    let list = move |first: ListPage<ArticleSummary>| {
        let (articles, next) = paged(first, more);
        view! {
            {dynamic(move || if articles.with(Vec::is_empty) {
                let key = if filter.with(|f| f.q.is_some()) { Key::KbNoResults } else { Key::KbNoArticles };
                view! { <p class="empty card" data-testid="kb-empty">{tr(key)}</p> }.into_any()
            } else {
                view! { <KbArticleList articles /> }.into_any()
            })}
            <LoadMore next busy=busy.signal() load=Callback::new(load_more) />
        }
    };

    view! {
        <div class="page-head">
            <h1>{tr(Key::KbTitle)}</h1>
        </div>
        <p class="muted">{tr(Key::KbIntro)}</p>
        <SearchBar filter categories=Signal::derive(move || {
            categories.get().and_then(Result::ok).unwrap_or_default()
        }) />
        <section class="kb-results" aria-labelledby="kb-results-heading">
            <h2 id="kb-results-heading">
                {move || i18n.t(if filter.with(|f| f.q.is_some()) { Key::KbResultsHeading } else { Key::KbArticlesHeading })}
            </h2>
            {dynamic(move || loaded(first.get(), |page| list(page).into_any()))}
        </section>
        <p class="kb-still">
            {tr(Key::KbStillNeedHelp)} " "
            <a href=Page::NewTicket.path()>{tr(Key::NavSubmit)}</a>
        </p>
    }
}

/// The search box and the category filter. Both change the URL; the page follows it.
#[component]
fn SearchBar(filter: Memo<ArticleQuery>, categories: Signal<Vec<Category>>) -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<Input>::new();
    let go = move |q: Option<String>, category: Option<i64>| {
        let mut params = Vec::new();
        if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
            params.push(format!(
                "q={}",
                String::from(js_sys::encode_uri_component(q.trim()))
            ));
        }
        if let Some(id) = category {
            params.push(format!("category={id}"));
        }
        let path = match params.is_empty() {
            true => Page::Kb.path(),
            false => format!("{}?{}", Page::Kb.path(), params.join("&")),
        };
        navigate(&path, Default::default());
    };
    let go = StoredValue::new_local(go);
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get_untracked().map(|i| i.value());
        go.with_value(|go| go(q, filter.get_untracked().category_id));
    };
    let choose = move |ev: leptos::ev::Event| {
        let category = event_target_value(&ev).parse().ok();
        go.with_value(|go| go(filter.get_untracked().q, category));
    };
    view! {
        <form class="kb-search card" role="search" on:submit=search>
            <div class="field">
                <label for="kb-search">{tr(Key::KbSearchLabel)}</label>
                <div class="kb-search-row">
                    <input id="kb-search" type="search" name="q" data-testid="kb-search" node_ref=input
                        prop:value=move || filter.with(|f| f.q.clone().unwrap_or_default()) />
                    <button type="submit" class="button primary" data-testid="kb-search-submit">{tr(Key::KbSearchSubmit)}</button>
                </div>
            </div>
            <div class="field">
                <label for="kb-category">{tr(Key::KbCategory)}</label>
                <select id="kb-category" data-testid="kb-category" on:change=choose>
                    <option value="" prop:selected=move || filter.with(|f| f.category_id.is_none())>{tr(Key::KbCategoryAll)}</option>
                    {move || categories.get().into_iter().map(|c| view! {
                        <option value=c.id prop:selected=move || filter.with(|f| f.category_id == Some(c.id))>{c.name}</option>
                    }).collect_view()}
                </select>
            </div>
        </form>
    }
}
