//! The rule editor: name, on/off, the trigger (an event, or hours after one of the ticket's times),
//! the views' conditions (the view editor's rows) and the actions in order. The server checks it
//! all; its errors (`name`, `trigger.hours`, `conditions[<i>].…`, `actions[<i>].…`) show beside
//! their field, and nothing typed is lost.

use crate::api::use_api;
use crate::components::agent::view_editor::catalog::Catalog;
use crate::components::agent::view_editor::condition_row::{ConditionRow, Row};
use crate::components::ui::{error_id, FieldErrorText};
use crate::i18n::agent::priority_key;
use crate::i18n::{field_key, AutomationKey as A};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::automation::{Automation, AutomationSpec, NotifyWho, RuleAction, TicketEvent, TimeBasis, Trigger};
use baton_core::problem::code;
use baton_core::{FieldError, Op, Priority, QuickReply};
use leptos::prelude::*;

const EVENTS: [(TicketEvent, A); 4] = [
    (TicketEvent::Created, A::EvCreated),
    (TicketEvent::Updated, A::EvUpdated),
    (TicketEvent::CustomerReplied, A::EvCustomerReplied),
    (TicketEvent::AgentReplied, A::EvAgentReplied),
];
const BASES: [(TimeBasis, A); 5] = [
    (TimeBasis::Created, A::BasisCreated),
    (TimeBasis::Updated, A::BasisUpdated),
    (TimeBasis::Solved, A::BasisSolved),
    (TimeBasis::Pending, A::BasisPending),
    (TimeBasis::SlaDue, A::BasisSlaDue),
];
const KINDS: [(&str, A); 9] = [
    ("set_priority", A::ActSetPriority),
    ("assign_group", A::ActAssignGroup),
    ("assign_agent", A::ActAssignAgent),
    ("set_type", A::ActSetType),
    ("add_tags", A::ActAddTags),
    ("remove_tags", A::ActRemoveTags),
    ("add_note", A::ActAddNote),
    ("notify", A::ActNotify),
    ("quick_reply", A::ActQuickReply),
];
const PRIORITIES: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];
const NOTIFY: [(&str, A); 3] = [("assignee", A::NotifyAssignee), ("group", A::NotifyGroup), ("agent", A::NotifyAgent)];

/// One action's inputs: its kind, its value (an id, a code, tags or a note) and a second value
/// (a sub-type, or the agent a notice goes to).
#[derive(Clone, Copy)]
struct ActionRow {
    uid: u64,
    kind: RwSignal<String>,
    value: RwSignal<String>,
    extra: RwSignal<String>,
}

