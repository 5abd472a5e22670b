//! The workflow panel (issue 13, 流程流转): the ticket's step (and its due time), its history, and
//! while it is `open` the two moves — pass on (an allowed next step and a handler of its group)
//! and return to the previous step (with a reason). A refused pass-on names the custom fields the
//! step still needs; what the agent chose and typed stays. Shown only for a ticket the backend
//! reports in a workflow (`StaffTicket.workflow`, capability `workflows`): a backend without
//! workflows never sends one.

use super::Loaded;
use crate::api::{Api, ApiError};
use leptos_router::hooks::use_navigate;
use crate::routes::Page;
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::{error_message, format_time, Key, WorkflowKey as W};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::problem::code;
use baton_core::workflow::{MoveKind, WorkflowMove};
use baton_core::{change_field, FieldError, PassOn, ReturnStep, TicketWorkflow};
use leptos::prelude::*;

/// What the agent chose and typed, kept across the ticket's refreshes.
#[derive(Clone, Copy)]
pub struct Inputs {
    next: RwSignal<Option<i64>>,
    handler: RwSignal<Option<i64>>,
    reason: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    failure: RwSignal<Option<Key>>,
    busy: Busy,
}

impl Default for Inputs {
    fn default() -> Inputs {
        Inputs {
            next: RwSignal::new(None),
            handler: RwSignal::new(None),
            reason: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            failure: RwSignal::new(None),
            busy: Busy::new(),
        }
    }
}

/// Why a move was refused: field errors to show beside their fields, anything else above.
fn refused(inputs: Inputs, e: &ApiError) {
    let fields = e.field_errors();
    let conflict = match e.problem().map(|p| p.code.as_str()) {
        Some(code::WORKFLOW_NOT_OPEN) => Some(W::OnlyOpen.into()),
        Some(code::WORKFLOW_NONE) => Some(W::NoWorkflow.into()),
        Some(code::WORKFLOW_NO_PREVIOUS_STEP) => Some(W::NoPrevious.into()),
        _ => None,
    };
    inputs.failure.set(if fields.is_empty() { Some(conflict.unwrap_or_else(|| error_message(e).0)) } else { None });
    inputs.errors.set(fields);
}

fn parse(v: String) -> Option<i64> {
    v.parse().ok()
}

