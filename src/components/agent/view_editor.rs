//! The view editor (`view-new` opens it): name, who sees it (public only offered to admins),
//! conditions, sort and visible columns; `view-save` creates or replaces the view. The server's
//! 422 errors show next to the field or condition row they name, and nothing typed is lost.
//! An existing view can also be deleted here.

// Automations' rule form (the admin bundle) reuses the condition rows.
pub(crate) mod catalog;
pub(crate) mod condition_row;
mod customer_suggestions;

use crate::api::use_api;
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::{ListKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{Column, FieldError, NewView, Op, SortDir, SortField, View, ViewSort, Visibility, DEFAULT_COLUMNS};
use catalog::{Catalog, FIELDS};
use condition_row::{ConditionRow, Row};
use leptos::prelude::*;

/// Every column, in the order the editor lists them, with its label.
pub const COLUMNS: [(Column, ListKey); 13] = [
    (Column::Number, ListKey::ColNumber),
    (Column::Title, ListKey::ColTitle),
    (Column::Status, ListKey::ColStatus),
    (Column::Priority, ListKey::ColPriority),
    (Column::Requester, ListKey::ColRequester),
    (Column::Assignee, ListKey::ColAssignee),
    (Column::Group, ListKey::ColGroup),
    (Column::Type, ListKey::ColType),
    (Column::Tags, ListKey::ColTags),
    (Column::Channel, ListKey::ColChannel),
    (Column::CreatedAt, ListKey::ColCreated),
    (Column::UpdatedAt, ListKey::ColUpdated),
    (Column::Sla, ListKey::ColSla),
];

/// The sort fields with their labels.
pub const SORTS: [(SortField, ListKey); 5] = [
    (SortField::UpdatedAt, ListKey::ColUpdated),
    (SortField::CreatedAt, ListKey::ColCreated),
    (SortField::Priority, ListKey::ColPriority),
    (SortField::Number, ListKey::ColNumber),
    (SortField::Status, ListKey::ColStatus),
];

/// The code of a column, for `data-column` and `<input value>`.
pub fn column_code(c: Column) -> &'static str {
    match c {
        Column::Number => "number",
        Column::Title => "title",
        Column::Status => "status",
        Column::Priority => "priority",
        Column::Requester => "requester",
        Column::Assignee => "assignee",
        Column::Group => "group",
        Column::Type => "type",
        Column::Tags => "tags",
        Column::Channel => "channel",
        Column::CreatedAt => "created_at",
        Column::UpdatedAt => "updated_at",
        Column::Sla => "sla",
    }
}

