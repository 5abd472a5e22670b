//! A routing rule's editor: name, which new tickets it is for (the conditions SLA policies ask,
//! [`ConditionFields`]), the group it sends them to and, optionally, one of that group's members
//! (else the group's assignment picks). The server's errors show beside their inputs.

use super::super::conditions::ConditionFields;
use super::super::sla::ErrorAt;
use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{AdminKey, Key, RoutingKey as R};
use crate::state::busy::Busy;
use crate::state::locale::tr;
use baton_core::routing::RoutingConditions;
use baton_core::sla::SlaConditions;
use baton_core::{AdminGroup, FieldError, GroupRef, RoutingRule, RuleSpec, TicketType};
use leptos::prelude::*;
use crate::pages::admin::form_parts::SaveCancel;

#[component]
pub fn RuleForm(
    /// The rule to change; `None` for a new one.
    existing: Option<RoutingRule>,
    groups: Vec<AdminGroup>,
    types: Vec<TicketType>,
    customer_groups: Vec<GroupRef>,
    on_saved: Callback<RoutingRule>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let id = existing.as_ref().map(|r| r.id);
    let spec = existing.map(|r| r.spec);
    let name = RwSignal::new(spec.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let group = RwSignal::new(spec.as_ref().map(|s| s.group_id).or_else(|| groups.first().map(|g| g.id)));
    let agent = RwSignal::new(spec.as_ref().and_then(|s| s.agent_id));
    // The shared editor's lists (it also has `customer_ids`, which rules do not ask and it does not show).
    let c = spec.map(|s| s.conditions).unwrap_or_default();
    let conditions = RwSignal::new(SlaConditions {
        type_ids: c.type_ids,
        subtype_ids: c.subtype_ids,
        priorities: c.priorities,
        customer_group_ids: c.customer_group_ids,
        channels: c.channels,
        ..SlaConditions::default()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let Some(group_id) = group.get_untracked() else {
            errors.set(vec![FieldError::new("group_id", "required")]);
            return;
        };
        let c = conditions.get_untracked();
        let spec = RuleSpec {
            name: name.get_untracked().trim().to_owned(),
            conditions: RoutingConditions { type_ids: c.type_ids, subtype_ids: c.subtype_ids, priorities: c.priorities, customer_group_ids: c.customer_group_ids, channels: c.channels },
            group_id,
            agent_id: agent.get_untracked(),
        };
        busy.run(async move {
            match api.get_value().save_routing_rule(id, &spec).await {
                Ok(rule) => on_saved.run(rule),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    let groups = StoredValue::new(groups);
    // The chosen group's members, for the agent list.
    let members = move || groups.with_value(|gs| gs.iter().find(|g| Some(g.id) == group.get()).map(|g| g.members.clone()).unwrap_or_default());
    view! {
        <form class="card form admin-form" novalidate on:submit=submit data-testid="rule-form" aria-labelledby="rule-form-h">
            <h2 id="rule-form-h">{tr(if id.is_some() { R::EditRule } else { R::NewRule }.into())}</h2>
            <FormFailure failure testid="rule-error" />
            <TextField id="rule-name" testid="rule-name" field="name" label=Key::from(AdminKey::SlaName) value=name errors required=true />
            <div class="field">
                <label for="rule-group">{tr(R::SendTo.into())}</label>
                <select id="rule-group" data-testid="rule-group" aria-describedby="rule-group-error"
                    on:change=move |ev| { group.set(event_target_value(&ev).parse().ok()); agent.set(None); }>
                    {groups.get_value().into_iter().map(|g| {
                        let gid = g.id;
                        view! { <option value=gid selected=move || group.get() == Some(gid)>{g.name}</option> }
                    }).collect_view()}
                </select>
                <ErrorAt id="rule-group-error" field="group_id" errors />
            </div>
            <div class="field">
                <label for="rule-agent">{tr(R::Agent.into())}</label>
                <select id="rule-agent" data-testid="rule-agent" aria-describedby="rule-agent-error"
                    on:change=move |ev| agent.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || agent.get().is_none()>{tr(R::ByMode.into())}</option>
                    {move || members().into_iter().map(|m| {
                        let mid = m.id;
                        view! { <option value=mid selected=move || agent.get() == Some(mid)>{m.name}</option> }
                    }).collect_view()}
                </select>
                <ErrorAt id="rule-agent-error" field="agent_id" errors />
            </div>
            <ConditionFields prefix="rule" conditions types customer_groups errors />
            <SaveCancel prefix="rule" pending on_cancel />
        </form>
    }
}
