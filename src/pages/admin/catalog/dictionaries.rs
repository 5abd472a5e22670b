//! Dictionaries (字典): listed with their options (switched-off ones muted), created, and edited
//! whole — the name and the options in order (value, label in both languages, parent value for
//! a cascade). An option left out of a save is switched off, not deleted; "add back" lists it
//! again. `DictionarySpec::check` runs first; errors (`options[i].value`, …) show in their row.

use super::{refused, text_of, Catalog};
use crate::api::use_api;
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::{field_key, fill, CatalogKey as C};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::{Dictionary, DictionaryOption, DictionarySpec, FieldError, OptionSpec};
use leptos::prelude::*;

#[component]
pub fn DictionaryList(catalog: Catalog) -> impl IntoView {
    let i18n = use_i18n();
    // The editor: `Some(None)` a new dictionary, `Some(Some(d))` dictionary `d`.
    let editing = RwSignal::new(None::<Option<Dictionary>>);
    view! {
        <section class="card" aria-labelledby="dictionaries-h" data-testid="catalog-dictionaries">
            <div class="admin-head">
                <h2 id="dictionaries-h">{tr(C::Dictionaries.into())}</h2>
                <button type="button" class="button" data-testid="dictionary-new" on:click=move |_| editing.set(Some(None))>{tr(C::NewDictionary.into())}</button>
            </div>
            {move || editing.get().map(|existing| view! { <DictionaryForm existing catalog editing /> })}
            {move || catalog.dictionaries.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(C::NoDictionaries.into())}</p> })}
            <ul class="admin-list">
                {move || catalog.dictionaries.get().into_iter().map(|d| {
                    let (name, id) = (d.name.clone(), d.id);
                    let locale = i18n.locale().code();
                    let (on, off): (Vec<_>, Vec<_>) = d.options.iter().partition(|o| o.active);
                    let label = |o: &DictionaryOption| format!("{} ({})", o.label.get(locale), o.value);
                    let on = on.into_iter().map(label).collect::<Vec<_>>().join(", ");
                    let off = off.into_iter().map(label).collect::<Vec<_>>().join(", ");
                    view! {
                        <li data-testid="dictionary-row" data-dictionary-id=id>
                            <span><strong>{name.clone()}</strong><br />{on}
                                {(!off.is_empty()).then(|| view! { <br /><span class="muted" data-testid="dictionary-off">{tr(C::OffOptions.into())}": "{off}</span> })}</span>
                            <button type="button" class="button" data-testid="dictionary-edit" aria-label=fill(i18n.t(C::EditOf.into()), &[&name])
                                on:click=move |_| editing.set(Some(Some(d.clone())))>{tr(C::Edit.into())}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One option's inputs and a stable id for the list.
#[derive(Clone, Copy)]
struct Row {
    uid: u32,
    value: RwSignal<String>,
    en: RwSignal<String>,
    zh: RwSignal<String>,
    parent: RwSignal<String>,
}

impl Row {
    fn of(uid: u32, o: &DictionaryOption) -> Row {
        let label = |l: &str| RwSignal::new(o.label.0.get(l).cloned().unwrap_or_default());
        Row { uid, value: RwSignal::new(o.value.clone()), en: label("en"), zh: label("zh-CN"), parent: RwSignal::new(o.parent_value.clone().unwrap_or_default()) }
    }

    fn spec(&self) -> OptionSpec {
        let parent = self.parent.get_untracked().trim().to_owned();
        OptionSpec {
            value: self.value.get_untracked().trim().to_owned(),
            label: text_of(&self.en.get_untracked(), &self.zh.get_untracked()),
            parent_value: (!parent.is_empty()).then_some(parent),
        }
    }
}

#[component]
fn DictionaryForm(existing: Option<Dictionary>, catalog: Catalog, editing: RwSignal<Option<Option<Dictionary>>>) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let id = existing.as_ref().map(|d| d.id);
    let name = RwSignal::new(existing.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let uids = StoredValue::new(0_u32);
    let fresh = move || {
        uids.update_value(|n| *n += 1);
        uids.get_value()
    };
    let options = existing.map(|d| d.options).unwrap_or_default();
    let rows = RwSignal::new(options.iter().filter(|o| o.active).map(|o| Row::of(fresh(), o)).collect::<Vec<_>>());
    // Switched off: offered to add back while no row has their value and parent.
    let off = StoredValue::new(options.into_iter().filter(|o| !o.active).collect::<Vec<_>>());
    let (errors, failure) = (RwSignal::new(Vec::<FieldError>::new()), RwSignal::new(None::<String>));
    let busy = Busy::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let spec = DictionarySpec { name: name.get_untracked().trim().to_owned(), options: rows.with_untracked(|r| r.iter().map(Row::spec).collect()) };
        let found = spec.check();
        if !found.is_empty() {
            failure.set(None);
            errors.set(found);
            return;
        }
        let api = api.get_value();
        busy.run(async move {
            match api.save_dictionary(id, &spec).await {
                Ok(d) => {
                    catalog.dictionaries.update(|l| match l.iter_mut().find(|x| x.id == d.id) {
                        Some(x) => *x = d,
                        None => l.push(d),
                    });
                    catalog.saved(i18n);
                    editing.set(None);
                }
                Err(e) => refused(i18n, &e, errors, failure),
            }
        });
    };
    let shift = move |uid: u32, up: bool| {
        rows.update(|r| {
            let Some(i) = r.iter().position(|x| x.uid == uid) else { return };
            let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < r.len()) };
            if let Some(j) = j {
                r.swap(i, j);
            }
        });
    };
    let listed = move |o: &DictionaryOption| rows.with(|r| r.iter().any(|x| x.value.get() == o.value && Some(x.parent.get()).filter(|p| !p.is_empty()) == o.parent_value));
    let empty = DictionaryOption { value: String::new(), label: Default::default(), parent_value: None, active: true };
    let errs: Signal<Vec<FieldError>> = errors.into();
    view! {
        <form class="admin-form" data-testid="dictionary-form" on:submit=submit>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="catalog-form-error">{f}</p> })}
            <label for="dict-name">{tr(C::DictName.into())}</label>
            <input id="dict-name" data-testid="dictionary-name" aria-describedby=error_id("dict-name") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            <FieldErrorText input_id="dict-name" field="name" errors=errs />
            <fieldset>
                <legend>{tr(C::Options.into())}</legend>
                <p class="muted">{tr(C::OptionsIntro.into())}</p>
                <FieldErrorText input_id="dict-add" field="options" errors=errs />
                <ol>
                    <For each=move || rows.get() key=|r| r.uid let:row>
                        <OptionRow row rows errors shift />
                    </For>
                </ol>
                <button type="button" class="button" id="dict-add" data-testid="option-add" on:click=move |_| rows.update(|r| r.push(Row::of(fresh(), &empty)))>{tr(C::AddOption.into())}</button>
            </fieldset>
            {move || {
                let hidden: Vec<DictionaryOption> = off.get_value().into_iter().filter(|o| !listed(o)).collect();
                (!hidden.is_empty()).then(|| view! {
                    <p class="muted" data-testid="dictionary-off">{tr(C::OffOptions.into())}</p>
                    <ul class="admin-list muted">
                        {hidden.into_iter().map(|o| {
                            let label = format!("{} ({})", o.label.get(i18n.locale().code()), o.value);
                            view! { <li data-testid="option-off">{label.clone()}" "
                                <button type="button" class="button" data-testid="option-restore" on:click=move |_| rows.update(|r| r.push(Row::of(fresh(), &o)))>
                                    {fill(i18n.t(C::Restore.into()), &[&label])}</button></li> }
                        }).collect_view()}
                    </ul>
                })
            }}
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="dictionary-save" disabled=busy.signal()>{tr(C::Save.into())}</button>
                <button type="button" class="button" data-testid="dictionary-cancel" on:click=move |_| editing.set(None)>{tr(C::Cancel.into())}</button>
            </div>
        </form>
    }
}

