//! The report's filters: period (from, to, counted by creation or by solve), interval, and which
//! agents, ticket types, groups and the assignee's roles (none ticked: all). "Show report" puts them in the URL; the page reads
//! them back from there, so the form never holds a report of its own.

use super::params::{valid_period, Filters};
use super::text::rt;
use crate::i18n::ReportKey;
use crate::state::locale::use_i18n;
use crate::i18n::AdminKey;
use crate::state::locale::tr;
use baton_core::{AgentGroup, AgentInfo, ReportBy, ReportInterval, TicketType};
use leptos::prelude::*;


/// Ticks or unticks `id` in `list`.
fn toggle(list: RwSignal<Vec<i64>>, id: i64, on: bool) {
    list.update(|l| {
        l.retain(|x| *x != id);
        if on {
            l.push(id);
        }
    });
}

/// The form.
#[component]
pub fn FilterForm(
    /// The filters the report shows now.
    current: Filters,
    /// The agents to choose from.
    agents: Signal<Vec<AgentInfo>>,
    /// The ticket types to choose from.
    types: Signal<Vec<TicketType>>,
    /// The agent groups to choose from (session 9).
    groups: Signal<Vec<AgentGroup>>,
    /// Called with valid filters to show.
    on_apply: Callback<Filters>,
) -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(current.from.clone());
    let to = RwSignal::new(current.to.clone());
    let by = RwSignal::new(current.by);
    let interval = RwSignal::new(current.interval);
    let chosen_agents = RwSignal::new(current.agents.clone());
    let chosen_types = RwSignal::new(current.types.clone());
    let chosen_groups = RwSignal::new(current.groups.clone());
    let chosen_roles = RwSignal::new(current.roles.clone());
    // Sub-types and customer groups have no boxes yet: the URL's are kept.
    let kept = StoredValue::new((current.subtypes.clone(), current.customer_groups.clone()));
    let bad = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (f, t) = (from.get_untracked(), to.get_untracked());
        if !valid_period(&f, &t) {
            bad.set(true);
            return;
        }
        bad.set(false);
        on_apply.run(Filters {
            from: f,
            to: t,
            by: by.get_untracked(),
            interval: interval.get_untracked(),
            agents: chosen_agents.get_untracked(),
            types: chosen_types.get_untracked(),
            groups: chosen_groups.get_untracked(),
            subtypes: kept.get_value().0,
            customer_groups: kept.get_value().1,
            roles: chosen_roles.get_untracked(),
        });
    };
    let invalid = move || bad.get().then_some("true");
    let described = move || bad.get().then_some("report-filter-error");
    let agent_boxes = move || agents.get().into_iter().map(|a| {
        let id = a.id;
        view! {
            <label class="report-check">
                <input type="checkbox" data-testid="report-agent" value=id prop:checked=move || chosen_agents.with(|c| c.contains(&id))
                    on:change=move |ev| toggle(chosen_agents, id, event_target_checked(&ev)) />
                {a.name}
            </label>
        }
    }).collect_view();
    let type_boxes = move || types.get().into_iter().map(|t| {
        let (id, name) = (t.id, t.name);
        view! {
            <label class="report-check">
                <input type="checkbox" data-testid="report-type" value=id prop:checked=move || chosen_types.with(|c| c.contains(&id))
                    on:change=move |ev| toggle(chosen_types, id, event_target_checked(&ev)) />
                {move || name.get(i18n.locale().code()).to_owned()}
            </label>
        }
    }).collect_view();
    let group_boxes = move || groups.get().into_iter().map(|g| {
        let id = g.id;
        view! {
            <label class="report-check">
                <input type="checkbox" data-testid="report-group" value=id prop:checked=move || chosen_groups.with(|c| c.contains(&id))
                    on:change=move |ev| toggle(chosen_groups, id, event_target_checked(&ev)) />
                {g.name}
            </label>
        }
    }).collect_view();
    let role_boxes = super::params::ROLES.map(|code| {
        let key: AdminKey = match code {
            "admin" => AdminKey::RoleAdmin,
            "owner" => AdminKey::RoleOwner,
            _ => AdminKey::RoleAgent,
        };
        view! {
            <label class="report-check">
                <input type="checkbox" data-testid="report-role" value=code prop:checked=move || chosen_roles.with(|c| c.iter().any(|r| r == code))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen_roles.update(|l| {
                            l.retain(|r| r != code);
                            if on {
                                l.push(code.to_owned());
                            }
                        });
                    } />
                {tr(key.into())}
            </label>
        }
    }).into_iter().collect_view();
    view! {
        <form class="card report-section report-filters" data-testid="report-filters" on:submit=submit
            aria-labelledby="report-filters-h" novalidate>
            <h2 id="report-filters-h">{rt(ReportKey::FiltersHeading)}</h2>
            <div class="report-filter-row">
                <label>{rt(ReportKey::From)}
                    <input type="date" data-testid="report-from" prop:value=from aria-invalid=invalid aria-describedby=described
                        on:input=move |ev| from.set(event_target_value(&ev)) />
                </label>
                <label>{rt(ReportKey::To)}
                    <input type="date" data-testid="report-to" prop:value=to aria-invalid=invalid aria-describedby=described
                        on:input=move |ev| to.set(event_target_value(&ev)) />
                </label>
                <label>{rt(ReportKey::By)}
                    <select data-testid="report-by" on:change=move |ev| by.set(if event_target_value(&ev) == "solved" { ReportBy::Solved } else { ReportBy::Created })>
                        <option value="created" selected=current.by == ReportBy::Created>{rt(ReportKey::ByCreated)}</option>
                        <option value="solved" selected=current.by == ReportBy::Solved>{rt(ReportKey::BySolved)}</option>
                    </select>
                </label>
                <label>{rt(ReportKey::Interval)}
                    <select data-testid="report-interval" on:change=move |ev| interval.set(match event_target_value(&ev).as_str() {
                        "week" => ReportInterval::Week,
                        "month" => ReportInterval::Month,
                        _ => ReportInterval::Day,
                    })>
                        <option value="day" selected=current.interval == ReportInterval::Day>{rt(ReportKey::Day)}</option>
                        <option value="week" selected=current.interval == ReportInterval::Week>{rt(ReportKey::Week)}</option>
                        <option value="month" selected=current.interval == ReportInterval::Month>{rt(ReportKey::Month)}</option>
                    </select>
                </label>
            </div>
            {move || bad.get().then(|| view! {
                <p class="field-error" id="report-filter-error" role="alert" data-testid="report-filter-error">{rt(ReportKey::BadPeriod)}</p>
            })}
            <div class="report-filter-row">
                <fieldset class="report-choices">
                    <legend>{rt(ReportKey::Agents)}</legend>
                    <p class="hint">{rt(ReportKey::NoneChosenAll)}</p>
                    {agent_boxes}
                </fieldset>
                <fieldset class="report-choices">
                    <legend>{rt(ReportKey::Types)}</legend>
                    <p class="hint">{rt(ReportKey::NoneChosenAll)}</p>
                    {type_boxes}
                </fieldset>
                <fieldset class="report-choices">
                    <legend>{rt(ReportKey::Groups)}</legend>
                    <p class="hint">{rt(ReportKey::NoneChosenAll)}</p>
                    {group_boxes}
                </fieldset>
                <fieldset class="report-choices">
                    <legend>{rt(ReportKey::Roles)}</legend>
                    <p class="hint">{rt(ReportKey::NoneChosenAll)}</p>
                    {role_boxes}
                </fieldset>
            </div>
            <button type="submit" class="button primary" data-testid="report-apply">{rt(ReportKey::Apply)}</button>
        </form>
    }
}
