//! Custom fields: a type's or one sub-type's, listed with key, label, kind, required and
//! switched on or off, moved up or down (`PUT /admin/fields/order`), edited (label, required,
//! help, on/off: `PUT /admin/fields/{id}`); and the form adding one — key, label, kind of the
//! ten, required, help, a dictionary for select-like kinds and an optional cascade parent among
//! the fields with options. `NewField::check` runs first; the server's 422 shows beside its input.

use super::{moved, refused, text_of, Bilingual, Catalog};
use crate::api::use_api;
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::catalog::kind_key;
use crate::i18n::{fill, CatalogKey as C};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{AdminField, AdminTicketType, FieldChange, FieldError, FieldKind, NewField};
use leptos::prelude::*;

#[component]
pub fn FieldList(catalog: Catalog, fields: Vec<AdminField>) -> impl IntoView {
    let ids: Vec<i64> = fields.iter().map(|f| f.id).collect();
    if fields.is_empty() {
        return view! { <p class="muted">{tr(C::NoFields.into())}</p> }.into_any();
    }
    view! {
        <ul class="admin-list">
            {fields.into_iter().map(|f| view! { <FieldRow f ids=ids.clone() catalog /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn FieldRow(f: AdminField, ids: Vec<i64>, catalog: Catalog) -> impl IntoView {
    let (api, i18n, toasts) = (StoredValue::new(use_api()), use_i18n(), use_toasts());
    let busy = Busy::new();
    let (id, active, key) = (f.id, f.active, f.key.clone());
    let editing = RwSignal::new(false);
    let change = FieldChange { label: f.label.clone(), required: f.required, help: f.help.clone(), active: f.active };
    let toggle = {
        let change = FieldChange { active: !active, ..change.clone() };
        move |_| {
            let (api, change) = (api.get_value(), change.clone());
            busy.run(async move {
                match api.change_field(id, &change).await {
                    Ok(t) => catalog.put_type(t),
                    Err(e) => toasts.api_error(&e),
                }
            });
        }
    };
    let ids = StoredValue::new(ids);
    let shift = move |up: bool| {
        let Some(ids) = moved(&ids.get_value(), id, up) else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.order_fields(ids).await {
                Ok(t) => catalog.put_type(t),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let change = StoredValue::new(change);
    let said = {
        let key = key.clone();
        move |k: C| {
            let key = key.clone();
            move || fill(i18n.t(k.into()), &[&key])
        }
    };
    let label = f.label.clone();
    view! {
        <li class:muted=!active data-testid="catalog-field" data-key=key.clone() data-active=active.to_string()>
            <span><code>{key.clone()}</code>" · "{move || label.get(i18n.locale().code()).to_owned()}" · "{tr(kind_key(f.kind).into())}
                {f.required.then(|| view! { " · " {tr(C::Required.into())} })}
                {(!active).then(|| view! { " " <span class="badge">{tr(C::Off.into())}</span> })}</span>
            <span class="admin-actions">
                <button type="button" class="button" data-testid="field-up" aria-label=said(C::MoveUp) on:click=move |_| shift(true)>"↑"</button>
                <button type="button" class="button" data-testid="field-down" aria-label=said(C::MoveDown) on:click=move |_| shift(false)>"↓"</button>
                <button type="button" class="button" data-testid="field-edit" aria-label=said(C::EditOf)
                    aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>{tr(C::Edit.into())}</button>
                <button type="button" class="button" data-testid="field-toggle" on:click=toggle>
                    {said(if active { C::SwitchOff } else { C::SwitchOn })}</button>
            </span>
            {move || editing.get().then(|| view! { <FieldEdit id change=change.get_value() catalog editing /> })}
        </li>
    }
}

/// Edits what may change on a field: label, required, help, on/off.
#[component]
fn FieldEdit(id: i64, change: FieldChange, catalog: Catalog, editing: RwSignal<bool>) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let help = change.help.clone().unwrap_or_default();
    let (en, zh) = (RwSignal::new(change.label.0.get("en").cloned().unwrap_or_default()), RwSignal::new(change.label.0.get("zh-CN").cloned().unwrap_or_default()));
    let (help_en, help_zh) = (RwSignal::new(help.0.get("en").cloned().unwrap_or_default()), RwSignal::new(help.0.get("zh-CN").cloned().unwrap_or_default()));
    let (required, active) = (RwSignal::new(change.required), RwSignal::new(change.active));
    let (errors, failure) = (RwSignal::new(Vec::<FieldError>::new()), RwSignal::new(None::<String>));
    let busy = Busy::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let help = text_of(&help_en.get_untracked(), &help_zh.get_untracked());
        let change = FieldChange {
            label: text_of(&en.get_untracked(), &zh.get_untracked()),
            required: required.get_untracked(),
            help: (!help.0.is_empty()).then_some(help),
            active: active.get_untracked(),
        };
        let found = change.check();
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            match api.change_field(id, &change).await {
                Ok(t) => {
                    catalog.saved(i18n);
                    editing.set(false);
                    catalog.put_type(t);
                }
                Err(e) => refused(i18n, &e, errors, failure),
            }
        });
    };
    let p = format!("field-{id}");
    view! {
        <form class="admin-form" data-testid="field-edit-form" on:submit=submit>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="catalog-form-error">{f}</p> })}
            <Bilingual id=format!("{p}-label") field="label" labels=(C::LabelEn, C::LabelZh) en zh errors />
            <Bilingual id=format!("{p}-help") field="help" labels=(C::HelpEn, C::HelpZh) en=help_en zh=help_zh errors />
            <label><input type="checkbox" data-testid="field-required" prop:checked=move || required.get() on:change=move |ev| required.set(event_target_checked(&ev)) />{tr(C::Required.into())}</label>
            <label><input type="checkbox" data-testid="field-active" prop:checked=move || active.get() on:change=move |ev| active.set(event_target_checked(&ev)) />{tr(C::Active.into())}</label>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="field-save" disabled=busy.signal()>{tr(C::Save.into())}</button>
                <button type="button" class="button" data-testid="field-cancel" on:click=move |_| editing.set(false)>{tr(C::Cancel.into())}</button>
            </div>
        </form>
    }
}

