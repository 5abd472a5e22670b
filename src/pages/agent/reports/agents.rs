//! The workload per agent as a table sorted by any column: each header is a button (Enter or
//! Space sorts, again reverses) and says its order through `aria-sort`. An agent's solved count
//! opens the tickets behind it.

use super::format::{duration, share};
use super::Drill;
use super::text::{rt, t, tf};
use crate::i18n::ReportKey;
use crate::state::locale::use_i18n;
use baton_core::AgentWorkload;
use leptos::prelude::*;
use std::cmp::Ordering;


/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Assigned,
    Solved,
    OpenNow,
    PublicReplies,
    InternalNotes,
    FirstReply,
    Csat,
}

impl Column {
    const ALL: [Column; 8] = [
        Column::Name, Column::Assigned, Column::Solved, Column::OpenNow,
        Column::PublicReplies, Column::InternalNotes, Column::FirstReply, Column::Csat,
    ];

    fn code(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Assigned => "assigned",
            Column::Solved => "solved",
            Column::OpenNow => "open_now",
            Column::PublicReplies => "public_replies",
            Column::InternalNotes => "internal_notes",
            Column::FirstReply => "first_reply_median",
            Column::Csat => "csat_satisfied_share",
        }
    }

    fn key(self) -> ReportKey {
        match self {
            Column::Name => ReportKey::Agent,
            Column::Assigned => ReportKey::Assigned,
            Column::Solved => ReportKey::Solved,
            Column::OpenNow => ReportKey::OpenNow,
            Column::PublicReplies => ReportKey::PublicReplies,
            Column::InternalNotes => ReportKey::InternalNotes,
            Column::FirstReply => ReportKey::FirstReplyMedian,
            Column::Csat => ReportKey::CsatShare,
        }
    }
}

/// `a` against `b` in `column`, ascending; rows without a value come last, ties by name.
pub fn compare(column: Column, a: &AgentWorkload, b: &AgentWorkload) -> Ordering {
    fn none_last<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let by = match column {
        Column::Name => Ordering::Equal,
        Column::Assigned => a.assigned.cmp(&b.assigned),
        Column::Solved => a.solved.cmp(&b.solved),
        Column::OpenNow => a.open_now.cmp(&b.open_now),
        Column::PublicReplies => a.public_replies.cmp(&b.public_replies),
        Column::InternalNotes => a.internal_notes.cmp(&b.internal_notes),
        Column::FirstReply => none_last(a.first_reply_median, b.first_reply_median),
        Column::Csat => none_last(a.csat_satisfied_share, b.csat_satisfied_share),
    };
    by.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
}

/// The rows in the order of `column`, descending if `desc` (rows without a value stay last).
pub fn sorted(mut rows: Vec<AgentWorkload>, column: Column, desc: bool) -> Vec<AgentWorkload> {
    rows.sort_by(|a, b| {
        let order = compare(column, a, b);
        let missing = |r: &AgentWorkload| match column {
            Column::FirstReply => r.first_reply_median.is_none(),
            Column::Csat => r.csat_satisfied_share.is_none(),
            _ => false,
        };
        if desc && missing(a) == missing(b) { order.reverse() } else { order }
    });
    rows
}

/// The table.
#[component]
pub fn AgentTable(
    /// One row per agent, as the server sent them.
    rows: Vec<AgentWorkload>,
    /// Called with the number whose tickets the user wants to see.
    on_drill: Callback<Drill>,
) -> impl IntoView {
    let i18n = use_i18n();
    let order = RwSignal::new((Column::Solved, true));
    let rows = StoredValue::new(rows);
    let shown = move || {
        let (column, desc) = order.get();
        sorted(rows.get_value(), column, desc)
    };
    let header = move |column: Column| {
        let aria_sort = move || match order.get() {
            (c, true) if c == column => "descending",
            (c, false) if c == column => "ascending",
            _ => "none",
        };
        let click = move |_| order.update(|(c, desc)| {
            *desc = if *c == column { !*desc } else { column != Column::Name };
            *c = column;
        });
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="report-sort" data-testid="report-agents-sort" data-column=column.code() on:click=click>
                    {rt(column.key())}
                </button>
            </th>
        }
    };
    let row = move |r: AgentWorkload| {
        let (id, name, solved) = (r.agent_id, r.name.clone(), r.solved);
        let label = {
            let name = name.clone();
            move || tf(i18n, ReportKey::DrillLabel, &[&format!("{name} · {}", t(i18n, ReportKey::Solved)), &solved.to_string()])
        };
        let drill = Drill { metric: "solved", label: ReportKey::Solved, agent: Some((id, name.clone())), group: None };
        let (median, share_4_5) = (r.first_reply_median, r.csat_satisfied_share);
        view! {
            <tr data-testid="report-agent-row" data-agent-id=id>
                <th scope="row">{name}</th>
                <td data-column="assigned">{r.assigned}</td>
                <td data-column="solved">
                    <button type="button" class="report-drill-button" data-testid="report-agent-solved" data-value=solved
                        aria-label=label on:click=move |_| on_drill.run(drill.clone())>{solved}</button>
                </td>
                <td data-column="open_now">{r.open_now}</td>
                <td data-column="public_replies">{r.public_replies}</td>
                <td data-column="internal_notes">{r.internal_notes}</td>
                <td data-column="first_reply_median">{move || duration(i18n, median)}</td>
                <td data-column="csat_satisfied_share">{move || share(i18n, share_4_5)}</td>
            </tr>
        }
    };
    view! {
        <section class="card report-section">
            <h2 id="report-agents-h">{rt(ReportKey::AgentsHeading)}</h2>
            <div class="report-scroll" tabindex="0" role="region" aria-labelledby="report-agents-h">
                <table class="report-table" data-testid="report-agents">
                    <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                    <tbody>{move || shown().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(name: &str, solved: i64, median: Option<i64>) -> AgentWorkload {
        AgentWorkload {
            agent_id: solved, name: name.into(), assigned: 0, solved, open_now: 0, public_replies: 0,
            internal_notes: 0, first_reply_median: median, csat_count: 0, csat_satisfied_share: None, csat_average: None,
        }
    }

    fn names(rows: &[AgentWorkload]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn sorting_reverses_and_keeps_missing_values_last() {
        let rows = vec![agent("b", 2, None), agent("a", 5, Some(60)), agent("c", 1, Some(30))];
        assert_eq!(names(&sorted(rows.clone(), Column::Solved, true)), ["a", "b", "c"]);
        assert_eq!(names(&sorted(rows.clone(), Column::Solved, false)), ["c", "b", "a"]);
        assert_eq!(names(&sorted(rows.clone(), Column::Name, false)), ["a", "b", "c"]);
        assert_eq!(names(&sorted(rows.clone(), Column::FirstReply, false)), ["c", "a", "b"]);
        assert_eq!(names(&sorted(rows, Column::FirstReply, true)), ["a", "c", "b"]);
    }
}
