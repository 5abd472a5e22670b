//! SLA in reports (session 10): attainment per policy and target (`GET /reports/sla`) as a table,
//! and the breaches behind it (`GET /reports/sla/breaches`), latest due first, a page at a time,
//! each linking to its ticket in the workspace. Shown only on a backend with SLA.

use super::format::{duration, share};
use super::text::{rt, t, tf};
use crate::api::{use_api, ApiError, ReportQuery};
use crate::components::ui::{loaded, paged, ErrorPanel, LoadMore};
use crate::i18n::{format_time, ReportKey};
use crate::routes::Page;
use crate::state::load::Load;
use crate::state::locale::use_i18n;
use baton_core::sla::TimerName;
use baton_core::{Attainment, Page as ListPage, PolicyAttainment, SlaBreach};
use leptos::prelude::*;

fn target_key(target: TimerName) -> ReportKey {
    match target {
        TimerName::FirstReply => ReportKey::SlaFirstReply,
        TimerName::NextReply => ReportKey::SlaNextReply,
        TimerName::Resolution => ReportKey::SlaResolution,
    }
}

/// `50% (1/2)`: the share met on time and the targets behind it; `—` when none came due.
fn cell(a: Attainment, code: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let due = a.met + a.breached;
    view! {
        <td data-column=code data-met=a.met data-breached=a.breached>
            {move || share(i18n, a.share)}
            {(due > 0).then(|| format!(" ({}/{due})", a.met))}
        </td>
    }
}

/// Both sections for the report's filters.
#[component]
pub fn SlaReport(
    /// The report's filters.
    query: ReportQuery,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let query = StoredValue::new(query);
    let policies = Load::new(move || {
        let (api, query) = (api.get_value(), query.get_value());
        async move { api.report_sla(&query).await }
    });
    let first = Load::new(move || {
        let (api, query) = (api.get_value(), query.get_value());
        async move { api.report_sla_breaches(&query, None).await }
    });
    let more = RwSignal::new(Vec::<ListPage<SlaBreach>>::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let load = Callback::new(move |cursor: String| {
        let (api, query) = (api.get_value(), query.get_value());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.report_sla_breaches(&query, Some(cursor)).await {
                Ok(page) => more.update(|m| m.push(page)),
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    });
    let heads = [ReportKey::Policy, ReportKey::SlaFirstReply, ReportKey::SlaNextReply, ReportKey::SlaResolution];
    let breach_heads = [
        ReportKey::Number, ReportKey::TicketTitle, ReportKey::Policy, ReportKey::SlaTarget, ReportKey::DueAt,
        ReportKey::LateBy, ReportKey::Assignee, ReportKey::Group,
    ];
    view! {
        <section class="card report-section" data-testid="report-sla-policies">
            <h2 id="report-sla-policies-h">{rt(ReportKey::SlaPoliciesHeading)}</h2>
            {move || loaded(policies.get(), |rows| view! {
                <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-sla-policies-h">
                    <table class="report-table">
                        <thead><tr>{heads.map(|k| view! { <th scope="col">{rt(k)}</th> }).into_iter().collect_view()}</tr></thead>
                        <tbody>{rows.into_iter().map(policy_row).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any())}
        </section>
        <section class="card report-section" data-testid="report-sla-breaches">
            <h2 id="report-sla-breaches-h">{rt(ReportKey::BreachesHeading)}</h2>
            {move || loaded(first.get(), |page| {
                let (items, next) = paged(page, more);
                view! {
                    {move || items.with(Vec::is_empty).then(|| view! { <p class="empty">{rt(ReportKey::BreachesEmpty)}</p> })}
                    <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-sla-breaches-h">
                        <table class="report-table">
                            <thead><tr>{breach_heads.map(|k| view! { <th scope="col">{rt(k)}</th> }).into_iter().collect_view()}</tr></thead>
                            <tbody>{move || items.get().into_iter().map(breach_row).collect_view()}</tbody>
                        </table>
                    </div>
                    <LoadMore next busy=busy.into() load />
                }.into_any()
            })}
            {move || failure.get().map(|error| view! { <ErrorPanel error /> })}
        </section>
    }
}

fn policy_row(p: PolicyAttainment) -> impl IntoView {
    let i18n = use_i18n();
    let name = p.name.clone();
    view! {
        <tr data-testid="report-sla-policy" data-policy-id=p.policy_id>
            // The policy's name is the desk's text: a text node.
            <th scope="row">{move || name.clone().unwrap_or_else(|| t(i18n, ReportKey::DeletedPolicy).to_owned())}</th>
            {cell(p.first_reply, "first_reply")}
            {cell(p.next_reply, "next_reply")}
            {cell(p.resolution, "resolution")}
        </tr>
    }
}

fn breach_row(b: SlaBreach) -> impl IntoView {
    let i18n = use_i18n();
    let (policy, due, running, secs) = (b.policy_name.clone(), b.due_at.clone(), b.stopped_at.is_none(), b.breached_by_secs);
    let (assignee, group) = (b.assignee_name.clone(), b.group_name.clone());
    let late = move || {
        let d = duration(i18n, Some(secs));
        if running { tf(i18n, ReportKey::StillRunning, &[&d]) } else { d }
    };
    let target = match b.target {
        TimerName::FirstReply => "first_reply",
        TimerName::NextReply => "next_reply",
        TimerName::Resolution => "resolution",
    };
    view! {
        <tr data-testid="report-sla-breach" data-ticket-id=b.ticket_id data-target=target data-late=secs>
            <td>{format!("#{}", b.number)}</td>
            // The title is the customer's text: a text node, never markup.
            <td><a href=Page::AgentTicket(b.ticket_id).path() data-testid="report-sla-breach-link">{b.title}</a></td>
            <td>{move || policy.clone().unwrap_or_else(|| t(i18n, ReportKey::DeletedPolicy).to_owned())}</td>
            <td>{rt(target_key(b.target))}</td>
            <td>{move || format_time(&due, i18n.locale())}</td>
            <td>{late}</td>
            <td>{move || assignee.clone().unwrap_or_else(|| t(i18n, ReportKey::Unassigned).to_owned())}</td>
            <td>{move || group.clone().unwrap_or_else(|| t(i18n, ReportKey::NoGroup).to_owned())}</td>
        </tr>
    }
}
