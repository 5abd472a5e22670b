//! `/admin/routing` (issue 13, capability `routing`, `settings.manage`): the agent groups — name,
//! assignment mode (manual, round robin, least loaded), members and managers ([`group_form`]) —
//! and the routing rules in the order they are tried, with up/down buttons (focus follows the
//! moved rule) and an editor ([`rule_form`]). Deleting asks first; a group something still sends
//! tickets to is refused (409 `group_in_use`) and said so.

mod group_form;
mod rule_form;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{focus_id, loaded};
use crate::i18n::routing::mode_key;
use crate::i18n::{fill, AdminKey, RoutingKey as R};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::{AdminGroup, AgentState, GroupRef, RoutingRule, TicketType, UserRef};
use group_form::GroupForm;
use leptos::prelude::*;
use super::form_parts::ConfirmDelete;
use rule_form::RuleForm;

/// What the editors pick from.
#[derive(Clone, Default)]
struct Lists {
    staff: Vec<UserRef>,
    types: Vec<TicketType>,
    customer_groups: Vec<GroupRef>,
}

/// Which editor is open: a group or a rule, new (`None`) or existing.
#[derive(Clone, PartialEq)]
enum Editing {
    Group(Option<AdminGroup>),
    Rule(Option<RoutingRule>),
}

#[component]
pub fn AdminRouting() -> impl IntoView {
    use_page_title(|i| i.t(R::Title.into()).to_owned());
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move {
            let groups = api.admin_groups().await?;
            let rules = api.routing_rules().await?;
            let staff = api.admin_agents().await?.into_iter().filter(|a| a.state != AgentState::Deactivated).map(|a| UserRef { id: a.id, name: a.name }).collect();
            // The condition lists are a convenience: without them the editor offers fewer choices.
            let types = api.ticket_types().await.unwrap_or_default();
            let customer_groups = api.customer_groups().await.unwrap_or_default();
            Ok((Lists { staff, types, customer_groups }, groups, rules))
        }
    });
    view! {
        <AdminPage section=Section::Routing>
            <div class="admin-head"><h1>{tr(R::Title.into())}</h1></div>
            <p class="muted">{tr(R::Intro.into())}</p>
            {move || loaded(data.get(), |(lists, groups, rules)| view! { <RoutingLists lists groups rules /> }.into_any())}
        </AdminPage>
    }
}

