//! Which tickets an SLA policy or a routing rule is for: priorities, channels, types and
//! sub-types, customer groups, as ticked boxes — nothing ticked in a list does not narrow. The
//! server's errors show under their list (`conditions.<list>`). One editor for both, so the two
//! pages ask the same question the same way.

use super::sla::ErrorAt;
use crate::i18n::agent::{priority_key, PRIORITIES};
use crate::i18n::AdminKey;
use crate::state::locale::{tr, use_i18n};
use baton_core::sla::SlaConditions;
use baton_core::{Channel, FieldError, GroupRef, TicketType};
use leptos::prelude::*;

const CHANNELS: [(Channel, AdminKey); 5] = [
    (Channel::Web, AdminKey::ChWeb),
    (Channel::Widget, AdminKey::ChWidget),
    (Channel::Phone, AdminKey::ChPhone),
    (Channel::Email, AdminKey::ChEmail),
    (Channel::Api, AdminKey::ChApi),
];

/// A set of ids (or codes) ticked in a list of checkboxes.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}

/// The condition lists of `conditions` (its `customer_ids` are left as they are). `prefix` starts
/// every id and test id (`policy-priority`, `rule-type`, …).
#[component]
pub fn ConditionFields(
    prefix: &'static str,
    conditions: RwSignal<SlaConditions>,
    types: Vec<TicketType>,
    customer_groups: Vec<GroupRef>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale().code();
    let check = move |what: &'static str, label: String, on: bool, change: Box<dyn Fn(bool) + Send + Sync>| view! {
        <label class="admin-check">
            <input type="checkbox" data-testid=format!("{prefix}-{what}") prop:checked=on on:change=move |ev| change(event_target_checked(&ev)) />
            {label}
        </label>
    };
    let error = move |list: &'static str| view! { <ErrorAt id=format!("{prefix}-{list}-error") field=format!("conditions.{list}") errors /> };
    view! {
        <fieldset class="admin-groups" data-testid=format!("{prefix}-conditions")>
            <legend>{tr(AdminKey::SlaConditions.into())}</legend>
            <p class="field-hint">{tr(AdminKey::SlaConditionsHint.into())}</p>
            <fieldset class="admin-groups" aria-describedby=format!("{prefix}-priorities-error")>
                <legend>{tr(AdminKey::SlaPriorities.into())}</legend>
                {PRIORITIES.into_iter().map(|p| check("priority", i18n.t(priority_key(p)).to_owned(),
                    conditions.with_untracked(|c| c.priorities.contains(&p)),
                    Box::new(move |on| conditions.update_untracked(|c| toggle(&mut c.priorities, p, on))))).collect_view()}
                {error("priorities")}
            </fieldset>
            <fieldset class="admin-groups" aria-describedby=format!("{prefix}-channels-error")>
                <legend>{tr(AdminKey::SlaChannels.into())}</legend>
                {CHANNELS.into_iter().map(|(ch, key)| check("channel", i18n.t(key.into()).to_owned(),
                    conditions.with_untracked(|c| c.channels.contains(&ch)),
                    Box::new(move |on| conditions.update_untracked(|c| toggle(&mut c.channels, ch, on))))).collect_view()}
                {error("channels")}
            </fieldset>
            <fieldset class="admin-groups" aria-describedby=format!("{prefix}-type_ids-error")>
                <legend>{tr(AdminKey::SlaTypes.into())}</legend>
                {types.iter().map(|t| {
                    let tid = t.id;
                    let subs = t.subtypes.iter().map(|s| {
                        let sid = s.id;
                        check("subtype", format!("{} / {}", t.name.get(locale()), s.name.get(locale())),
                            conditions.with_untracked(|c| c.subtype_ids.contains(&sid)),
                            Box::new(move |on| conditions.update_untracked(|c| toggle(&mut c.subtype_ids, sid, on))))
                    }).collect_view();
                    view! {
                        {check("type", t.name.get(locale()).to_owned(), conditions.with_untracked(|c| c.type_ids.contains(&tid)),
                            Box::new(move |on| conditions.update_untracked(|c| toggle(&mut c.type_ids, tid, on))))}
                        <div class="admin-nested">{subs}</div>
                    }
                }).collect_view()}
                {error("type_ids")}
                {error("subtype_ids")}
            </fieldset>
            <fieldset class="admin-groups" aria-describedby=format!("{prefix}-customer_group_ids-error")>
                <legend>{tr(AdminKey::SlaCustomerGroups.into())}</legend>
                {customer_groups.into_iter().map(|g| {
                    let gid = g.id;
                    check("customer-group", g.name, conditions.with_untracked(|c| c.customer_group_ids.contains(&gid)),
                        Box::new(move |on| conditions.update_untracked(|c| toggle(&mut c.customer_group_ids, gid, on))))
                }).collect_view()}
                {error("customer_group_ids")}
            </fieldset>
        </fieldset>
    }
}
