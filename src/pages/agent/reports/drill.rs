//! The tickets behind a number (`GET /reports/tickets` with its metric and the report's filters),
//! a page at a time, each linking to its page in the workspace. Focus moves to the list's heading
//! when it opens, so keyboard and screen-reader users land on what they asked for.

use super::Drill;
use crate::api::{use_api, ApiError, DrillQuery, ReportQuery};
use crate::components::ui::{focus_id, loaded, paged, LoadMore};
use crate::i18n::agent::agent_status_key;
use super::text::{rt, t, tf};
use crate::i18n::{format_time, ReportKey};
use crate::routes::Page;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n};
use baton_core::{Page as ListPage, ReportTicket};
use leptos::prelude::*;


/// The list of one drill-down.
#[component]
pub fn DrillList(
    /// The report's filters.
    query: ReportQuery,
    /// Which number was opened.
    drill: Drill,
    /// Closes the list.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = StoredValue::new(use_api());
    let ask = StoredValue::new((query, DrillQuery { metric: drill.metric, agent: drill.agent.as_ref().map(|a| a.0), cursor: None, group: drill.group.as_ref().map(|g| g.0) }));
    let first = Load::new(move || {
        let (api, (query, drill)) = (api.get_value(), ask.get_value());
        async move { api.report_tickets(&query, &drill).await }
    });
    let more = RwSignal::new(Vec::<ListPage<ReportTicket>>::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let load = Callback::new(move |cursor: String| {
        let (api, (query, mut drill)) = (api.get_value(), ask.get_value());
        drill.cursor = Some(cursor);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.report_tickets(&query, &drill).await {
                Ok(page) => more.update(|m| m.push(page)),
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    });
    let heading = move || {
        let metric = t(i18n, drill.label);
        match drill.agent.as_ref().or(drill.group.as_ref()) {
            Some((_, name)) => tf(i18n, ReportKey::DrillAgentHeading, &[metric, name]),
            None => tf(i18n, ReportKey::DrillHeading, &[metric]),
        }
    };
    Effect::new(move |_| focus_id("report-drill-h"));
    view! {
        <section class="card report-section" data-testid="report-drill" data-metric=drill.metric>
            <div class="report-head">
                <h2 id="report-drill-h" tabindex="-1">{heading}</h2>
                <button type="button" class="button small" data-testid="report-drill-close" on:click=move |_| on_close.run(())>
                    {rt(ReportKey::DrillClose)}
                </button>
            </div>
            {move || loaded(first.get(), |page| {
                let (items, next) = paged(page, more);
                view! {
                    {move || items.with(Vec::is_empty).then(|| view! { <p class="empty">{rt(ReportKey::DrillEmpty)}</p> })}
                    <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-drill-h">
                        <table class="report-table">
                            <thead><tr>
                                <th scope="col">{rt(ReportKey::Number)}</th>
                                <th scope="col">{rt(ReportKey::TicketTitle)}</th>
                                <th scope="col">{rt(ReportKey::Status)}</th>
                                <th scope="col">{rt(ReportKey::Assignee)}</th>
                                <th scope="col">{rt(ReportKey::CreatedAt)}</th>
                            </tr></thead>
                            <tbody>{move || items.get().into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                    <LoadMore next busy=busy.into() load />
                }.into_any()
            })}
            {move || failure.get().map(|error| view! { <crate::components::ui::ErrorPanel error /> })}
        </section>
    }
}

fn row(ticket: ReportTicket) -> impl IntoView {
    let i18n = use_i18n();
    let created = ticket.created_at.clone();
    let assignee = ticket.assignee_name.clone();
    view! {
        <tr data-testid="report-drill-row" data-ticket-id=ticket.id>
            <td>{format!("#{}", ticket.number)}</td>
            // The title is the customer's text: a text node, never markup.
            <td><a href=Page::AgentTicket(ticket.id).path() data-testid="report-drill-link">{ticket.title}</a></td>
            <td>{tr(agent_status_key(ticket.status))}</td>
            <td>{move || assignee.clone().unwrap_or_else(|| t(i18n, ReportKey::Unassigned).to_owned())}</td>
            <td>{move || format_time(&created, i18n.locale())}</td>
        </tr>
    }
}
