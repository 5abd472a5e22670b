//! The workload per agent group (session 9): one row per group as the server sends them (by
//! name), the same columns as the agents' table without the per-person ones. Kept a plain table
//! (no sorting of its own): the admin bundle is shared and a desk has few groups. A group's
//! assigned and solved counts open the tickets behind them (session 10), as an agent's solved
//! count does.

use super::text::{rt, t, tf};
use super::Drill;
use crate::i18n::ReportKey;
use crate::state::locale::use_i18n;
use baton_core::GroupWorkload;
use leptos::prelude::*;

/// The table.
#[component]
pub fn GroupTable(
    /// One row per group, as the server sent them.
    rows: Vec<GroupWorkload>,
    /// Called with the number whose tickets the user wants to see.
    on_drill: Callback<Drill>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heads = [
        ReportKey::Group, ReportKey::Assigned, ReportKey::Solved, ReportKey::OpenNow,
        ReportKey::PublicReplies, ReportKey::InternalNotes,
    ];
    // A count as a button opening its tickets: `metric` of `GET /reports/tickets` with the group.
    let count = move |id: i64, name: String, (column, metric): (&'static str, &'static str), key: ReportKey, value: i64| {
        let label = {
            let name = name.clone();
            move || tf(i18n, ReportKey::DrillLabel, &[&format!("{name} · {}", t(i18n, key)), &value.to_string()])
        };
        let drill = Drill { metric, label: key, agent: None, group: Some((id, name)) };
        view! {
            <td data-column=column>
                <button type="button" class="report-drill-button" data-testid="report-group-drill" data-metric=metric
                    data-value=value aria-label=label on:click=move |_| on_drill.run(drill.clone())>{value}</button>
            </td>
        }
    };
    let row = move |r: GroupWorkload| {
        let (id, name) = (r.group_id, r.name.clone());
        view! {
            <tr data-testid="report-group-row" data-group-id=id>
                <th scope="row">{r.name}</th>
                // `period`: the period's tickets (by `by`) in the group now, as `assigned` counts them.
                {count(id, name.clone(), ("assigned", "period"), ReportKey::Assigned, r.assigned)}
                {count(id, name, ("solved", "solved"), ReportKey::Solved, r.solved)}
                <td data-column="open_now">{r.open_now}</td>
                <td data-column="public_replies">{r.public_replies}</td>
                <td data-column="internal_notes">{r.internal_notes}</td>
            </tr>
        }
    };
    view! {
        <section class="card report-section">
            <h2 id="report-groups-h">{rt(ReportKey::GroupsHeading)}</h2>
            <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-groups-h">
                <table class="report-table" data-testid="report-groups">
                    <thead><tr>{heads.map(|k| view! { <th scope="col">{rt(k)}</th> }).into_iter().collect_view()}</tr></thead>
                    <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}
