//! The ticket types in order: each with its name in both languages, switched on or off, moved
//! up or down (`PUT /admin/ticket-types/order`), its sub-types (handling group, on/off, order,
//! add one) and its fields ([`super::fields`]). A new type is added at the end.

use super::fields::{FieldList, NewFieldForm};
use super::{moved, refused, text_of, Bilingual, Catalog};
use crate::api::use_api;
use crate::components::ui::FieldErrorText;
use crate::i18n::{fill, CatalogKey as C};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::catalog_admin::{check_text, NAME_MAX};
use baton_core::{AdminSubtype, AdminTicketType, FieldError, SubtypeSpec, Text, TypeSpec};
use leptos::prelude::*;

#[component]
pub fn TypeList(catalog: Catalog) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let toasts = use_toasts();
    let busy = Busy::new();
    let shift = move |id: i64, up: bool| {
        let Some(ids) = moved(&catalog.types.with_untracked(|l| l.iter().map(|t| t.id).collect::<Vec<_>>()), id, up) else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.order_ticket_types(ids).await {
                Ok(types) => catalog.types.set(types),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="types-h" data-testid="catalog-types">
            <h2 id="types-h">{tr(C::Types.into())}</h2>
            {move || catalog.types.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(C::NoTypes.into())}</p> })}
            <ol class="admin-list catalog-types">
                <For each=move || catalog.types.get() key=|t| format!("{:?}", t) let:t>
                    <TypeCard t catalog shift />
                </For>
            </ol>
            <NameForm catalog type_id=None />
        </section>
    }
}

