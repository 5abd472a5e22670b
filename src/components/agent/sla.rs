//! SLA as the console shows it: how long until the nearest target of a view row is due (or how
//! long it is overdue), and the ticket page's panel with the policy and each timer. The server
//! computes every due time in its business calendar; the console only counts down to it, so the
//! business calendars (the zone table) stay out of the wasm; the countdown is chrono's
//! ([`crate::time`]).

use crate::i18n::{fill, format_time, ListKey};
use crate::state::locale::{tr, use_i18n, I18n};
use crate::time::{minutes_until, now};
use baton_core::sla::{SlaTimer, TicketSla, TimerName};
use leptos::prelude::*;

/// Within this many minutes a target is "soon" (coloured as a warning).
const SOON_MINUTES: i64 = 60;

/// A span of minutes in its largest whole unit below two of the next: "35 min", "5 h", "3 d".
pub fn span(minutes: i64) -> (ListKey, i64) {
    let m = minutes.abs();
    match m {
        0..60 => (ListKey::SlaMinutes, m),
        60..2880 => (ListKey::SlaHours, m / 60),
        _ => (ListKey::SlaDays, m / 1440),
    }
}

/// How a due time reads and its colour class: "due in 2 h" (`soon` within the hour, `ok`
/// before), "overdue 35 min" (`overdue`).
pub fn countdown(minutes: i64, i18n: I18n) -> (String, &'static str) {
    let (unit, n) = span(minutes);
    let amount = i18n.tf(unit.into(), &[&n.to_string()]);
    match minutes {
        m if m < 0 => (i18n.tf(ListKey::SlaOverdue.into(), &[&amount]), "overdue"),
        m if m <= SOON_MINUTES => (i18n.tf(ListKey::SlaDueIn.into(), &[&amount]), "soon"),
        _ => (i18n.tf(ListKey::SlaDueIn.into(), &[&amount]), "ok"),
    }
}

/// A view row's `sla` cell: the countdown to `due_at`, and "breached" when a target was missed.
/// Colour is never the only cue: the words say the same.
pub fn sla_cell(due_at: Option<String>, breached: bool, i18n: I18n) -> AnyView {
    let text = Memo::new(move |_| {
        let due = due_at.as_deref().and_then(|d| minutes_until(d, now())).map(|m| countdown(m, i18n));
        let mark = breached.then(|| i18n.t(ListKey::SlaBreachedMark.into()));
        match (due, mark) {
            (Some((t, state)), Some(m)) => (format!("{t} · {m}"), if state == "overdue" { state } else { "breached" }),
            (Some(due), None) => due,
            (None, Some(m)) => (m.to_owned(), "breached"),
            (None, None) => (String::new(), "none"),
        }
    });
    view! {
        <td class="sla" data-column="sla">
            <span class=move || format!("sla sla-{}", text.get().1) data-testid="sla-due" data-sla=move || text.get().1>{move || text.get().0}</span>
        </td>
    }
    .into_any()
}

fn timer_key(kind: TimerName) -> ListKey {
    match kind {
        TimerName::FirstReply => ListKey::SlaFirstReply,
        TimerName::NextReply => ListKey::SlaNextReply,
        TimerName::Resolution => ListKey::SlaResolution,
    }
}

fn timer_code(kind: TimerName) -> &'static str {
    match kind {
        TimerName::FirstReply => "first_reply",
        TimerName::NextReply => "next_reply",
        TimerName::Resolution => "resolution",
    }
}

/// One timer's state and words: `paused`, `met`, `breached` or `due` (with the countdown).
fn timer_text(t: &SlaTimer, i18n: I18n) -> (&'static str, String) {
    let locale = i18n.locale();
    let at = |s: &Option<String>| s.as_deref().map(|s| format_time(s, locale)).unwrap_or_default();
    if t.paused {
        return ("paused", i18n.t(ListKey::SlaTimerPaused.into()).to_owned());
    }
    match (&t.stopped_at, t.breached) {
        (Some(_), true) => ("breached", i18n.tf(ListKey::SlaTimerMissed.into(), &[&at(&t.due_at)])),
        (Some(_), false) => ("met", i18n.tf(ListKey::SlaTimerMet.into(), &[&at(&t.stopped_at)])),
        (None, breached) => {
            let due = i18n.tf(ListKey::SlaTimerDue.into(), &[&at(&t.due_at)]);
            let left = t.due_at.as_deref().and_then(|d| minutes_until(d, now()));
            let (count, state) = left.map(|m| countdown(m, i18n)).unwrap_or_default();
            let state = if breached { "breached" } else if state == "overdue" { "overdue" } else { "due" };
            let mark = if breached { format!(" · {}", i18n.t(ListKey::SlaTimerBreached.into())) } else { String::new() };
            (state, fill("{0} ({1}){2}", &[&due, &count, &mark]))
        }
    }
}

/// The ticket page's SLA panel: the policy that applies and each of its timers.
#[component]
pub fn SlaPanel(sla: TicketSla) -> impl IntoView {
    let i18n = use_i18n();
    let policy = sla.policy.name.clone();
    view! {
        <section class="card sla-panel" aria-labelledby="sla-heading" data-testid="sla-panel">
            <h2 id="sla-heading">{tr(ListKey::SlaHeading.into())}</h2>
            <p data-testid="sla-policy">{move || i18n.tf(ListKey::SlaPolicy.into(), &[&policy])}</p>
            <ul class="sla-timers">
                {sla.timers.into_iter().map(|t| {
                    let kind = t.kind;
                    let text = Memo::new(move |_| timer_text(&t, i18n));
                    view! {
                        <li data-testid="sla-timer" data-kind=timer_code(kind) data-state=move || text.get().0>
                            <span class="sla-kind">{tr(timer_key(kind).into())}</span>
                            <span class=move || format!("sla sla-{}", text.get().0)>{move || text.get().1}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_in_their_largest_sensible_unit() {
        for (minutes, expected) in [
            (0, (ListKey::SlaMinutes, 0)),
            (35, (ListKey::SlaMinutes, 35)),
            (-35, (ListKey::SlaMinutes, 35)),
            (59, (ListKey::SlaMinutes, 59)),
            (60, (ListKey::SlaHours, 1)),
            (150, (ListKey::SlaHours, 2)),
            (2879, (ListKey::SlaHours, 47)),
            (2880, (ListKey::SlaDays, 2)),
            (-4400, (ListKey::SlaDays, 3)),
        ] {
            assert_eq!(span(minutes), expected, "{minutes}");
        }
    }
}
