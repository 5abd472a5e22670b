//! The workflow editor: name, ticket type, and the ordered steps — each with its key, name,
//! handler group, the type's custom fields it requires, a step SLA in minutes and the steps it may
//! pass on to — moved with up/down buttons, added and removed. The server checks it all; its
//! field errors (`steps.<i>.<field>`) show beside the field of that step, and nothing typed is lost.

use super::Lists;
use crate::api::use_api;
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::{field_key, fill, WorkflowKey as W};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::problem::code;
use baton_core::workflow::StepSpec;
use baton_core::{FieldError, Workflow, WorkflowSpec};
use leptos::prelude::*;

/// One step's inputs (signals, so typing re-renders nothing else) and a stable id for the list.
#[derive(Clone, Copy)]
struct Row {
    uid: u32,
    key: RwSignal<String>,
    name: RwSignal<String>,
    group: RwSignal<Option<i64>>,
    required: RwSignal<Vec<String>>,
    sla: RwSignal<String>,
    next: RwSignal<Vec<String>>,
}

impl Row {
    fn of(uid: u32, s: StepSpec) -> Row {
        Row {
            uid,
            key: RwSignal::new(s.key),
            name: RwSignal::new(s.name),
            group: RwSignal::new((s.group_id > 0).then_some(s.group_id)),
            required: RwSignal::new(s.required_fields),
            sla: RwSignal::new(s.sla_minutes.map(|m| m.to_string()).unwrap_or_default()),
            next: RwSignal::new(s.next),
        }
    }

    fn spec(&self) -> StepSpec {
        let sla = self.sla.get_untracked();
        StepSpec {
            key: self.key.get_untracked().trim().to_owned(),
            name: self.name.get_untracked(),
            group_id: self.group.get_untracked().unwrap_or(0),
            required_fields: self.required.get_untracked(),
            // Not a number: sent as 0, which the server names (`steps.<i>.sla_minutes`).
            sla_minutes: (!sla.trim().is_empty()).then(|| sla.trim().parse().unwrap_or(0)),
            next: self.next.get_untracked(),
        }
    }
}

/// Adds or removes `value` in a checkbox list.
fn toggle(list: RwSignal<Vec<String>>, value: &str, on: bool) {
    list.update(|l| {
        l.retain(|v| v != value);
        if on {
            l.push(value.to_owned());
        }
    });
}

#[component]
pub fn WorkflowForm(existing: Option<Workflow>, lists: Lists, on_saved: Callback<Workflow>, on_cancel: Callback<()>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let id = existing.as_ref().map(|w| w.id);
    let spec = existing.map(|w| w.spec()).unwrap_or_default();
    let name = RwSignal::new(spec.name);
    let type_id = RwSignal::new((spec.type_id > 0).then_some(spec.type_id).or(lists.types.first().map(|t| t.id)));
    let uids = StoredValue::new(0_u32);
    let fresh = move || {
        uids.update_value(|n| *n += 1);
        uids.get_value()
    };
    let rows = RwSignal::new(spec.steps.into_iter().map(|s| Row::of(fresh(), s)).collect::<Vec<_>>());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let lists = StoredValue::new(lists);
    let add = move |_| {
        let n = rows.with_untracked(Vec::len) + 1;
        let step = StepSpec { key: format!("step_{n}"), ..StepSpec::default() };
        rows.update(|r| r.push(Row::of(fresh(), step)));
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
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let spec = WorkflowSpec {
            name: name.get_untracked(),
            type_id: type_id.get_untracked().unwrap_or(0),
            steps: rows.with_untracked(|r| r.iter().map(Row::spec).collect()),
        };
        let api = api.get_value();
        busy.run(async move {
            match api.save_workflow(id, &spec).await {
                Ok(w) => on_saved.run(w),
                Err(e) => {
                    let fields = e.field_errors();
                    let taken = e.is(code::ALREADY_EXISTS).then(|| i18n.t(W::AdminTypeTaken.into()).to_owned());
                    failure.set(if fields.is_empty() { Some(taken.unwrap_or_else(|| i18n.t(crate::i18n::error_message(&e).0).to_owned())) } else { None });
                    errors.set(fields);
                }
            }
        });
    };
    // The custom fields of the chosen type (and its sub-types), as (key, label).
    let fields = move || {
        let locale = i18n.locale().code();
        let chosen = type_id.get();
        lists.with_value(|l| {
            l.types.iter().filter(|t| Some(t.id) == chosen).flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter())))
                .map(|f| (f.key.clone(), f.label.get(locale).to_owned())).collect::<Vec<_>>()
        })
    };
    let errs: Signal<Vec<FieldError>> = errors.into();
    view! {
        <form class="card admin-form" data-testid="workflow-form" on:submit=save>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="workflow-form-error">{f}</p> })}
            <label for="wf-name">{tr(W::AdminName.into())}</label>
            <input id="wf-name" data-testid="workflow-name" aria-describedby=error_id("wf-name") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            <FieldErrorText input_id="wf-name" field="name" errors=errs />
            <label for="wf-type">{tr(W::AdminType.into())}</label>
            <select id="wf-type" data-testid="workflow-type" aria-describedby=error_id("wf-type") on:change=move |ev| type_id.set(event_target_value(&ev).parse().ok())>
                {lists.with_value(|l| l.types.clone()).into_iter().map(|t| view! {
                    <option value=t.id.to_string() selected=move || type_id.get() == Some(t.id)>{move || t.name.get(i18n.locale().code()).to_owned()}</option>
                }).collect_view()}
            </select>
            <FieldErrorText input_id="wf-type" field="type_id" errors=errs />
            <h2>{tr(W::AdminSteps.into())}</h2>
            <FieldErrorText input_id="wf-add-step" field="steps" errors=errs />
            <ol class="workflow-steps">
                <For each=move || rows.get() key=|r| r.uid let:row>
                    <StepRow row rows errors fields=Signal::derive(fields) lists shift />
                </For>
            </ol>
            <button type="button" class="button" id="wf-add-step" data-testid="workflow-add-step" on:click=add>{tr(W::AdminAddStep.into())}</button>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="workflow-save" disabled=pending>{tr(W::AdminSave.into())}</button>
                <button type="button" class="button" data-testid="workflow-cancel" on:click=move |_| on_cancel.run(())>{tr(W::AdminCancel.into())}</button>
            </div>
        </form>
    }
}

