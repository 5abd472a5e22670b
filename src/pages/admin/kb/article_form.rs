//! One article's editor: title, category and the Markdown body, saved with `POST /kb/articles`
//! (new articles are drafts) or `PATCH /kb/articles/{id}`, published or unpublished from here too.
//! The preview is the `body_html` the server answers a save with: Markdown is rendered and
//! sanitized by the server alone (the help center shows the same HTML), never in the SPA, so
//! "Save and preview" saves first. Field errors show beside their inputs, what was typed stays.

use crate::api::use_api;
use crate::components::ui::{focus_id, show_refusal, FormFailure, Loading, TextArea, TextField};
use crate::i18n::{fill, Key, KbAdminKey as K};
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::kb::{Article, ArticlePatch, ArticleStatus, Category, NewArticle};
use baton_core::FieldError;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ArticleForm(
    /// The article to change; `None` for a new one.
    id: Option<i64>,
    categories: Signal<Vec<Category>>,
    /// Called with the announcement once something was saved.
    on_saved: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let id = RwSignal::new(id);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    // The last saved version: its status and sanitized HTML.
    let saved = RwSignal::new(None::<Article>);
    let ready = RwSignal::new(id.get_untracked().is_none());
    let show_preview = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    if let Some(existing) = id.get_untracked() {
        spawn_local(async move {
            match api.get_value().kb_article(existing).await {
                Ok(a) => {
                    title.try_set(a.title.clone());
                    body.try_set(a.body_markdown.clone());
                    category.try_set(a.category.as_ref().map(|c| c.id.to_string()).unwrap_or_default());
                    saved.try_set(Some(a));
                }
                Err(e) => _ = failure.try_set(Some(crate::i18n::error_message(&e))),
            }
            ready.try_set(true);
        });
    }
    request_animation_frame(|| focus_id("kb-title"));
    // Saves what is typed, with `status` if it changes; `preview` opens the preview afterwards.
    let save = move |status: Option<ArticleStatus>, preview: bool| {
        failure.set(None);
        let (t, b) = (title.get_untracked(), body.get_untracked());
        let c: Option<i64> = category.get_untracked().parse().ok();
        let new = NewArticle { title: t.clone(), body_markdown: b.clone(), category_id: c, status: status.unwrap_or_default() };
        // The server's checks first, so a blank title is said at once.
        if let Err(fields) = baton_core::kb::new_article(&new) {
            errors.set(fields);
            return;
        }
        let said = match status {
            Some(ArticleStatus::Published) => K::PublishedNotice,
            Some(ArticleStatus::Draft) => K::UnpublishedNotice,
            None => K::Saved,
        };
        let text = fill(i18n.t(said.into()), &[t.trim()]);
        let api = api.get_value();
        busy.run(async move {
            let result = match id.get_untracked() {
                Some(existing) => {
                    let patch = ArticlePatch { title: Some(t), body_markdown: Some(b), category_id: Some(c), status };
                    api.change_kb_article(existing, &patch).await
                }
                None => api.create_kb_article(&new).await,
            };
            match result {
                Ok(a) => {
                    errors.set(Vec::new());
                    id.set(Some(a.id));
                    saved.set(Some(a));
                    show_preview.set(preview || show_preview.get_untracked());
                    on_saved.run(text);
                    if preview {
                        request_animation_frame(|| focus_id("kb-preview-h"));
                    }
                }
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    let status = move || saved.with(|a| a.as_ref().map(|a| a.status));
    let heading = move || i18n.t(if id.get().is_some() { K::EditArticle } else { K::NewArticle }.into());
    view! {
        <section class="card form admin-panel kb-editor" data-testid="kb-editor" aria-labelledby="kb-editor-h">
            <h2 id="kb-editor-h">{heading}</h2>
            <FormFailure failure testid="kb-error" />
            {move || (!ready.get()).then(|| view! { <Loading /> })}
            <form novalidate data-testid="kb-form" on:submit=move |ev| { ev.prevent_default(); save(None, false); }>
                <TextField id="kb-title" testid="kb-title" field="title" label=Key::from(K::FieldTitle) value=title errors required=true />
                <div class="field">
                    <label for="kb-article-category">{tr(K::Category.into())}</label>
                    <select id="kb-article-category" data-testid="kb-article-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="" selected=move || category.get().is_empty()>{tr(K::NoCategory.into())}</option>
                        {move || categories.get().into_iter().map(|c| {
                            let v = c.id.to_string();
                            let selected = move || category.get() == v;
                            view! { <option value=c.id.to_string() selected=selected>{c.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextArea id="kb-body" testid="kb-body" field="body_markdown" label=Key::from(K::FieldBody) value=body errors rows=14
                    hint=Some(Key::from(K::BodyHint).into()) />
                <div class="form-actions button-row">
                    <button type="submit" class="button primary" data-testid="kb-save" disabled=pending>{tr(K::Save.into())}</button>
                    <button type="button" class="button" data-testid="kb-preview" disabled=pending on:click=move |_| save(None, true)>{tr(K::SavePreview.into())}</button>
                    {move || match status() {
                        Some(ArticleStatus::Published) => view! {
                            <button type="button" class="button" data-testid="kb-unpublish" disabled=pending
                                on:click=move |_| save(Some(ArticleStatus::Draft), false)>{tr(K::Unpublish.into())}</button>
                        }.into_any(),
                        _ => view! {
                            <button type="button" class="button" data-testid="kb-publish" disabled=pending
                                on:click=move |_| save(Some(ArticleStatus::Published), false)>{tr(K::Publish.into())}</button>
                        }.into_any(),
                    }}
                    <button type="button" class="button" data-testid="kb-close" on:click=move |_| on_close.run(())>{tr(K::Close.into())}</button>
                </div>
            </form>
            {move || (status() == Some(ArticleStatus::Published)).then(|| id.get().map(|id| view! {
                <p><a href=Page::KbArticle(id).path() target="_blank" rel="noopener" data-testid="kb-open">{tr(K::OpenInHelpCenter.into())}</a></p>
            }))}
            {move || show_preview.get().then(|| view! {
                <section class="kb-preview" aria-labelledby="kb-preview-h" data-testid="kb-preview-panel">
                    <h3 id="kb-preview-h" tabindex="-1">{tr(K::Preview.into())}</h3>
                    <p class="muted">{tr(K::PreviewHint.into())}</p>
                    {move || match saved.get() {
                        // The server's sanitized rendering, as `pages::help_center::kb_article` shows it
                        // (the contract of KbArticle.body_html in spec/openapi.yaml).
                        Some(a) => view! { <div class="kb-body" data-testid="kb-preview-body" inner_html=a.body_html></div> }.into_any(),
                        None => view! { <p class="muted">{tr(K::PreviewEmpty.into())}</p> }.into_any(),
                    }}
                </section>
            })}
        </section>
    }
}
