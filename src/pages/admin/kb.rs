//! `/admin/kb` (issue 12, `kb.write`): the knowledge base's articles of every status — title,
//! category, status, last change — filtered by status and category, each published or
//! unpublished in place or opened in the editor ([`article_form`], Markdown with the server's
//! sanitized preview), or deleted after a confirmation in its row; and the categories
//! ([`categories`]: added, renamed and deleted).

mod article_form;
mod categories;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{focus_id, ErrorPanel};
use crate::i18n::{fill, format_time, KbAdminKey as K};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use article_form::ArticleForm;
use baton_core::kb::{ArticlePatch, ArticleStatus, ArticleSummary, Category};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The translated name of a status.
fn status_key(status: ArticleStatus) -> K {
    match status {
        ArticleStatus::Published => K::Published,
        ArticleStatus::Draft => K::Draft,
    }
}

#[component]
pub fn AdminKb() -> impl IntoView {
    use_page_title(|i| i.t(K::Title.into()).to_owned());
    view! {
        <AdminPage section=Section::Kb>
            <div class="admin-head"><h1>{tr(K::Title.into())}</h1></div>
            <p class="muted">{tr(K::Intro.into())}</p>
            <KbEditor />
        </AdminPage>
    }
}

#[component]
fn KbEditor() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let categories = RwSignal::new(Vec::<Category>::new());
    spawn_local(async move {
        if let Ok(list) = api.get_value().kb_categories().await {
            categories.try_set(list);
        }
    });
    // Filters: `status` is the API's (`all`, `published`, `draft`), `category` an id or "".
    let status = RwSignal::new("all".to_owned());
    let category = RwSignal::new(String::new());
    let rows = RwSignal::new(None::<Vec<ArticleSummary>>);
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<crate::api::ApiError>);
    let load = move |more: bool| {
        let (s, c) = (status.get_untracked(), category.get_untracked().parse().ok());
        let cursor = if more { next.get_untracked() } else { None };
        let api = api.get_value();
        spawn_local(async move {
            match api.kb_admin_articles(&s, c, cursor.as_deref()).await {
                Ok(page) => {
                    let mut items = if more { rows.get_untracked().unwrap_or_default() } else { Vec::new() };
                    items.extend(page.items);
                    rows.try_set(Some(items));
                    next.try_set(page.next_cursor);
                    error.try_set(None);
                }
                Err(e) => _ = error.try_set(Some(e)),
            }
        });
    };
    load(false);
    // The editor: `Some(None)` a new article, `Some(Some(id))` article `id`.
    let editing = RwSignal::new(None::<Option<i64>>);
    let notice = RwSignal::new(None::<String>);
    let on_saved = Callback::new(move |text: String| {
        notice.set(Some(text));
        load(false);
    });
    let on_close = Callback::new(move |()| {
        editing.set(None);
        request_animation_frame(|| focus_id("kb-new"));
    });
    let busy = Busy::new();
    let flip = move |a: ArticleSummary| {
        let to = match a.status {
            ArticleStatus::Published => ArticleStatus::Draft,
            ArticleStatus::Draft => ArticleStatus::Published,
        };
        let said = if to == ArticleStatus::Published { K::PublishedNotice } else { K::UnpublishedNotice };
        let text = fill(i18n.t(said.into()), &[&a.title]);
        let api = api.get_value();
        busy.run(async move {
            match api.change_kb_article(a.id, &ArticlePatch { status: Some(to), ..Default::default() }).await {
                Ok(_) => on_saved.run(text),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    // Deleting asks first, in the row (`confirming` is the article asked about).
    let confirming = RwSignal::new(None::<i64>);
    let delete = move |id: i64, title: String| {
        let text = fill(i18n.t(K::DeletedNotice.into()), &[&title]);
        let api = api.get_value();
        busy.run(async move {
            let result = api.delete_kb_article(id).await;
            confirming.set(None);
            match result {
                Ok(()) => {
                    if editing.get_untracked() == Some(Some(id)) {
                        editing.set(None);
                    }
                    on_saved.run(text);
                    request_animation_frame(|| focus_id("kb-new"));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let category_options = move |all: K| {
        let mut options = vec![(String::new(), i18n.t(all.into()).to_owned())];
        options.extend(categories.get().into_iter().map(|c| (c.id.to_string(), c.name)));
        options
    };
    let row = move |a: ArticleSummary| {
        let (id, title) = (a.id, a.title.clone());
        let (at, when) = (a.updated_at.clone(), a.updated_at.clone());
        let (status, flipped) = (a.status, a.clone());
        let flip_label = fill(i18n.t(if a.status == ArticleStatus::Published { K::UnpublishOf } else { K::PublishOf }.into()), &[&title]);
        let flip_text = if a.status == ArticleStatus::Published { K::Unpublish } else { K::Publish };
        let label = |key: K| i18n.t(key.into());
        view! {
            <tr data-testid="kb-row" data-article-id=id data-status=status.code()>
                <td data-label=label(K::ColTitle)><strong>{a.title.clone()}</strong></td>
                <td data-label=label(K::Category)>{a.category.clone().map(|c| c.name).unwrap_or_else(|| label(K::NoCategory).to_owned())}</td>
                <td data-label=label(K::Status)><span class="badge" class:state-active=a.status == ArticleStatus::Published>{tr(status_key(a.status).into())}</span></td>
                <td data-label=label(K::ColUpdated)><time datetime=at>{move || format_time(&when, i18n.locale())}</time></td>
                <td><span class="admin-actions">
                    <button type="button" class="button" data-testid="kb-edit" aria-label=fill(label(K::EditOf), &[&title])
                        on:click=move |_| editing.set(Some(Some(id)))>{tr(K::Edit.into())}</button>
                    <button type="button" class="button" data-testid="kb-flip" aria-label=flip_label disabled=busy.signal()
                        on:click=move |_| flip(flipped.clone())>{tr(flip_text.into())}</button>
                    <button type="button" class="button" data-testid="kb-delete" aria-label=fill(label(K::QrDeleteOf), &[&title])
                        on:click=move |_| confirming.set(Some(id))>{tr(K::Delete.into())}</button>
                </span>
                {move || (confirming.get() == Some(id)).then(|| {
                    let (question, title) = (fill(i18n.t(K::DeleteArticleConfirm.into()), &[&title]), title.clone());
                    view! {
                        <div class="admin-confirm" role="alertdialog" aria-label=question.clone() data-testid="kb-confirm">
                            <p>{question.clone()}</p>
                            <button type="button" class="button danger" data-testid="kb-confirm-yes" disabled=busy.signal()
                                on:click=move |_| delete(id, title.clone())>{tr(K::Delete.into())}</button>
                            <button type="button" class="button" data-testid="kb-confirm-no"
                                on:click=move |_| confirming.set(None)>{tr(K::Keep.into())}</button>
                        </div>
                    }
                })}
                </td>
            </tr>
        }
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|id| view! { <ArticleForm id categories=categories.into() on_saved on_close /> })}
        <section class="card" aria-labelledby="kb-articles-h" data-testid="kb-articles">
            <div class="admin-head">
                <h2 id="kb-articles-h">{tr(K::Articles.into())}</h2>
                <button type="button" class="button" id="kb-new" data-testid="kb-new" on:click=move |_| editing.set(Some(None))>{tr(K::NewArticle.into())}</button>
            </div>
            <div class="kb-filters" role="group" aria-labelledby="kb-articles-h">
                <div class="field">
                    <label for="kb-status">{tr(K::Status.into())}</label>
                    <select id="kb-status" data-testid="kb-status" on:change=move |ev| { status.set(event_target_value(&ev)); load(false); }>
                        {[("all", K::AllStatuses), ("published", K::Published), ("draft", K::Draft)].map(|(v, k)| view! {
                            <option value=v selected=move || status.get() == v>{tr(k.into())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="kb-category">{tr(K::Category.into())}</label>
                    <select id="kb-category" data-testid="kb-category" on:change=move |ev| { category.set(event_target_value(&ev)); load(false); }>
                        {move || category_options(K::AllCategories).into_iter().map(|(v, t)| {
                            let sel = category.get_untracked() == v;
                            view! { <option value=v selected=sel>{t}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || error.get().map(|error| view! { <ErrorPanel error /> })}
            {move || rows.get().map(|list| if list.is_empty() {
                view! { <p class="muted" data-testid="kb-empty">{tr(K::NoArticles.into())}</p> }.into_any()
            } else {
                view! {
                    <div class="admin-scroll">
                        <table class="admin-table" data-testid="kb-table">
                            <thead><tr>
                                <th scope="col">{tr(K::ColTitle.into())}</th>
                                <th scope="col">{tr(K::Category.into())}</th>
                                <th scope="col">{tr(K::Status.into())}</th>
                                <th scope="col">{tr(K::ColUpdated.into())}</th>
                                <th scope="col"><span class="sr-only">{tr(K::Edit.into())}</span></th>
                            </tr></thead>
                            <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            })}
            {move || next.get().map(|_| view! {
                <button type="button" class="button" data-testid="kb-more" on:click=move |_| load(true)>{tr(K::More.into())}</button>
            })}
        </section>
        <categories::Categories categories on_changed=Callback::new(move |()| {
            // A deleted category cannot stay the filter.
            if !categories.with_untracked(|l| l.iter().any(|c| c.id.to_string() == category.get_untracked())) {
                category.set(String::new());
            }
            load(false);
        }) />
    }
}