#[component]
fn TypeCard(t: AdminTicketType, catalog: Catalog, shift: impl Fn(i64, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let (api, i18n, toasts) = (StoredValue::new(use_api()), use_i18n(), use_toasts());
    let busy = Busy::new();
    // "{0}" filled with the name in the current language, following a language switch.
    let said = {
        let name = t.name.clone();
        move |k: C| {
            let name = name.clone();
            move || fill(i18n.t(k.into()), &[name.get(i18n.locale().code())])
        }
    };
    let (id, active) = (t.id, t.active);
    let toggle = {
        let spec = TypeSpec { name: t.name.clone(), active: !active };
        move |_| {
            let (api, spec) = (api.get_value(), spec.clone());
            busy.run(async move {
                match api.save_ticket_type(Some(id), &spec).await {
                    Ok(t) => catalog.put_type(t),
                    Err(e) => toasts.api_error(&e),
                }
            });
        }
    };
    let sub_ids: Vec<i64> = t.subtypes.iter().map(|s| s.id).collect();
    let renaming = RwSignal::new(false);
    let rename = Rename { id, name: t.name.clone(), active, group_id: None, done: Callback::new(move |()| renaming.set(false)) };
    let t = StoredValue::new(t);
    view! {
        <li class="catalog-type" class:muted=!active data-testid="catalog-type" data-type-id=id data-active=active.to_string()>
            <div class="admin-head">
                <h3>{t.with_value(|t| format!("{} · {}", t.name.get("en"), t.name.get("zh-CN")))}
                    {(!active).then(|| view! { " " <span class="badge">{tr(C::Off.into())}</span> })}</h3>
                <span class="admin-actions">
                    <button type="button" class="button" data-testid="type-up" aria-label=said(C::MoveUp) on:click=move |_| shift(id, true)>"↑"</button>
                    <button type="button" class="button" data-testid="type-down" aria-label=said(C::MoveDown) on:click=move |_| shift(id, false)>"↓"</button>
                    <button type="button" class="button" data-testid="type-rename" aria-label=said(C::RenameOf) aria-expanded=move || renaming.get().to_string()
                        on:click=move |_| renaming.update(|r| *r = !*r)>{tr(C::Rename.into())}</button>
                    <button type="button" class="button" data-testid="type-toggle" on:click=toggle>
                        {said(if active { C::SwitchOff } else { C::SwitchOn })}</button>
                </span>
            </div>
            {move || renaming.get().then(|| view! { <NameForm catalog type_id=None rename=rename.clone() /> })}
            <h4>{tr(C::Subtypes.into())}</h4>
            <ul class="admin-list">
                {t.with_value(|t| t.subtypes.clone()).into_iter().map(|s| view! { <SubtypeRow s type_id=id ids=sub_ids.clone() catalog /> }).collect_view()}
            </ul>
            <NameForm catalog type_id=Some(id) />
            <h4>{tr(C::TypeFields.into())}</h4>
            <FieldList catalog fields=t.with_value(|t| t.fields.clone()) />
            {t.with_value(|t| t.subtypes.clone()).into_iter().filter(|s| !s.fields.is_empty()).map(|s| view! {
                <h4>{move || fill(i18n.t(C::SubtypeFields.into()), &[s.name.get(i18n.locale().code())])}</h4>
                <FieldList catalog fields=s.fields />
            }).collect_view()}
            <NewFieldForm catalog t=t.get_value() />
        </li>
    }
}

#[component]
fn SubtypeRow(s: AdminSubtype, type_id: i64, ids: Vec<i64>, catalog: Catalog) -> impl IntoView {
    let (api, i18n, toasts) = (StoredValue::new(use_api()), use_i18n(), use_toasts());
    let busy = Busy::new();
    let said = {
        let name = s.name.clone();
        move |k: C| {
            let name = name.clone();
            move || fill(i18n.t(k.into()), &[name.get(i18n.locale().code())])
        }
    };
    let (id, active, group) = (s.id, s.active, s.group_id);
    let spec = StoredValue::new(SubtypeSpec { name: s.name.clone(), active, group_id: group });
    let save = move |change: SubtypeSpec| {
        let api = api.get_value();
        busy.run(async move {
            match api.save_subtype(type_id, Some(id), &change).await {
                Ok(t) => catalog.put_type(t),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let ids = StoredValue::new(ids);
    let shift = move |up: bool| {
        let Some(ids) = moved(&ids.get_value(), id, up) else { return };
        let api = api.get_value();
        busy.run(async move {
            match api.order_subtypes(type_id, ids).await {
                Ok(t) => catalog.put_type(t),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let group_id = format!("subtype-{id}-group");
    let renaming = RwSignal::new(false);
    let rename = Rename { id, name: s.name.clone(), active, group_id: group, done: Callback::new(move |()| renaming.set(false)) };
    view! {
        <li class:muted=!active data-testid="catalog-subtype" data-subtype-id=id data-active=active.to_string()>
            <span>{format!("{} · {}", s.name.get("en"), s.name.get("zh-CN"))}
                {(!active).then(|| view! { " " <span class="badge">{tr(C::Off.into())}</span> })}</span>
            <span class="admin-actions">
                <label for=group_id.clone()>{tr(C::Group.into())}</label>
                <select id=group_id data-testid="subtype-group" on:change=move |ev| {
                    save(SubtypeSpec { group_id: event_target_value(&ev).parse().ok(), ..spec.get_value() })
                }>
                    <option value="" selected=group.is_none()>{tr(C::NoGroup.into())}</option>
                    {catalog.groups.get_value().into_iter().map(|g| view! {
                        <option value=g.id.to_string() selected=group == Some(g.id)>{g.name}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="button" data-testid="subtype-up" aria-label=said(C::MoveUp) on:click=move |_| shift(true)>"↑"</button>
                <button type="button" class="button" data-testid="subtype-down" aria-label=said(C::MoveDown) on:click=move |_| shift(false)>"↓"</button>
                <button type="button" class="button" data-testid="subtype-rename" aria-label=said(C::RenameOf) aria-expanded=move || renaming.get().to_string()
                    on:click=move |_| renaming.update(|r| *r = !*r)>{tr(C::Rename.into())}</button>
                <button type="button" class="button" data-testid="subtype-toggle" on:click=move |_| save(SubtypeSpec { active: !active, ..spec.get_value() })>
                    {said(if active { C::SwitchOff } else { C::SwitchOn })}</button>
            </span>
            {move || renaming.get().then(|| view! { <NameForm catalog type_id=Some(type_id) rename=rename.clone() /> })}
        </li>
    }
}

/// A type or sub-type being renamed: what stays as it is, and what closes the form.
#[derive(Clone)]
struct Rename {
    id: i64,
    name: Text,
    active: bool,
    group_id: Option<i64>,
    done: Callback<()>,
}

/// Adds a type (`type_id: None`) or a sub-type of `type_id` — its name in both languages, and for
/// a sub-type its handling group — or, given `rename`, changes the name of that one.
#[component]
fn NameForm(catalog: Catalog, type_id: Option<i64>, #[prop(optional)] rename: Option<Rename>) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let (en, zh, group) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(None::<i64>));
    if let Some(r) = &rename {
        en.set(r.name.get("en").to_owned());
        zh.set(r.name.get("zh-CN").to_owned());
    }
    let renaming = rename.is_some();
    let rename = StoredValue::new(rename);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let (prefix, testid, heading) = match (rename.with_value(|r| r.as_ref().map(|r| r.id)), type_id) {
        (Some(id), Some(_)) => (format!("rename-subtype-{id}"), "subtype-rename-form", C::Rename),
        (Some(id), None) => (format!("rename-type-{id}"), "type-rename-form", C::Rename),
        (None, Some(t)) => (format!("new-subtype-{t}"), "subtype-form", C::NewSubtype),
        (None, None) => ("new-type".to_owned(), "type-form", C::NewType),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = text_of(&en.get_untracked(), &zh.get_untracked());
        let mut found = Vec::new();
        check_text("name", &name, NAME_MAX, &mut found);
        if !found.is_empty() {
            failure.set(None);
            errors.set(found);
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            let current = rename.get_value();
            let id = current.as_ref().map(|r| r.id);
            let (active, group_id) = current.as_ref().map_or((true, group.get_untracked()), |r| (r.active, r.group_id));
            let done = match type_id {
                Some(t) => api.save_subtype(t, id, &SubtypeSpec { name, active, group_id }).await,
                None => api.save_ticket_type(id, &TypeSpec { name, active }).await,
            };
            match done {
                Ok(t) => {
                    catalog.put_type(t);
                    catalog.saved(i18n);
                    if let Some(r) = current {
                        r.done.run(());
                    }
                    en.set(String::new());
                    zh.set(String::new());
                    errors.set(Vec::new());
                    failure.set(None);
                }
                Err(e) => refused(i18n, &e, errors, failure),
            }
        });
    };
    let group_id = format!("{prefix}-group");
    view! {
        <form class="admin-form" data-testid=testid on:submit=submit>
            <h4>{tr(heading.into())}</h4>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="catalog-form-error">{f}</p> })}
            <Bilingual id=prefix field="name" labels=(C::NameEn, C::NameZh) en zh errors />
            {type_id.filter(|_| !renaming).map(|_| view! {
                <label for=group_id.clone()>{tr(C::Group.into())}</label>
                <select id=group_id.clone() data-testid="new-subtype-group" on:change=move |ev| group.set(event_target_value(&ev).parse().ok())>
                    <option value="">{tr(C::NoGroup.into())}</option>
                    {catalog.groups.get_value().into_iter().map(|g| view! { <option value=g.id.to_string()>{g.name}</option> }).collect_view()}
                </select>
                <FieldErrorText input_id=group_id.clone() field="group_id" errors />
            })}
            {if renaming {
                view! {
                    <div class="form-actions">
                        <button type="submit" class="button primary" data-testid=format!("{testid}-save") disabled=pending>{tr(C::Save.into())}</button>
                        <button type="button" class="button" data-testid=format!("{testid}-cancel")
                            on:click=move |_| rename.with_value(|r| if let Some(r) = r { r.done.run(()) })>{tr(C::Cancel.into())}</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="submit" class="button" data-testid=format!("{testid}-add") disabled=pending>{tr(C::Add.into())}</button> }.into_any()
            }}
        </form>
    }
}