#[component]
pub fn Panel(id: i64, workflow: TicketWorkflow, open: bool, state: Loaded, inputs: Inputs) -> impl IntoView {
    let i18n = use_i18n();
    let next_steps = StoredValue::new(workflow.next_steps.clone());
    // The first allowed step (and its first handler) until the agent picks another.
    if inputs.next.get_untracked().is_none_or(|n| !workflow.next_steps.iter().any(|s| s.id == n)) {
        inputs.next.set(workflow.next_steps.first().map(|s| s.id));
        inputs.handler.set(workflow.next_steps.first().and_then(|s| s.handlers.first()).map(|h| h.id));
    }
    let handlers = move || {
        let next = inputs.next.get();
        next_steps.with_value(|s| s.iter().find(|s| Some(s.id) == next).map(|s| s.handlers.clone()).unwrap_or_default())
    };
    let navigate = StoredValue::new(use_navigate());
    // A move that takes the ticket out of the agent's sight (to another group) goes back to the
    // list; otherwise the page shows the ticket as it now is.
    let done = move |api: Api, answer: Result<baton_core::Ticket, ApiError>| async move {
        match answer {
            Ok(t) => {
                inputs.errors.set(Vec::new());
                inputs.failure.set(None);
                inputs.reason.set(String::new());
                match api.ticket(t.id).await {
                    Err(e) if e.is(code::NOT_FOUND) => navigate.with_value(|go| go(&Page::Agent.path(), Default::default())),
                    _ => state.show(t),
                }
            }
            Err(e) => refused(inputs, &e),
        }
    };
    let pass = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(step_id), Some(assignee_id)) = (inputs.next.get_untracked(), inputs.handler.get_untracked()) else { return };
        let api = state.api.get_value();
        inputs.busy.run(async move {
            let answer = api.workflow_move(id, "pass", &PassOn { step_id, assignee_id }).await;
            done(api, answer).await;
        });
    };
    let back = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = state.api.get_value();
        let body = ReturnStep { reason: inputs.reason.get_untracked() };
        inputs.busy.run(async move {
            let answer = api.workflow_move(id, "return", &body).await;
            done(api, answer).await;
        });
    };
    // The missing custom fields, by their labels on this ticket's form.
    let missing = move || {
        let keys: Vec<String> = inputs.errors.with(|e| {
            e.iter().filter_map(|e| e.field.strip_prefix(change_field::FIELDS_PREFIX).map(str::to_owned)).collect()
        });
        (!keys.is_empty()).then(|| {
            let locale = i18n.locale().code();
            let labels: Vec<String> = state.types.with(|types| {
                keys.iter()
                    .map(|k| {
                        let fields = types.iter().flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter())));
                        fields.clone().find(|f| f.key == *k).map_or_else(|| k.clone(), |f| f.label.get(locale).to_owned())
                    })
                    .collect()
            });
            view! { <p class="field-error" role="alert" data-testid="workflow-missing" data-fields=keys.join(",")>{i18n.tf(W::Missing.into(), &[&labels.join(", ")])}</p> }
        })
    };
    let pending = inputs.busy.signal();
    let errors: Signal<Vec<FieldError>> = inputs.errors.into();
    let due = workflow.step_due_at.clone();
    let previous = workflow.previous.clone();
    let last = workflow.next_steps.is_empty();
    view! {
        <section class="card workflow-panel" aria-labelledby="workflow-heading" data-testid="workflow-panel" data-step-id=workflow.step.id>
            <h2 id="workflow-heading">{i18n.tf(W::Heading.into(), &[&workflow.name])}</h2>
            <p data-testid="workflow-step">{i18n.tf(W::Step.into(), &[&workflow.step.name])}</p>
            {due.map(|d| view! { <p class="muted">{move || i18n.tf(W::StepDue.into(), &[&format_time(&d, i18n.locale())])}</p> })}
            {move || inputs.failure.get().map(|k| view! { <p class="form-error" role="alert" data-testid="workflow-error">{tr(k)}</p> })}
            {(!open).then(|| view! { <p class="muted">{tr(W::OnlyOpen.into())}</p> })}
            {(open && last).then(|| view! { <p class="muted">{tr(W::LastStep.into())}</p> })}
            {(open && !last).then(|| view! {
                <form class="workflow-pass" on:submit=pass>
                    <label for="wf-next">{tr(W::NextStep.into())}</label>
                    <select id="wf-next" data-testid="workflow-next-step" aria-describedby=error_id("wf-next")
                        on:change=move |ev| {
                            inputs.next.set(parse(event_target_value(&ev)));
                            inputs.handler.set(handlers().first().map(|h| h.id));
                        }>
                        {next_steps.get_value().into_iter().map(|s| view! {
                            <option value=s.id.to_string() selected=move || inputs.next.get() == Some(s.id)>{format!("{} ({})", s.name, s.group.name)}</option>
                        }).collect_view()}
                    </select>
                    <FieldErrorText input_id="wf-next" field="step_id" errors />
                    <label for="wf-handler">{tr(W::Handler.into())}</label>
                    <select id="wf-handler" data-testid="workflow-handler" aria-describedby=error_id("wf-handler")
                        on:change=move |ev| inputs.handler.set(parse(event_target_value(&ev)))>
                        {move || handlers().into_iter().map(|h| view! {
                            <option value=h.id.to_string() selected=move || inputs.handler.get() == Some(h.id)>{h.name}</option>
                        }).collect_view()}
                    </select>
                    <FieldErrorText input_id="wf-handler" field="assignee_id" errors />
                    {missing}
                    <button type="submit" class="button primary" data-testid="workflow-pass" disabled=move || pending.get() || inputs.handler.get().is_none()>{tr(W::Pass.into())}</button>
                </form>
            })}
            {previous.filter(|_| open).map(|p| {
                let who = p.handler.map(|h| h.name).unwrap_or_else(|| "—".to_owned());
                view! {
                    <form class="workflow-return" on:submit=back>
                        <p>{i18n.tf(W::ReturnTo.into(), &[&p.name, &who])}</p>
                        <label for="wf-reason">{tr(W::Reason.into())}</label>
                        <textarea id="wf-reason" data-testid="workflow-reason" required aria-describedby=error_id("wf-reason")
                            prop:value=move || inputs.reason.get() on:input=move |ev| inputs.reason.set(event_target_value(&ev))></textarea>
                        <FieldErrorText input_id="wf-reason" field="reason" errors />
                        <button type="submit" class="button" data-testid="workflow-return" disabled=pending>{tr(W::Return.into())}</button>
                    </form>
                }
            })}
            <h3>{tr(W::History.into())}</h3>
            <ol class="workflow-history" data-testid="workflow-history">
                {workflow.history.into_iter().map(history_item).collect_view()}
            </ol>
        </section>
    }
}

/// One move: what, to whom, by whom, when, and a return's reason.
fn history_item(m: WorkflowMove) -> impl IntoView {
    let i18n = use_i18n();
    let from = m.from_step.unwrap_or_default();
    let what = match m.kind {
        MoveKind::Start => i18n.tf(W::MoveStart.into(), &[&m.to_step]),
        MoveKind::Pass => i18n.tf(W::MovePass.into(), &[&from, &m.to_step]),
        MoveKind::Return => i18n.tf(W::MoveReturn.into(), &[&from, &m.to_step]),
    };
    let name = |u: Option<baton_core::UserRef>| u.map(|u| u.name).unwrap_or_else(|| "—".to_owned());
    let who = i18n.tf(W::MoveBy.into(), &[&name(m.handler), &name(m.by)]);
    let at = m.at.clone();
    view! {
        <li data-testid="workflow-move" data-kind=m.kind.code()>
            <span>{what}</span> " · " <span>{who}</span> " · " <time datetime=m.at>{move || format_time(&at, i18n.locale())}</time>
            {m.reason.map(|r| view! { <p class="workflow-reason" data-testid="workflow-move-reason">{r}</p> })}
        </li>
    }
}