#[component]
fn StepRow(
    row: Row,
    rows: RwSignal<Vec<Row>>,
    errors: RwSignal<Vec<FieldError>>,
    fields: Signal<Vec<(String, String)>>,
    lists: StoredValue<Lists>,
    shift: impl Fn(u32, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let uid = row.uid;
    let at = move || rows.with(|r| r.iter().position(|x| x.uid == uid).unwrap_or(0));
    let n = move || (at() + 1).to_string();
    // The server's error for this step's `field`, beside it.
    let error = move |field: &'static str| {
        move || {
            let name = format!("steps.{}.{field}", at());
            errors.with(|e| e.iter().find(|e| e.field == name).map(|e| e.code.clone())).map(|c| view! {
                <p class="field-error" data-testid="field-error" data-field=name.clone() id=format!("wf-{uid}-{field}-error")>{tr(field_key(&c))}</p>
            })
        }
    };
    let id = move |f: &str| format!("wf-{uid}-{f}");
    let described = move |f: &str| format!("wf-{uid}-{f}-error");
    view! {
        <li data-testid="workflow-step-row" class="workflow-step">
            <div class="admin-actions">
                <button type="button" class="button" data-testid="step-up" aria-label=move || fill(i18n.t(W::AdminMoveUp.into()), &[&n()]) on:click=move |_| shift(uid, true)>"↑"</button>
                <button type="button" class="button" data-testid="step-down" aria-label=move || fill(i18n.t(W::AdminMoveDown.into()), &[&n()]) on:click=move |_| shift(uid, false)>"↓"</button>
                <button type="button" class="button" data-testid="step-remove" aria-label=move || fill(i18n.t(W::AdminRemoveStep.into()), &[&n()])
                    on:click=move |_| rows.update(|r| r.retain(|x| x.uid != uid))>"×"</button>
            </div>
            <label for=id("key")>{tr(W::AdminKey.into())}</label>
            <input id=id("key") data-testid="step-key" aria-describedby=described("key") prop:value=move || row.key.get() on:input=move |ev| row.key.set(event_target_value(&ev)) />
            {error("key")}
            <label for=id("name")>{tr(W::AdminStepName.into())}</label>
            <input id=id("name") data-testid="step-name" aria-describedby=described("name") prop:value=move || row.name.get() on:input=move |ev| row.name.set(event_target_value(&ev)) />
            {error("name")}
            <label for=id("group")>{tr(W::AdminGroup.into())}</label>
            <select id=id("group") data-testid="step-group" aria-describedby=described("group_id") on:change=move |ev| row.group.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || row.group.get().is_none()>"—"</option>
                {lists.with_value(|l| l.groups.clone()).into_iter().map(|g| view! {
                    <option value=g.id.to_string() selected=move || row.group.get() == Some(g.id)>{g.name}</option>
                }).collect_view()}
            </select>
            {error("group_id")}
            <label for=id("sla")>{tr(W::AdminSla.into())}</label>
            <input id=id("sla") type="number" min="1" data-testid="step-sla" aria-describedby=described("sla_minutes") prop:value=move || row.sla.get() on:input=move |ev| row.sla.set(event_target_value(&ev)) />
            {error("sla_minutes")}
            <fieldset aria-describedby=described("required_fields")>
                <legend>{tr(W::AdminRequired.into())}</legend>
                {move || fields.get().into_iter().map(|(key, label)| {
                    let k = key.clone();
                    view! { <label><input type="checkbox" data-testid="step-required" value=key.clone()
                        prop:checked=move || row.required.with(|r| r.contains(&key)) on:change=move |ev| toggle(row.required, &k, event_target_checked(&ev)) />{label}</label> }
                }).collect_view()}
            </fieldset>
            {error("required_fields")}
            <fieldset aria-describedby=described("next")>
                <legend>{tr(W::AdminNext.into())}</legend>
                {move || rows.get().into_iter().filter(|o| o.uid != uid).map(|o| {
                    let key = o.key.get();
                    let k = key.clone();
                    let label = format!("{} ({key})", o.name.get());
                    view! { <label><input type="checkbox" data-testid="step-next" value=key.clone()
                        prop:checked=move || row.next.with(|r| r.contains(&key)) on:change=move |ev| toggle(row.next, &k, event_target_checked(&ev)) />{label}</label> }
                }).collect_view()}
            </fieldset>
            {error("next")}
        </li>
    }
}