#[component]
fn OptionRow(row: Row, rows: RwSignal<Vec<Row>>, errors: RwSignal<Vec<FieldError>>, shift: impl Fn(u32, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let uid = row.uid;
    let at = move || rows.with(|r| r.iter().position(|x| x.uid == uid).unwrap_or(0));
    let n = move || (at() + 1).to_string();
    let id = move |f: &str| format!("opt-{uid}-{f}");
    // The error for this option's `field` (`options[i].field`), beside its input.
    let error = move |field: &'static str| {
        move || {
            let name = format!("options[{}].{field}", at());
            errors.with(|e| e.iter().find(|e| e.field == name).map(|e| e.code.clone())).map(|c| view! {
                <p class="field-error" data-testid="field-error" data-field=name.clone() id=format!("opt-{uid}-{field}-error")>{tr(field_key(&c))}</p>
            })
        }
    };
    let input = move |f: &'static str, label: C, value: RwSignal<String>, err: &'static str| view! {
        <label for=id(f)>{tr(label.into())}</label>
        <input id=id(f) data-testid=format!("option-{f}") aria-describedby=format!("opt-{uid}-{err}-error") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
    };
    view! {
        <li data-testid="option-row">
            {input("value", C::Value, row.value, "value")}
            {error("value")}
            {input("en", C::LabelEn, row.en, "label")}
            {input("zh", C::LabelZh, row.zh, "label")}
            {error("label")}
            {input("parent", C::ParentValue, row.parent, "parent_value")}
            {error("parent_value")}
            <span class="admin-actions">
                <button type="button" class="button" data-testid="option-up" aria-label=move || fill(i18n.t(C::OptionUp.into()), &[&n()]) on:click=move |_| shift(uid, true)>"↑"</button>
                <button type="button" class="button" data-testid="option-down" aria-label=move || fill(i18n.t(C::OptionDown.into()), &[&n()]) on:click=move |_| shift(uid, false)>"↓"</button>
                <button type="button" class="button" data-testid="option-remove" aria-label=move || fill(i18n.t(C::RemoveOption.into()), &[&n()])
                    on:click=move |_| rows.update(|r| r.retain(|x| x.uid != uid))>"×"</button>
            </span>
        </li>
    }
}