fn priority_code(p: Priority) -> &'static str {
    match p {
        Priority::Low => "low",
        Priority::Normal => "normal",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

impl ActionRow {
    fn of(uid: u64, a: &RuleAction) -> ActionRow {
        let s = |v: &dyn ToString| v.to_string();
        let (kind, value, extra) = match a {
            RuleAction::AssignGroup { group_id } => ("assign_group", s(group_id), String::new()),
            RuleAction::AssignAgent { agent_id } => ("assign_agent", s(agent_id), String::new()),
            RuleAction::SetPriority { priority } => ("set_priority", priority_code(*priority).to_owned(), String::new()),
            RuleAction::SetType { type_id, subtype_id } => ("set_type", s(type_id), subtype_id.map(|x| x.to_string()).unwrap_or_default()),
            RuleAction::AddTags { tags } => ("add_tags", tags.join(", "), String::new()),
            RuleAction::RemoveTags { tags } => ("remove_tags", tags.join(", "), String::new()),
            RuleAction::AddNote { body } => ("add_note", body.clone(), String::new()),
            RuleAction::Notify { to, agent_id } => {
                let to = match to {
                    NotifyWho::Assignee => "assignee",
                    NotifyWho::Group => "group",
                    NotifyWho::Agent => "agent",
                };
                ("notify", to.to_owned(), agent_id.map(|x| x.to_string()).unwrap_or_default())
            }
            RuleAction::QuickReply { quick_reply_id } => ("quick_reply", s(quick_reply_id), String::new()),
        };
        ActionRow { uid, kind: RwSignal::new(kind.to_owned()), value: RwSignal::new(value), extra: RwSignal::new(extra) }
    }

    /// The action as the API takes it; an id not chosen is 0, which the server names.
    fn action(&self) -> RuleAction {
        let value = self.value.get_untracked();
        let id = value.trim().parse().unwrap_or(0);
        let extra = self.extra.get_untracked().trim().parse::<i64>().ok();
        let tags = || value.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        match self.kind.get_untracked().as_str() {
            "assign_group" => RuleAction::AssignGroup { group_id: id },
            "assign_agent" => RuleAction::AssignAgent { agent_id: id },
            "set_type" => RuleAction::SetType { type_id: id, subtype_id: extra },
            "add_tags" => RuleAction::AddTags { tags: tags() },
            "remove_tags" => RuleAction::RemoveTags { tags: tags() },
            "add_note" => RuleAction::AddNote { body: value },
            "notify" => {
                let to = match value.as_str() {
                    "group" => NotifyWho::Group,
                    "agent" => NotifyWho::Agent,
                    _ => NotifyWho::Assignee,
                };
                RuleAction::Notify { to, agent_id: extra.filter(|_| to == NotifyWho::Agent) }
            }
            "quick_reply" => RuleAction::QuickReply { quick_reply_id: id },
            _ => RuleAction::SetPriority { priority: PRIORITIES.into_iter().find(|p| priority_code(*p) == value).unwrap_or_default() },
        }
    }
}

#[component]
pub fn RuleForm(existing: Option<Automation>, replies: Vec<QuickReply>, on_saved: Callback<Automation>, on_cancel: Callback<()>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let catalog = Catalog::load(api.get_value());
    let id = existing.as_ref().map(|r| r.id);
    let spec = existing.map(|r| r.spec);
    let name = RwSignal::new(spec.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let active = RwSignal::new(spec.as_ref().is_none_or(|s| s.active));
    let trigger = spec.as_ref().map_or(Trigger::Event { event: TicketEvent::Created }, |s| s.trigger);
    let (event, basis, hours) = match trigger {
        Trigger::Event { event } => (Some(event), TimeBasis::Created, String::new()),
        Trigger::Time { basis, hours } => (None, basis, hours.to_string()),
    };
    let event = RwSignal::new(event);
    let basis = RwSignal::new(basis);
    let hours = RwSignal::new(hours);
    let uids = StoredValue::new(0_u64);
    let fresh = move || {
        uids.update_value(|n| *n += 1);
        uids.get_value()
    };
    let conditions = RwSignal::new(spec.as_ref().map(|s| s.conditions.iter().map(|c| Row::from_condition(fresh(), c)).collect::<Vec<_>>()).unwrap_or_default());
    let actions = RwSignal::new(spec.as_ref().map(|s| s.actions.iter().map(|a| ActionRow::of(fresh(), a)).collect::<Vec<_>>()).unwrap_or_else(|| {
        vec![ActionRow::of(fresh(), &RuleAction::SetPriority { priority: Priority::High })]
    }));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let replies = StoredValue::new(replies);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = i18n.locale().code();
        let trigger = match event.get_untracked() {
            Some(event) => Trigger::Event { event },
            // Not a number: sent as 0, which the server names (`trigger.hours`).
            None => Trigger::Time { basis: basis.get_untracked(), hours: hours.get_untracked().trim().parse().unwrap_or(0) },
        };
        let spec = AutomationSpec {
            name: name.get_untracked(),
            active: active.get_untracked(),
            trigger,
            conditions: conditions.get_untracked().iter().map(|r| r.condition(untrack(|| catalog.options(&r.field.get_untracked(), locale).is_some()))).collect(),
            actions: actions.with_untracked(|a| a.iter().map(ActionRow::action).collect()),
        };
        let api = api.get_value();
        busy.run(async move {
            match api.save_automation(id, &spec).await {
                Ok(r) => on_saved.run(r),
                Err(e) => {
                    let fields = e.field_errors();
                    let taken = e.is(code::ALREADY_EXISTS).then(|| i18n.t(A::NameTaken.into()).to_owned());
                    failure.set(if fields.is_empty() { Some(taken.unwrap_or_else(|| i18n.t(crate::i18n::error_message(&e).0).to_owned())) } else { None });
                    errors.set(fields);
                }
            }
        });
    };
    let remove_condition = move |key: u64| {
        conditions.update(|r| r.retain(|row| row.key != key));
        errors.update(|e| e.retain(|e| !e.field.starts_with("conditions")));
    };
    let errs: Signal<Vec<FieldError>> = errors.into();
    view! {
        <form class="card admin-form" data-testid="automation-form" on:submit=save novalidate>
            {move || failure.get().map(|f| view! { <p class="form-error" role="alert" data-testid="automation-form-error">{f}</p> })}
            <label for="au-name">{tr(A::Name.into())}</label>
            <input id="au-name" data-testid="automation-name" aria-describedby=error_id("au-name") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            <FieldErrorText input_id="au-name" field="name" errors=errs />
            <label><input type="checkbox" data-testid="automation-form-active" prop:checked=move || active.get() on:change=move |ev| active.set(event_target_checked(&ev)) />{tr(A::Active.into())}</label>
            <label for="au-when">{tr(A::When.into())}</label>
            <select id="au-when" data-testid="automation-trigger" on:change=move |ev| {
                let v = event_target_value(&ev);
                event.set(EVENTS.into_iter().find(|(e, _)| e.code() == v).map(|(e, _)| e));
            }>
                {EVENTS.into_iter().map(|(e, k)| view! { <option value=e.code() selected=move || event.get() == Some(e)>{tr(k.into())}</option> }).collect_view()}
                <option value="time" selected=move || event.get().is_none()>{tr(A::TimeRule.into())}</option>
            </select>
            {move || event.get().is_none().then(|| view! {
                <label for="au-basis">{tr(A::Basis.into())}</label>
                <select id="au-basis" data-testid="automation-basis" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((b, _)) = BASES.into_iter().find(|(b, _)| b.code() == v) { basis.set(b) }
                }>
                    {BASES.into_iter().map(|(b, k)| view! { <option value=b.code() selected=move || basis.get() == b>{tr(k.into())}</option> }).collect_view()}
                </select>
                <label for="au-hours">{tr(A::Hours.into())}</label>
                <input id="au-hours" type="number" min="1" data-testid="automation-hours" aria-describedby=error_id("au-hours")
                    prop:value=move || hours.get() on:input=move |ev| hours.set(event_target_value(&ev)) />
                <FieldErrorText input_id="au-hours" field="trigger.hours" errors=errs />
            })}
            <fieldset class="conditions">
                <legend>{tr(A::Conditions.into())}</legend>
                {move || conditions.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(A::NoConditions.into())}</p> })}
                <ol class="condition-list">
                    <For each=move || conditions.get() key=|r| r.key let:row>
                        <ConditionRow row catalog errors=errs
                            index=Signal::derive(move || conditions.with(|r| r.iter().position(|x| x.key == row.key).unwrap_or(0)))
                            on_remove=remove_condition />
                    </For>
                </ol>
                <button type="button" class="button" data-testid="automation-condition-add"
                    on:click=move |_| conditions.update(|r| r.push(Row::new(fresh(), "priority", Op::Is, Vec::new())))>{tr(A::AddCondition.into())}</button>
            </fieldset>
            <fieldset>
                <legend>{tr(A::Actions.into())}</legend>
                <FieldErrorText input_id="au-add-action" field="actions" errors=errs />
                <ol class="condition-list">
                    <For each=move || actions.get() key=|r| r.uid let:row>
                        <ActionEditor row actions errors catalog replies />
                    </For>
                </ol>
                <button type="button" class="button" id="au-add-action" data-testid="automation-action-add"
                    on:click=move |_| actions.update(|a| a.push(ActionRow::of(fresh(), &RuleAction::AddNote { body: String::new() })))>{tr(A::AddAction.into())}</button>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="automation-save" disabled=pending>{tr(A::Save.into())}</button>
                <button type="button" class="button" data-testid="automation-cancel" on:click=move |_| on_cancel.run(())>{tr(A::Cancel.into())}</button>
            </div>
        </form>
    }
}