/// Adds a field to type `t` or one of its sub-types.
#[component]
pub fn NewFieldForm(catalog: Catalog, t: AdminTicketType) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let type_id = t.id;
    let t = StoredValue::new(t);
    let s = || RwSignal::new(String::new());
    let (key, en, zh, help_en, help_zh) = (s(), s(), s(), s(), s());
    let (owner, kind, required) = (RwSignal::new(None::<i64>), RwSignal::new(FieldKind::Text), RwSignal::new(false));
    let (dictionary, parent) = (RwSignal::new(None::<i64>), RwSignal::new(None::<String>));
    let (errors, failure) = (RwSignal::new(Vec::<FieldError>::new()), RwSignal::new(None::<String>));
    let busy = Busy::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let help = text_of(&help_en.get_untracked(), &help_zh.get_untracked());
        let options = kind.get_untracked().has_options();
        let new = NewField {
            subtype_id: owner.get_untracked(),
            key: key.get_untracked().trim().to_owned(),
            label: text_of(&en.get_untracked(), &zh.get_untracked()),
            kind: kind.get_untracked(),
            required: required.get_untracked(),
            help: (!help.0.is_empty()).then_some(help),
            dictionary_id: dictionary.get_untracked().filter(|_| options),
            parent: parent.get_untracked().filter(|_| options),
        };
        let found = new.check();
        if !found.is_empty() {
            failure.set(None);
            errors.set(found);
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            match api.add_field(type_id, &new).await {
                Ok(t) => {
                    catalog.saved(i18n);
                    catalog.put_type(t);
                }
                Err(e) => refused(i18n, &e, errors, failure),
            }
        });
    };
    // Cascade parents: the fields with options the new field's form will show above it.
    let parents = move || {
        let chosen = owner.get();
        t.with_value(|t| {
            t.fields.iter().chain(t.subtypes.iter().filter(|s| Some(s.id) == chosen).flat_map(|s| s.fields.iter()))
                .filter(|f| f.kind.has_options()).map(|f| f.key.clone()).collect::<Vec<_>>()
        })
    };
    let p = format!("new-field-{type_id}");
    let id = move |f: &str| format!("{p}-{f}");
    let errs: Signal<Vec<FieldError>> = errors.into();
    view! {
        <form class="admin-form" data-testid="field-form" on:submit=submit>
            <h4>{tr(C::NewField.into())}</h4>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="catalog-form-error">{f}</p> })}
            <label for=id("owner")>{tr(C::Subtypes.into())}</label>
            <select id=id("owner") data-testid="field-owner" aria-describedby=error_id(&id("owner")) on:change=move |ev| owner.set(event_target_value(&ev).parse().ok())>
                <option value="">{tr(C::TypeFields.into())}</option>
                {t.with_value(|t| t.subtypes.clone()).into_iter().map(|s| {
                    let (sid, name) = (s.id, s.name);
                    view! { <option value=sid.to_string()>{move || name.get(i18n.locale().code()).to_owned()}</option> }
                }).collect_view()}
            </select>
            <FieldErrorText input_id=id("owner") field="subtype_id" errors=errs />
            <label for=id("key")>{tr(C::Key.into())}</label>
            <input id=id("key") data-testid="field-key" aria-describedby=error_id(&id("key")) prop:value=move || key.get() on:input=move |ev| key.set(event_target_value(&ev)) />
            <FieldErrorText input_id=id("key") field="key" errors=errs />
            <Bilingual id=id("label") field="label" labels=(C::LabelEn, C::LabelZh) en zh errors=errs />
            <label for=id("kind")>{tr(C::Kind.into())}</label>
            <select id=id("kind") data-testid="field-kind" aria-describedby=error_id(&id("kind")) on:change=move |ev| kind.set(FieldKind::from_code(&event_target_value(&ev)).unwrap_or(FieldKind::Text))>
                {FieldKind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=move || kind.get() == k>{tr(kind_key(k).into())}</option> }).collect_view()}
            </select>
            <FieldErrorText input_id=id("kind") field="kind" errors=errs />
            <label><input type="checkbox" data-testid="field-required" prop:checked=move || required.get() on:change=move |ev| required.set(event_target_checked(&ev)) />{tr(C::Required.into())}</label>
            <Bilingual id=id("help") field="help" labels=(C::HelpEn, C::HelpZh) en=help_en zh=help_zh errors=errs />
            <div hidden=move || !kind.get().has_options()>
                <label for=id("dictionary")>{tr(C::Dictionary.into())}</label>
                <select id=id("dictionary") data-testid="field-dictionary" aria-describedby=error_id(&id("dictionary")) on:change=move |ev| dictionary.set(event_target_value(&ev).parse().ok())>
                    <option value="">{tr(C::NoDictionary.into())}</option>
                    {move || catalog.dictionaries.get().into_iter().map(|d| view! { <option value=d.id.to_string() selected=dictionary.get_untracked() == Some(d.id)>{d.name}</option> }).collect_view()}
                </select>
                <FieldErrorText input_id=id("dictionary") field="dictionary_id" errors=errs />
                <label for=id("parent")>{tr(C::Parent.into())}</label>
                <select id=id("parent") data-testid="field-parent" aria-describedby=error_id(&id("parent")) on:change=move |ev| parent.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                    <option value="">{tr(C::NoParent.into())}</option>
                    {move || parents().into_iter().map(|k| view! { <option value=k.clone() selected=parent.get_untracked().as_deref() == Some(k.as_str())>{k.clone()}</option> }).collect_view()}
                </select>
                <FieldErrorText input_id=id("parent") field="parent" errors=errs />
            </div>
            <button type="submit" class="button" data-testid="field-add" disabled=busy.signal()>{tr(C::Add.into())}</button>
        </form>
    }
}