#[component]
pub fn ViewEditor(
    /// The view to edit; `None` for a new one.
    existing: Option<View>,
    /// Whether the user may make public views (admins).
    may_publish: bool,
    /// Saved (created or replaced): the view as the server has it.
    #[prop(into)]
    on_saved: Callback<View>,
    /// Deleted: its id.
    #[prop(into)]
    on_deleted: Callback<String>,
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let catalog = Catalog::load(api.get_value());
    let editing = existing.as_ref().map(|v| v.id.clone());
    let name = RwSignal::new(existing.as_ref().map(|v| v.name.clone()).unwrap_or_default());
    let visibility = RwSignal::new(existing.as_ref().map_or(Visibility::Private, |v| v.visibility));
    let next_key = StoredValue::new(0u64);
    let fresh_key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let rows = RwSignal::new(match &existing {
        Some(v) => v.conditions.iter().map(|c| Row::from_condition(fresh_key(), c)).collect::<Vec<_>>(),
        None => vec![Row::new(fresh_key(), FIELDS[1].0, Op::Is, Vec::new())],
    });
    let sort = RwSignal::new(existing.as_ref().map(|v| v.sort).unwrap_or_default());
    let columns = RwSignal::new(existing.as_ref().map_or_else(|| DEFAULT_COLUMNS.to_vec(), |v| v.columns.clone()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let confirm_delete = RwSignal::new(false);
    let busy = Busy::new();

    let add = move |_| rows.update(|r| r.push(Row::new(fresh_key(), FIELDS[0].0, Op::Is, Vec::new())));
    let remove = move |key: u64| {
        rows.update(|r| r.retain(|row| row.key != key));
        // The errors name rows by position, which just changed.
        errors.update(|e| e.retain(|e| !e.field.starts_with("conditions")));
    };
    let id_for_save = editing.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = i18n.locale().code();
        let conditions = rows.get_untracked().iter().map(|r| {
            let known = untrack(|| catalog.options(&r.field.get_untracked(), locale).is_some());
            r.condition(known)
        }).collect();
        let body = NewView {
            name: name.get_untracked(),
            visibility: visibility.get_untracked(),
            conditions,
            sort: sort.get_untracked(),
            columns: COLUMNS.iter().map(|(c, _)| *c).filter(|c| columns.with_untracked(|s| s.contains(c))).collect(),
        };
        let id = id_for_save.clone();
        let api = api.get_value();
        busy.run(async move {
            let result = match &id {
                Some(id) => api.update_view(id, &body).await,
                None => api.create_view(&body).await,
            };
            match result {
                Ok(view) => {
                    errors.set(Vec::new());
                    toasts.success(ListKey::ViewSaved.into());
                    on_saved.run(view);
                }
                Err(e) => {
                    let found = e.field_errors();
                    let ours = found.iter().any(|f| f.field == "name" || f.field.starts_with("conditions") || f.field == "columns");
                    if !ours {
                        toasts.api_error(&e);
                    }
                    errors.set(found);
                }
            }
        });
    };
    let id_for_delete = editing.clone();
    let delete = move |_| {
        let Some(id) = id_for_delete.clone() else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.delete_view(&id).await {
                Ok(()) => {
                    toasts.success(ListKey::ViewDeleted.into());
                    on_deleted.run(id);
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let heading = if editing.is_some() { ListKey::EditView } else { ListKey::NewView };
    let general_errors = move || errors.with(|e| e.iter().find(|e| e.field == "conditions" || e.field == "columns").cloned());
    view! {
        <form class="view-editor card" data-testid="view-editor" on:submit=save aria-labelledby="view-editor-heading" novalidate>
            <h2 id="view-editor-heading">{tr(heading.into())}</h2>
            <div class="field">
                <label for="view-name">{tr(ListKey::ViewName.into())}</label>
                <input id="view-name" type="text" data-testid="view-name" maxlength="100" required
                    aria-invalid=move || errors.with(|e| e.iter().any(|e| e.field == "name")).then_some("true")
                    aria-describedby=move || errors.with(|e| e.iter().any(|e| e.field == "name")).then(|| error_id("view-name"))
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <FieldErrorText input_id="view-name" field="name" errors=errors />
            </div>
            <div class="field">
                <label for="view-visibility">{tr(ListKey::Visibility.into())}</label>
                <select id="view-visibility" data-testid="view-visibility"
                    on:change=move |ev| visibility.set(if event_target_value(&ev) == "public" { Visibility::Public } else { Visibility::Private })>
                    <option value="private" selected=move || visibility.get() == Visibility::Private>{tr(ListKey::VisPrivate.into())}</option>
                    {(may_publish || visibility.get_untracked() == Visibility::Public).then(|| view! {
                        <option value="public" selected=move || visibility.get() == Visibility::Public>{tr(ListKey::VisPublic.into())}</option>
                    })}
                </select>
            </div>
            <fieldset class="conditions">
                <legend>{tr(ListKey::ConditionsHeading.into())}</legend>
                {move || rows.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(ListKey::NoConditions.into())}</p> })}
                <ol class="condition-list">
                    <For each=move || rows.get() key=|r| r.key let:row>
                        <ConditionRow row catalog errors
                            index=Signal::derive(move || rows.with(|r| r.iter().position(|x| x.key == row.key).unwrap_or(0)))
                            on_remove=remove />
                    </For>
                </ol>
                {move || general_errors().map(|e| view! {
                    <p class="field-error" data-testid="field-error" data-field=e.field.clone()>{tr(crate::i18n::field_key(&e.code))}</p>
                })}
                <button type="button" class="button" data-testid="condition-add" on:click=add>{tr(ListKey::AddCondition.into())}</button>
            </fieldset>
            {sort_and_columns(sort, columns)}
            <div class="button-row">
                <button type="submit" class="button primary" data-testid="view-save" disabled=busy.signal()>
                    {tr_while(busy.signal(), ListKey::Saving.into(), ListKey::SaveView.into())}
                </button>
                <button type="button" class="button" data-testid="view-cancel" on:click=move |_| on_cancel.run(())>
                    {tr(ListKey::Cancel.into())}
                </button>
                {editing.is_some().then(|| view! {
                    <Show when=move || confirm_delete.get()
                        fallback=move || view! {
                            <button type="button" class="button danger" data-testid="view-delete" on:click=move |_| confirm_delete.set(true)>
                                {tr(ListKey::DeleteView.into())}
                            </button>
                        }>
                        <span role="group" aria-label=move || i18n.t(ListKey::DeleteAsk.into())>
                            <span>{tr(ListKey::DeleteAsk.into())}</span>
                            <button type="button" class="button danger" data-testid="view-delete-confirm" on:click=delete.clone()>
                                {tr(ListKey::DeleteYes.into())}
                            </button>
                            <button type="button" class="button" on:click=move |_| confirm_delete.set(false)>
                                {tr(ListKey::DeleteNo.into())}
                            </button>
                        </span>
                    </Show>
                })}
            </div>
        </form>
    }
}

fn sort_and_columns(sort: RwSignal<ViewSort>, columns: RwSignal<Vec<Column>>) -> impl IntoView {
    let sort_field = move |ev| {
        let code = event_target_value(&ev);
        if let Some(f) = SortField::from_code(&code) {
            sort.update(|s| s.field = f);
        }
    };
    let sort_dir = move |ev| {
        let dir = if event_target_value(&ev) == "asc" { SortDir::Asc } else { SortDir::Desc };
        sort.update(|s| s.dir = dir);
    };
    view! {
        <fieldset class="view-sort">
            <legend>{tr(ListKey::SortHeading.into())}</legend>
            <label for="view-sort-field">{tr(ListKey::SortField.into())}</label>
            <select id="view-sort-field" data-testid="view-sort-field" on:change=sort_field>
                {SORTS.iter().map(|(f, k)| {
                    let f = *f;
                    view! { <option value=f.code() selected=move || sort.get().field == f>{tr((*k).into())}</option> }
                }).collect_view()}
            </select>
            <label for="view-sort-dir">{tr(ListKey::SortDir.into())}</label>
            <select id="view-sort-dir" data-testid="view-sort-dir" on:change=sort_dir>
                <option value="desc" selected=move || sort.get().dir == SortDir::Desc>{tr(ListKey::DirDesc.into())}</option>
                <option value="asc" selected=move || sort.get().dir == SortDir::Asc>{tr(ListKey::DirAsc.into())}</option>
            </select>
        </fieldset>
        <fieldset class="view-columns">
            <legend>{tr(ListKey::ColumnsHeading.into())}</legend>
            {COLUMNS.iter().map(|(c, k)| {
                let c = *c;
                view! {
                    <label class="check">
                        <input type="checkbox" data-testid="view-column" value=column_code(c)
                            prop:checked=move || columns.with(|s| s.contains(&c))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                columns.update(|s| { s.retain(|x| *x != c); if on { s.push(c) } });
                            } />
                        {tr(Key::from(*k))}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
