//! The knowledge base's categories: listed in the order they were made, and a new one added by
//! name (`POST /kb/categories`; a blank, too long or taken name is said beside the input, which
//! keeps what was typed). Where the backend offers `kb_categories`, each row renames in place
//! (the same rules, said beside the row's input) or deletes after a question; a deleted
//! category's articles stay, without a category, and the article list is read again.

use crate::api::use_api;
use crate::components::ui::{focus_id, show_refusal, FormFailure, TextField};
use crate::i18n::{fill, Key, KbAdminKey as K};
use crate::pages::admin::form_parts::{ConfirmDelete, SaveCancel};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::kb::{Category, NewCategory};
use baton_core::{Capabilities, FieldError};
use leptos::prelude::*;

/// The id of row `id`'s rename button, where focus goes back after renaming.
fn rename_button(id: i64) -> String {
    format!("kb-category-rename-open-{id}")
}

#[component]
pub fn Categories(
    categories: RwSignal<Vec<Category>>,
    /// A category was renamed or deleted: the articles show it differently.
    on_changed: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    // Renaming and deleting are a capability of their own (older backends lack them).
    let editable = use_context::<Capabilities>().is_some_and(|c| c.kb_categories);
    let name = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let new = NewCategory { name: name.get_untracked() };
        if let Err(fields) = baton_core::kb::new_category(&new) {
            errors.set(fields);
            return;
        }
        let template = i18n.t(K::CategoryAdded.into());
        let api = api.get_value();
        busy.run(async move {
            match api.create_kb_category(new.name).await {
                Ok(c) => {
                    notice.set(Some(fill(template, &[&c.name])));
                    categories.update(|l| l.push(c));
                    name.set(String::new());
                    errors.set(Vec::new());
                }
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    // The row being renamed, with what is typed there, and the row asked about deleting.
    let renaming = RwSignal::new(None::<i64>);
    let new_name = RwSignal::new(String::new());
    let rename_errors = RwSignal::new(Vec::<FieldError>::new());
    let rename_failure = RwSignal::new(None::<(Key, String)>);
    let confirming = RwSignal::new(None::<i64>);
    let open_rename = move |c: &Category| {
        confirming.set(None);
        new_name.set(c.name.clone());
        rename_errors.set(Vec::new());
        rename_failure.set(None);
        renaming.set(Some(c.id));
        request_animation_frame(|| focus_id("kb-category-new-name"));
    };
    let close_rename = move |id: i64| {
        renaming.set(None);
        request_animation_frame(move || focus_id(&rename_button(id)));
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = renaming.get_untracked() else { return };
        rename_failure.set(None);
        let patch = NewCategory { name: new_name.get_untracked() };
        if let Err(fields) = baton_core::kb::new_category(&patch) {
            rename_errors.set(fields);
            return;
        }
        let template = i18n.t(K::CategoryRenamed.into());
        let api = api.get_value();
        busy.run(async move {
            match api.rename_kb_category(id, patch.name).await {
                Ok(c) => {
                    notice.set(Some(fill(template, &[&c.name])));
                    categories.update(|l| l.iter_mut().filter(|o| o.id == c.id).for_each(|o| *o = c.clone()));
                    close_rename(id);
                    on_changed.run(());
                }
                Err(error) => show_refusal(&error, error.field_errors(), rename_errors, rename_failure),
            }
        });
    };
    let delete = move |c: Category| {
        let template = i18n.t(K::CategoryDeleted.into());
        let api = api.get_value();
        busy.run(async move {
            let result = api.delete_kb_category(c.id).await;
            confirming.set(None);
            match result {
                Ok(()) => {
                    notice.set(Some(fill(template, &[&c.name])));
                    categories.update(|l| l.retain(|o| o.id != c.id));
                    on_changed.run(());
                    request_animation_frame(|| focus_id("kb-category-name"));
                }
                Err(error) => show_refusal(&error, Vec::new(), rename_errors, rename_failure),
            }
        });
    };
    let row = move |c: Category| {
        let id = c.id;
        let label = |key: K| fill(i18n.t(key.into()), &[&c.name]);
        let (rename_label, delete_label) = (label(K::RenameCategoryOf), label(K::DeleteCategoryOf));
        let question = label(K::DeleteCategoryConfirm);
        let (shown, asked) = (c.clone(), c.clone());
        view! {
            <li data-testid="kb-category-row" data-category-id=id>
                {move || match renaming.get() == Some(id) {
                    false => view! { <span class="kb-category-name" data-testid="kb-category-title">{shown.name.clone()}</span> }.into_any(),
                    true => view! {
                        <form class="admin-form" novalidate data-testid="kb-category-rename-form" on:submit=rename>
                            <TextField id="kb-category-new-name" testid="kb-category-new-name" field="name"
                                label=Key::from(K::CategoryNewName) value=new_name errors=rename_errors required=true />
                            <SaveCancel prefix="kb-category-rename" pending=busy.signal() on_cancel=Callback::new(move |()| close_rename(id)) />
                        </form>
                    }.into_any(),
                }}
                {move || (editable && renaming.get() != Some(id)).then(|| {
                    let opened = c.clone();
                    let (rename_label, delete_label) = (rename_label.clone(), delete_label.clone());
                    view! {
                        <span class="admin-actions">
                            <button type="button" class="button" id=rename_button(id) data-testid="kb-category-rename"
                                aria-label=rename_label on:click=move |_| open_rename(&opened)>{tr(K::Rename.into())}</button>
                            <button type="button" class="button" data-testid="kb-category-delete" aria-label=delete_label
                                on:click=move |_| { renaming.set(None); confirming.set(Some(id)); }>{tr(K::Delete.into())}</button>
                        </span>
                    }
                })}
                {move || (confirming.get() == Some(id)).then(|| {
                    let asked = asked.clone();
                    view! {
                        <ConfirmDelete prefix="kb-category" question=question.clone() pending=busy.signal()
                            on_yes=Callback::new(move |()| delete(asked.clone()))
                            on_no=Callback::new(move |()| { confirming.set(None); focus_id(&rename_button(id)); }) />
                    }
                })}
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="kb-categories-h" data-testid="kb-categories">
            <h2 id="kb-categories-h">{tr(K::Categories.into())}</h2>
            <p class="admin-notice" role="status" data-testid="kb-category-notice">{move || notice.get()}</p>
            {move || categories.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(K::NoCategories.into())}</p> })}
            <FormFailure failure=rename_failure testid="kb-category-rename-error" />
            <ul class="admin-list">
                {move || categories.get().into_iter().map(row).collect_view()}
            </ul>
            <FormFailure failure testid="kb-category-error" />
            <form class="admin-form" novalidate data-testid="kb-category-form" on:submit=add>
                <TextField id="kb-category-name" testid="kb-category-name" field="name" label=Key::from(K::CategoryName) value=name errors required=true />
                <div class="form-actions button-row">
                    <button type="submit" class="button" data-testid="kb-category-add" disabled=busy.signal()>{tr(K::AddCategory.into())}</button>
                </div>
            </form>
        </section>
    }
}
