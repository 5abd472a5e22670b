//! The workload per agent group (session 9): one row per group as the server sends them (by
//! name), the same columns as the agents' table without the per-person ones. Kept a plain table
//! (no sorting of its own): the admin bundle is shared and a desk has few groups.

use super::text::rt;
use crate::i18n::ReportKey;
use baton_core::GroupWorkload;
use leptos::prelude::*;

/// The table.
#[component]
pub fn GroupTable(
    /// One row per group, as the server sent them.
    rows: Vec<GroupWorkload>,
) -> impl IntoView {
    let heads = [
        ReportKey::Group, ReportKey::Assigned, ReportKey::Solved, ReportKey::OpenNow,
        ReportKey::PublicReplies, ReportKey::InternalNotes,
    ];
    let row = |r: GroupWorkload| {
        view! {
            <tr data-testid="report-group-row" data-group-id=r.group_id>
                <th scope="row">{r.name}</th>
                <td data-column="assigned">{r.assigned}</td>
                <td data-column="solved">{r.solved}</td>
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
