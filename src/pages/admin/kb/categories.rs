//! The knowledge base's categories: listed in the order they were made, and a new one added by
//! name (`POST /kb/categories`; a blank, too long or taken name is said beside the input, which
//! keeps what was typed). The API offers neither renaming nor deleting a category.

use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{fill, Key, KbAdminKey as K};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::kb::{Category, NewCategory};
use baton_core::FieldError;
use leptos::prelude::*;

#[component]
pub fn Categories(categories: RwSignal<Vec<Category>>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
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
    view! {
        <section class="card" aria-labelledby="kb-categories-h" data-testid="kb-categories">
            <h2 id="kb-categories-h">{tr(K::Categories.into())}</h2>
            <p class="admin-notice" role="status" data-testid="kb-category-notice">{move || notice.get()}</p>
            {move || categories.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(K::NoCategories.into())}</p> })}
            <ul class="admin-list">
                {move || categories.get().into_iter().map(|c| view! { <li data-testid="kb-category-row" data-category-id=c.id>{c.name}</li> }).collect_view()}
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