#[component]
fn ActionEditor(
    row: ActionRow,
    actions: RwSignal<Vec<ActionRow>>,
    errors: RwSignal<Vec<FieldError>>,
    catalog: Catalog,
    replies: StoredValue<Vec<QuickReply>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let uid = row.uid;
    let at = move || actions.with(|a| a.iter().position(|x| x.uid == uid).unwrap_or(0));
    let n = move || (at() + 1).to_string();
    let id = move |part: &str| format!("au-{uid}-{part}");
    // The server's first error about this action, beside it.
    let error = move || {
        let prefix = format!("actions[{}]", at());
        errors.with(|e| e.iter().find(|e| e.field == prefix || e.field.starts_with(&format!("{prefix}."))).cloned()).map(|e| view! {
            <p class="field-error" data-testid="field-error" data-field=e.field.clone() id=error_id(&id("value"))>{tr(field_key(&e.code))}</p>
        })
    };
    let options = |list: Option<Vec<(i64, String)>>, current: RwSignal<String>| {
        let mut list = list.unwrap_or_default();
        list.insert(0, (0, "—".to_owned()));
        list.into_iter().map(move |(v, label)| {
            let v = if v == 0 { String::new() } else { v.to_string() };
            let value = v.clone();
            view! { <option value=v selected=move || current.get() == value>{label}</option> }
        }).collect_view()
    };
    let value_label = move || i18n.tf(A::Value.into(), &[&n()]);
    let select = move |list: Option<Vec<(i64, String)>>, signal: RwSignal<String>, label: String| view! {
        <select id=id("value") data-testid="automation-action-value" aria-label=label aria-describedby=error_id(&id("value"))
            on:change=move |ev| signal.set(event_target_value(&ev))>{options(list, signal)}</select>
    };
    let value = move || {
        let locale = i18n.locale().code();
        match row.kind.get().as_str() {
            "assign_group" => select(catalog.groups.get(), row.value, value_label()).into_any(),
            "assign_agent" => select(catalog.agents.get(), row.value, value_label()).into_any(),
            "quick_reply" => select(Some(replies.get_value().into_iter().map(|r| (r.id, r.title)).collect()), row.value, value_label()).into_any(),
            "set_type" => {
                let types = catalog.types.get().unwrap_or_default();
                let chosen = row.value.get().parse::<i64>().ok();
                let subtypes = types.iter().find(|t| Some(t.id) == chosen).map(|t| t.subtypes.iter().map(|s| (s.id, s.name.get(locale).to_owned())).collect::<Vec<_>>());
                let types = types.iter().map(|t| (t.id, t.name.get(locale).to_owned())).collect();
                view! {
                    {select(Some(types), row.value, value_label())}
                    {subtypes.filter(|s| !s.is_empty()).map(|s| view! {
                        <select data-testid="automation-action-extra" aria-label=i18n.tf(A::Subtype.into(), &[&n()])
                            on:change=move |ev| row.extra.set(event_target_value(&ev))>{options(Some(s), row.extra)}</select>
                    })}
                }.into_any()
            }
            "set_priority" => view! {
                <select id=id("value") data-testid="automation-action-value" aria-label=value_label() on:change=move |ev| row.value.set(event_target_value(&ev))>
                    {PRIORITIES.into_iter().map(|p| view! { <option value=priority_code(p) selected=move || row.value.get() == priority_code(p)>{tr(priority_key(p))}</option> }).collect_view()}
                </select>
            }.into_any(),
            "notify" => view! {
                <select id=id("value") data-testid="automation-action-value" aria-label=value_label() on:change=move |ev| row.value.set(event_target_value(&ev))>
                    {NOTIFY.into_iter().map(|(v, k)| view! { <option value=v selected=move || row.value.get() == v>{tr(k.into())}</option> }).collect_view()}
                </select>
                {move || (row.value.get() == "agent").then(|| view! {
                    <select data-testid="automation-action-extra" aria-label=i18n.t(A::NotifyAgent.into())
                        on:change=move |ev| row.extra.set(event_target_value(&ev))>{options(catalog.agents.get(), row.extra)}</select>
                })}
            }.into_any(),
            "add_note" => view! {
                <textarea id=id("value") data-testid="automation-action-value" aria-label=value_label() aria-describedby=error_id(&id("value"))
                    prop:value=move || row.value.get() on:input=move |ev| row.value.set(event_target_value(&ev))></textarea>
            }.into_any(),
            _ => view! {
                <input id=id("value") data-testid="automation-action-value" aria-label=value_label() placeholder=i18n.t(A::TagsHint.into())
                    aria-describedby=error_id(&id("value")) prop:value=move || row.value.get() on:input=move |ev| row.value.set(event_target_value(&ev)) />
            }.into_any(),
        }
    };
    // A new kind starts from an empty value (or the first code its list offers).
    let on_kind = move |kind: String| {
        let start = match kind.as_str() {
            "set_priority" => "high",
            "notify" => "assignee",
            _ => "",
        };
        row.value.set(start.to_owned());
        row.extra.set(String::new());
        row.kind.set(kind);
    };
    view! {
        <li data-testid="automation-action-row">
            <select id=id("kind") data-testid="automation-action-kind" aria-label=move || i18n.tf(A::ActionKind.into(), &[&n()])
                on:change=move |ev| on_kind(event_target_value(&ev))>
                {KINDS.into_iter().map(|(k, key)| view! { <option value=k selected=move || row.kind.get() == k>{tr(key.into())}</option> }).collect_view()}
            </select>
            {value}
            <button type="button" class="button" data-testid="automation-action-remove" aria-label=move || i18n.tf(A::RemoveAction.into(), &[&n()])
                on:click=move |_| actions.update(|a| a.retain(|x| x.uid != uid))>"×"</button>
            {error}
        </li>
    }
}
