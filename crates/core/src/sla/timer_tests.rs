//! A ticket's timers read off its history: met, breached, paused while pending (also when solved
//! straight from pending), resumed on reopening, and a next-reply target that waits for the first
//! reply instead of replacing it.

use super::calendar::{Calendar, TimeOfDay, Window};
use super::timer::{evaluate, Clock, Event, Targets, Timeline, TimerKind, TimerState};
use chrono::{DateTime, Utc};

/// 7 December 2026 (a Monday) at `hh:mm` UTC.
fn t(hh_mm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-12-07T{hh_mm}:00Z")).expect("time").with_timezone(&Utc)
}

fn timeline(created: &str, events: &[(&str, Event)]) -> Timeline {
    Timeline { created_at: t(created), events: events.iter().map(|(at, e)| (t(at), *e)).collect() }
}

fn one(kind: TimerKind, timers: &[TimerState]) -> TimerState {
    *timers.iter().find(|s| s.kind == kind).unwrap_or_else(|| panic!("no {kind:?} timer in {timers:?}"))
}

const FIRST_HOUR: Targets = Targets { first_reply: Some(60), next_reply: Some(15), resolution: Some(120) };

#[test]
fn timers_in_calendar_time() {
    use Event::*;
    // (name, history, now, timer, due, stopped, breached, paused, elapsed minutes)
    type Case<'a> = (&'a str, Timeline, &'a str, TimerKind, Option<&'a str>, Option<&'a str>, bool, bool, i64);
    let cases: Vec<Case> = vec![
        ("first reply in time", timeline("10:00", &[("10:30", AgentReply)]), "12:00",
            TimerKind::FirstReply, Some("11:00"), Some("10:30"), false, false, 30),
        ("first reply late, still running", timeline("10:00", &[]), "11:30",
            TimerKind::FirstReply, Some("11:00"), None, true, false, 90),
        ("a pending half hour moves the due time", timeline("10:00", &[("10:10", Pending), ("10:40", Resumed)]), "10:50",
            TimerKind::FirstReply, Some("11:30"), None, false, false, 20),
        ("pending now: no due time, not breached", timeline("10:00", &[("10:20", Pending)]), "12:00",
            TimerKind::FirstReply, None, None, false, true, 20),
        // Solved straight from pending: the pause lasted until the solve, and counts.
        ("solved from pending", timeline("10:00", &[("10:20", AgentReply), ("10:30", Pending), ("13:00", Solved)]), "14:00",
            TimerKind::Resolution, Some("14:30"), Some("13:00"), false, false, 30),
        ("reopened: resolution resumes where it stopped",
            timeline("10:00", &[("10:10", AgentReply), ("10:40", Solved), ("12:00", Reopened)]), "12:30",
            TimerKind::Resolution, Some("13:20"), None, false, false, 70),
        ("solved late", timeline("10:00", &[("10:05", AgentReply), ("12:30", Solved)]), "13:00",
            TimerKind::Resolution, Some("12:00"), Some("12:30"), true, false, 150),
        // Next reply: from the first customer message after staff's reply, however many follow.
        ("next reply late", timeline("10:00", &[("10:10", AgentReply), ("10:20", CustomerMessage), ("10:25", CustomerMessage)]), "10:50",
            TimerKind::NextReply, Some("10:35"), None, true, false, 30),
        ("next reply answered", timeline("10:00", &[("10:10", AgentReply), ("10:20", CustomerMessage), ("10:30", AgentReply)]), "10:50",
            TimerKind::NextReply, Some("10:35"), Some("10:30"), false, false, 10),
        ("the latest exchange counts",
            timeline("10:00", &[("10:10", AgentReply), ("10:20", CustomerMessage), ("11:00", AgentReply), ("11:05", CustomerMessage)]), "11:10",
            TimerKind::NextReply, Some("11:20"), None, false, false, 5),
        ("solved without a reply: the wait for one ends", timeline("10:00", &[("10:20", Solved)]), "12:00",
            TimerKind::FirstReply, Some("11:00"), Some("10:20"), false, false, 20),
        ("solved while a customer waited", timeline("10:00", &[("10:10", AgentReply), ("10:20", CustomerMessage), ("10:25", Solved)]), "12:00",
            TimerKind::NextReply, Some("10:35"), Some("10:25"), false, false, 5),
        ("events after now are not seen yet", timeline("10:00", &[("10:30", AgentReply)]), "10:20",
            TimerKind::FirstReply, Some("11:00"), None, false, false, 20),
    ];
    for (name, history, now, kind, due, stopped, breached, paused, minutes) in cases {
        let timers = evaluate(Clock::Calendar, &history, &FIRST_HOUR, t(now));
        let got = one(kind, &timers);
        assert_eq!(got.due_at, due.map(t), "{name}: due");
        assert_eq!(got.stopped_at, stopped.map(t), "{name}: stopped");
        assert_eq!(got.breached, breached, "{name}: breached");
        assert_eq!(got.paused, paused, "{name}: paused");
        assert_eq!(got.elapsed_secs, minutes * 60, "{name}: elapsed");
    }
}

