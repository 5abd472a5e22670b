//! Quick replies (issue 12): [`QuickReplies`] lists, creates, edits and deletes the replies of one
//! visibility — the shared ones on `/admin/quick-replies` ([`AdminQuickReplies`], capability
//! `workspace`, `views.manage_public` as the server asks for public replies) and an agent's own on
//! `/agent/settings`. Field errors show beside their inputs, what was typed stays; deleting asks
//! first. The reply box of a ticket (`components::agent::quick_reply`) reads them when it opens.

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{focus_id, show_refusal, FormFailure, TextArea, TextField};
use crate::i18n::{fill, Key, KbAdminKey as K};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{FieldError, NewQuickReply, QuickReply, ReplyVisibility};
use leptos::prelude::*;

/// `/admin/quick-replies`: the shared replies.
#[component]
pub fn AdminQuickReplies() -> impl IntoView {
    use_page_title(|i| i.t(K::QrTitle.into()).to_owned());
    view! {
        <AdminPage section=Section::QuickReplies>
            <QuickReplies visibility=ReplyVisibility::Public page=true />
        </AdminPage>
    }
}

/// The replies of `visibility` the signed-in agent sees, with their editor.
#[component]
pub fn QuickReplies(
    visibility: ReplyVisibility,
    /// The page's own list (its heading the page's `<h1>`), rather than a section of a page.
    #[prop(optional)]
    page: bool,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let public = visibility == ReplyVisibility::Public;
    let replies = RwSignal::new(None::<Vec<QuickReply>>);
    leptos::task::spawn_local(async move {
        match api.get_value().quick_replies().await {
            Ok(list) => _ = replies.try_set(Some(list.into_iter().filter(|r| r.visibility == visibility).collect())),
            Err(e) => toasts.api_error(&e),
        }
    });
    // `Some(None)`: a new reply; `Some(Some(r))`: changing `r`.
    let editing = RwSignal::new(None::<Option<QuickReply>>);
    let confirming = RwSignal::new(None::<i64>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let saved = Callback::new(move |r: QuickReply| {
        notice.set(Some(fill(i18n.t(K::QrSaved.into()), &[&r.title])));
        replies.update(|l| {
            let l = l.get_or_insert_with(Vec::new);
            match l.iter_mut().find(|x| x.id == r.id) {
                Some(x) => *x = r,
                None => l.push(r),
            }
            l.sort_by(|a, b| a.title.cmp(&b.title));
        });
        editing.set(None);
        request_animation_frame(|| focus_id("qr-new"));
    });
    let delete = move |id: i64, title: String| {
        let api = api.get_value();
        let done = fill(i18n.t(K::QrDeleted.into()), &[&title]);
        busy.run(async move {
            let result = api.delete_quick_reply(id).await;
            confirming.set(None);
            match result {
                Ok(()) => {
                    replies.update(|l| if let Some(l) = l { l.retain(|r| r.id != id) });
                    notice.set(Some(done));
                    request_animation_frame(|| focus_id("qr-new"));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let (heading, intro) = if public { (K::QrTitle, K::QrIntro) } else { (K::QrMineTitle, K::QrMineIntro) };
    let row = move |r: QuickReply| {
        let (id, title) = (r.id, r.title.clone());
        let label = |key: K| fill(i18n.t(key.into()), &[&r.title]);
        let (edit_label, delete_label) = (label(K::EditOf), label(K::QrDeleteOf));
        let question = label(K::QrDeleteConfirm);
        let reply = r.clone();
        view! {
            <li data-testid="qr-row" data-reply-id=id>
                <span><strong>{r.title.clone()}</strong><br /><span class="muted qr-body">{r.body.clone()}</span></span>
                <span class="admin-actions">
                    <button type="button" class="button" data-testid="qr-edit" aria-label=edit_label
                        on:click=move |_| editing.set(Some(Some(reply.clone())))>{tr(K::Edit.into())}</button>
                    <button type="button" class="button" data-testid="qr-delete" aria-label=delete_label
                        on:click=move |_| confirming.set(Some(id))>{tr(K::Delete.into())}</button>
                </span>
                {move || (confirming.get() == Some(id)).then(|| {
                    let title = title.clone();
                    view! {
                        <div class="admin-confirm" role="alertdialog" aria-label=question.clone() data-testid="qr-confirm">
                            <p>{question.clone()}</p>
                            <button type="button" class="button danger" data-testid="qr-confirm-yes" disabled=pending
                                on:click=move |_| delete(id, title.clone())>{tr(K::Delete.into())}</button>
                            <button type="button" class="button" data-testid="qr-confirm-no"
                                on:click=move |_| confirming.set(None)>{tr(K::Keep.into())}</button>
                        </div>
                    }
                })}
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="qr-heading" data-testid="quick-replies" data-visibility=if public { "public" } else { "private" }>
            <div class="admin-head">
                {if page {
                    view! { <h1 id="qr-heading">{tr(heading.into())}</h1> }.into_any()
                } else {
                    view! { <h2 id="qr-heading">{tr(heading.into())}</h2> }.into_any()
                }}
                <button type="button" class="button" id="qr-new" data-testid="qr-new"
                    on:click=move |_| editing.set(Some(None))>{tr(K::QrNew.into())}</button>
            </div>
            <p class="muted">{tr(intro.into())}</p>
            <p class="admin-notice" role="status" data-testid="qr-notice">{move || notice.get()}</p>
            {move || editing.get().map(|existing| view! {
                <QuickReplyForm existing visibility on_saved=saved on_cancel=Callback::new(move |()| editing.set(None)) />
            })}
            {move || match replies.get() {
                None => None,
                Some(l) if l.is_empty() => Some(view! { <p class="muted" data-testid="qr-empty">{tr(K::QrNone.into())}</p> }.into_any()),
                Some(l) => Some(view! { <ul class="admin-list">{l.into_iter().map(row).collect_view()}</ul> }.into_any()),
            }}
        </section>
    }
}

/// A reply's title and text; saved with `visibility`.
#[component]
fn QuickReplyForm(existing: Option<QuickReply>, visibility: ReplyVisibility, on_saved: Callback<QuickReply>, on_cancel: Callback<()>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let id = existing.as_ref().map(|r| r.id);
    let title = RwSignal::new(existing.as_ref().map(|r| r.title.clone()).unwrap_or_default());
    let body = RwSignal::new(existing.as_ref().map(|r| r.body.clone()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let reply = NewQuickReply { title: title.get_untracked(), body: body.get_untracked(), visibility };
        // The same checks as the server's, before asking it.
        if let Err(fields) = baton_core::agent::checks::new_quick_reply(&reply) {
            errors.set(fields);
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            match api.save_quick_reply(id, &reply).await {
                Ok(saved) => on_saved.run(saved),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    request_animation_frame(|| focus_id("qr-title"));
    let heading = if id.is_some() { K::QrEdit } else { K::QrNew };
    view! {
        <form class="form admin-panel" novalidate on:submit=submit data-testid="qr-form" aria-labelledby="qr-form-h">
            <h3 id="qr-form-h">{tr(heading.into())}</h3>
            <FormFailure failure testid="qr-error" />
            <TextField id="qr-title" testid="qr-title" field="title" label=Key::from(K::QrFieldTitle) value=title errors required=true />
            <TextArea id="qr-body" testid="qr-body" field="body" label=Key::from(K::QrFieldBody) value=body errors required=true
                hint=Some(Key::from(K::QrBodyHint).into()) rows=5 />
            <div class="form-actions button-row">
                <button type="submit" class="button primary" data-testid="qr-save" disabled=busy.signal()>{tr(K::Save.into())}</button>
                <button type="button" class="button" data-testid="qr-cancel" on:click=move |_| on_cancel.run(())>{tr(K::Cancel.into())}</button>
            </div>
        </form>
    }
}
