//! `/kb/:id`: one help article. Readable before signing in; a link at the end leads on to
//! submitting a ticket when the article did not help.

use crate::api::{use_api, ApiError};
use crate::components::ui::{dynamic, loaded};
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::{tr, tr_time, use_page_title};
use baton_core::kb::Article;
use baton_core::problem::code;
use baton_core::Problem;
use crate::state::load::Load;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn KbArticlePage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    let article = Load::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move {
            let id = id.ok_or_else(|| {
                ApiError::Problem(Problem::new(404, code::NOT_FOUND, "Not Found"))
            })?;
            api.kb_article(id).await
        }
    });
    use_page_title(move |i| match article.get() {
        Some(Ok(a)) => a.title,
        Some(Err(_)) => i.t(Key::KbArticleUnavailable).to_owned(),
        None => i.t(Key::Loading).to_owned(),
    });
    view! {
        <p class="kb-back"><a href=Page::Kb.path() data-testid="kb-back">{tr(Key::KbBackToList)}</a></p>
        {dynamic(move || {
            let state = article.get();
            let failed = matches!(state, Some(Err(_)));
            view! {
                {failed.then(|| view! { <h1>{tr(Key::KbArticleUnavailable)}</h1> })}
                {loaded(state, |a| show(a).into_any())}
            }
            .into_any()
        })}
    }
}

fn show(a: Article) -> impl IntoView {
    view! {
        <article class="kb-article card" data-testid="kb-article" data-article-id=a.id>
            <h1>{a.title}</h1>
            <p class="kb-card-meta">
                {a.category.map(|c| view! { <span class="kb-category">{c.name}</span> })}
                <time datetime=a.updated_at.clone()>{tr_time(Key::UpdatedAt, a.updated_at.clone())}</time>
            </p>
            // The one place the app inserts HTML: body_html was rendered from Markdown and
            // sanitized by the server (ammonia: no scripts, event handlers, javascript: URLs or
            // iframes), which is the contract of KbArticle.body_html in spec/openapi.yaml.
            <div class="kb-body" data-testid="kb-article-body" inner_html=a.body_html></div>
        </article>
        <p class="kb-still">
            {tr(Key::KbStillNeedHelp)} " "
            <a href=Page::NewTicket.path()>{tr(Key::NavSubmit)}</a>
        </p>
    }
}