#[test]
fn a_next_reply_target_never_replaces_the_first_reply() {
    use Event::*;
    // The customer writes twice more before anyone answers: only the first-reply timer runs,
    // due an hour after creation, not fifteen minutes after the latest message.
    let history = timeline("10:00", &[("10:05", CustomerMessage), ("10:20", CustomerMessage)]);
    let timers = evaluate(Clock::Calendar, &history, &FIRST_HOUR, t("10:40"));
    let kinds: Vec<TimerKind> = timers.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [TimerKind::FirstReply, TimerKind::Resolution]);
    let first = one(TimerKind::FirstReply, &timers);
    assert_eq!(first.due_at, Some(t("11:00")));
    assert!(!first.breached);
}

#[test]
fn only_the_targets_a_policy_sets_run() {
    let targets = Targets { first_reply: None, next_reply: None, resolution: Some(60) };
    let timers = evaluate(Clock::Calendar, &timeline("10:00", &[]), &targets, t("10:30"));
    assert_eq!(timers.iter().map(|s| s.kind).collect::<Vec<_>>(), [TimerKind::Resolution]);
}

#[test]
fn a_ticket_created_outside_hours_is_not_overdue_at_once() {
    // Shanghai office hours Monday to Friday 09:00–18:00. Created Saturday 5 December 23:00 local
    // (15:00 UTC); on Sunday evening nothing has run yet; due Monday 10:00 local (02:00 UTC).
    let workday = vec![Window { start: TimeOfDay::new(9, 0).expect("09:00"), end: TimeOfDay::new(18, 0).expect("18:00") }];
    let calendar = Calendar {
        time_zone: "Asia/Shanghai".into(),
        week: [workday.clone(), workday.clone(), workday.clone(), workday.clone(), workday, vec![], vec![]],
        holidays: vec![],
        exceptions: vec![],
    };
    let schedule = calendar.schedule().expect("calendar");
    let created = DateTime::parse_from_rfc3339("2026-12-05T15:00:00Z").expect("time").with_timezone(&Utc);
    let history = Timeline { created_at: created, events: vec![] };
    let sunday_evening = DateTime::parse_from_rfc3339("2026-12-06T12:00:00Z").expect("time").with_timezone(&Utc);
    let first = one(TimerKind::FirstReply, &evaluate(Clock::Business(&schedule), &history, &FIRST_HOUR, sunday_evening));
    assert_eq!(first.elapsed_secs, 0);
    assert!(!first.breached);
    assert_eq!(first.due_at, Some(t("02:00")));
    let monday_late = one(TimerKind::FirstReply, &evaluate(Clock::Business(&schedule), &history, &FIRST_HOUR, t("02:01")));
    assert!(monday_late.breached);
}