#[component]
fn RoutingLists(lists: Lists, groups: Vec<AdminGroup>, rules: Vec<RoutingRule>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let lists = StoredValue::new(lists);
    let groups = RwSignal::new(groups);
    let rules = RwSignal::new(rules);
    let editing = RwSignal::new(None::<Editing>);
    let confirming = RwSignal::new(None::<(&'static str, i64)>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let say = move |key: crate::i18n::Key, name: &str| notice.set(Some(fill(i18n.t(key), &[name])));
    let group_saved = Callback::new(move |g: AdminGroup| {
        say(AdminKey::SlaSaved.into(), &g.name);
        groups.update(|list| match list.iter_mut().find(|x| x.id == g.id) {
            Some(x) => *x = g,
            None => list.push(g),
        });
        editing.set(None);
    });
    let rule_saved = Callback::new(move |r: RoutingRule| {
        say(AdminKey::SlaSaved.into(), &r.spec.name);
        rules.update(|list| match list.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r,
            None => list.push(r),
        });
        editing.set(None);
    });
    let cancel = Callback::new(move |()| editing.set(None));
    let delete = move |kind: &'static str, id: i64, name: String| {
        let api = api.get_value();
        busy.run(async move {
            let done = if kind == "group" { api.delete_group(id).await } else { api.delete_routing_rule(id).await };
            confirming.set(None);
            match done {
                Ok(()) => {
                    groups.update(|l| l.retain(|g| kind != "group" || g.id != id));
                    rules.update(|l| l.retain(|r| kind != "rule" || r.id != id));
                    say(AdminKey::SlaDeleted.into(), &name);
                }
                Err(e) if e.is("group_in_use") => say(R::InUse.into(), &name),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let shift = move |index: usize, up: bool| {
        let mut order: Vec<i64> = rules.with_untracked(|l| l.iter().map(|r| r.id).collect());
        let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|i| *i < order.len()) };
        let Some(other) = other else { return };
        order.swap(index, other);
        let moved = order[other];
        busy.run(async move {
            match api.get_value().order_routing_rules(order.clone()).await {
                Ok(list) => {
                    rules.set(list);
                    // Focus stays on the arrow pressed, or the other one once at the edge (disabled).
                    let edge = if up { other == 0 } else { other + 1 == order.len() };
                    let id = format!("rule-{}-{moved}", if up != edge { "up" } else { "down" });
                    request_animation_frame(move || focus_id(&id));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let confirm_row = move |kind: &'static str, id: i64, name: String| {
        move || (confirming.get() == Some((kind, id))).then(|| {
            let name = name.clone();
            let question = fill(i18n.t(AdminKey::SlaDeleteConfirm.into()), &[&name]);
            let (on_yes, on_no) = (Callback::new(move |()| delete(kind, id, name.clone())), Callback::new(move |()| confirming.set(None)));
            view! { <ConfirmDelete prefix="routing" question pending on_yes on_no /> }
        })
    };
    // Edit and delete of a group or rule `name`.
    let actions = move |name: &str, edit: Editing, kind: &'static str, id: i64| {
        let label = |key: AdminKey| fill(i18n.t(key.into()), &[name]);
        view! {
            <button type="button" class="button" data-testid="routing-edit" aria-label=label(AdminKey::SlaEditOf)
                on:click=move |_| editing.set(Some(edit.clone()))>{tr(AdminKey::SlaEdit.into())}</button>
            <button type="button" class="button" data-testid="routing-delete" aria-label=label(AdminKey::SlaDeleteOf)
                on:click=move |_| confirming.set(Some((kind, id)))>{tr(AdminKey::SlaDelete.into())}</button>
        }
    };
    let names = |people: &[UserRef]| people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|e| match e {
            Editing::Group(existing) => view! { <GroupForm existing staff=lists.with_value(|l| l.staff.clone()) on_saved=group_saved on_cancel=cancel /> }.into_any(),
            Editing::Rule(existing) => {
                let Lists { types, customer_groups, .. } = lists.get_value();
                view! { <RuleForm existing groups=groups.get_untracked() types customer_groups on_saved=rule_saved on_cancel=cancel /> }.into_any()
            }
        })}
        <section class="card" aria-labelledby="routing-groups-h" data-testid="routing-groups">
            <div class="admin-head">
                <h2 id="routing-groups-h">{tr(R::Groups.into())}</h2>
                <button type="button" class="button" data-testid="group-new" on:click=move |_| editing.set(Some(Editing::Group(None)))>{tr(R::NewGroup.into())}</button>
            </div>
            {move || groups.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(R::NoGroups.into())}</p> })}
            <ul class="admin-list">
                {move || groups.get().into_iter().map(|g| {
                    let (id, name) = (g.id, g.name.clone());
                    let members = if g.members.is_empty() { i18n.t(R::NoMembers.into()).to_owned() } else { names(&g.members) };
                    let managers = (!g.managers.is_empty()).then(|| format!("{}: {}", i18n.t(R::Managers.into()), names(&g.managers)));
                    view! {
                        <li data-testid="routing-group" data-group-id=id data-mode=g.mode.code()>
                            <span>
                                <strong>{name.clone()}</strong>" · "{tr(mode_key(g.mode).into())}<br />
                                <span class="muted" data-testid="group-members">{members}</span>
                                {managers.map(|m| view! { <br /><span class="muted">{m}</span> })}
                            </span>
                            <span class="admin-actions">{actions(&name, Editing::Group(Some(g.clone())), "group", id)}</span>
                            {confirm_row("group", id, name)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="routing-rules-h" data-testid="routing-rules">
            <div class="admin-head">
                <h2 id="routing-rules-h">{tr(R::Rules.into())}</h2>
                <button type="button" class="button" data-testid="rule-new" disabled=move || groups.with(Vec::is_empty)
                    on:click=move |_| editing.set(Some(Editing::Rule(None)))>{tr(R::NewRule.into())}</button>
            </div>
            <p class="muted">{move || tr(if rules.with(Vec::is_empty) { R::NoRules } else { R::OrderHint }.into())()}</p>
            <ol class="admin-list">
                {move || {
                    let list = rules.get();
                    let last = list.len().saturating_sub(1);
                    list.into_iter().enumerate().map(|(i, r)| {
                        let (id, name) = (r.id, r.spec.name.clone());
                        let to = groups.with(|gs| gs.iter().find(|g| g.id == r.spec.group_id).map(|g| g.name.clone())).unwrap_or_default();
                        let label = |key: AdminKey| fill(i18n.t(key.into()), &[&name]);
                        view! {
                            <li data-testid="routing-rule" data-rule-id=id>
                                <span><strong>{name.clone()}</strong>" → "{to}</span>
                                <span class="admin-actions">
                                    <button type="button" class="button" id=format!("rule-up-{id}") data-testid="rule-up"
                                        aria-label=label(AdminKey::SlaMoveUp) disabled=move || i == 0 || pending.get()
                                        on:click=move |_| shift(i, true)>"↑"</button>
                                    <button type="button" class="button" id=format!("rule-down-{id}") data-testid="rule-down"
                                        aria-label=label(AdminKey::SlaMoveDown) disabled=move || i == last || pending.get()
                                        on:click=move |_| shift(i, false)>"↓"</button>
                                    {actions(&name, Editing::Rule(Some(r.clone())), "rule", id)}
                                </span>
                                {confirm_row("rule", id, name.clone())}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}
