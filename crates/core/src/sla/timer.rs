//! A ticket's SLA timers, read off its history (DOMAIN.md "SLA"; seeds 002 and 003):
//! - **first reply**: from creation to the first public reply by staff (or the solve, if none);
//! - **next reply**: from a customer's message to staff's next public reply (or the solve), but
//!   only once staff have replied at all (until then the first-reply timer is the one running: a
//!   "next reply" target never takes its place, the bug Zammad's "update time" had);
//! - **resolution**: from creation to solved; a reopened ticket resumes it where it stopped.
//!
//! Every timer pauses while the ticket is pending (waiting on the customer): the pause moves the
//! due time later, also when the ticket is solved straight from pending. Whether a stopped timer
//! was met is decided by the working time it ran, so a late pause cannot rewrite history.

use super::calendar::{Schedule, Span};
use chrono::{DateTime, Utc};

/// The clock a target counts in: every second (calendar time) or a schedule's working time.
#[derive(Debug, Clone, Copy)]
pub enum Clock<'a> {
    Calendar,
    Business(&'a Schedule),
}

/// A span during which a timer does not run; `end` is `None` while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

impl<'s> Clock<'s> {
    /// The spans the clock runs in from `from` on, less `pauses` (sorted by start), in order.
    fn running<'p>(self, from: DateTime<Utc>, pauses: &'p [Pause]) -> impl Iterator<Item = Span> + use<'s, 'p> {
        let spans: Box<dyn Iterator<Item = Span> + 's> = match self {
            Clock::Calendar => Box::new(std::iter::once(Span { start: from, end: DateTime::<Utc>::MAX_UTC })),
            Clock::Business(schedule) => Box::new(schedule.spans_from(from)),
        };
        // Nothing runs after a pause that has not ended: stop there rather than walk the horizon.
        let open_pause = pauses.iter().find(|p| p.end.is_none()).map(|p| p.start);
        spans
            .take_while(move |span| open_pause.is_none_or(|paused| span.start < paused))
            .flat_map(move |span| outside(span, pauses))
    }

    /// Working seconds between `from` and `to`, outside `pauses`.
    pub fn elapsed(self, from: DateTime<Utc>, to: DateTime<Utc>, pauses: &[Pause]) -> i64 {
        if to <= from {
            return 0;
        }
        self.running(from, pauses)
            .take_while(|span| span.start < to)
            .map(|span| Span { start: span.start, end: span.end.min(to) }.seconds())
            .sum()
    }

    /// When `seconds` of working time outside `pauses` will have run since `from`: `None` while
    /// a pause that has not ended stands in the way (the due time is not known until it ends),
    /// or when the calendar has no working time within its horizon.
    pub fn deadline(self, from: DateTime<Utc>, seconds: i64, pauses: &[Pause]) -> Option<DateTime<Utc>> {
        let mut left = seconds.max(0);
        for span in self.running(from, pauses) {
            if left <= span.seconds() {
                return Some(span.start + chrono::Duration::seconds(left));
            }
            left -= span.seconds();
        }
        None
    }
}

/// The parts of `span` outside every pause.
fn outside(span: Span, pauses: &[Pause]) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut cursor = span.start;
    for pause in pauses {
        let end = pause.end.unwrap_or(DateTime::<Utc>::MAX_UTC);
        if end <= cursor || pause.start >= span.end {
            continue;
        }
        if pause.start > cursor {
            parts.push(Span { start: cursor, end: pause.start });
        }
        cursor = cursor.max(end);
        if cursor >= span.end {
            break;
        }
    }
    if cursor < span.end {
        parts.push(Span { start: cursor, end: span.end });
    }
    parts
}

/// What happened to a ticket, as far as its timers care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A public message by the requester (or on their behalf).
    CustomerMessage,
    /// A public reply by staff (an internal note is not one).
    AgentReply,
    /// The ticket became pending.
    Pending,
    /// It left pending for anything but solved (a customer's answer, an agent's change).
    Resumed,
    Solved,
    Reopened,
}

/// A ticket's history: when it was created and its events in time order.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub created_at: DateTime<Utc>,
    pub events: Vec<(DateTime<Utc>, Event)>,
}

/// The targets of the policy that applies, in minutes; `None`: no such target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Targets {
    pub first_reply: Option<i64>,
    pub next_reply: Option<i64>,
    pub resolution: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerKind {
    FirstReply,
    NextReply,
    Resolution,
}

/// One timer at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerState {
    pub kind: TimerKind,
    pub started_at: DateTime<Utc>,
    /// When it is (or was) due; `None` while paused (pending) with the target not reached.
    pub due_at: Option<DateTime<Utc>>,
    /// When it stopped (met or late); `None` while running.
    pub stopped_at: Option<DateTime<Utc>>,
    /// Whether it ran (or has run) longer than its target.
    pub breached: bool,
    /// Whether the ticket is pending now, with this timer running.
    pub paused: bool,
    /// Working seconds it has run (until it stopped, or until now).
    pub elapsed_secs: i64,
}

/// The ticket's timers at `now`, in the order first reply, next reply, resolution (those with a
/// target and, for next reply, a customer message awaiting or having had an answer).
pub fn evaluate(clock: Clock<'_>, timeline: &Timeline, targets: &Targets, now: DateTime<Utc>) -> Vec<TimerState> {
    let events: Vec<_> = timeline.events.iter().copied().filter(|(at, _)| *at <= now).collect();
    let pending = pauses(&events, |e| e == Event::Pending, |e| matches!(e, Event::Resumed | Event::Solved | Event::Reopened));
    let mut timers = Vec::new();
    let first_reply = events.iter().find(|(_, e)| *e == Event::AgentReply).map(|(at, _)| *at);
    if let Some(minutes) = targets.first_reply {
        // Solving a ticket nobody answered (a duplicate, spam) ends the wait for a reply too.
        let stop = events.iter().find(|(_, e)| matches!(e, Event::AgentReply | Event::Solved)).map(|(at, _)| *at);
        timers.push(timer(clock, TimerKind::FirstReply, timeline.created_at, stop, minutes, &pending, now));
    }
    if let (Some(minutes), Some(first)) = (targets.next_reply, first_reply) {
        if let Some((start, stop)) = last_cycle(&events, first) {
            timers.push(timer(clock, TimerKind::NextReply, start, stop, minutes, &pending, now));
        }
    }
    if let Some(minutes) = targets.resolution {
        // Solved → reopened is a pause too; a solve not (yet) followed by a reopen stops it.
        let mut stopped = pauses(&events, |e| e == Event::Solved, |e| e == Event::Reopened);
        let solved_at = stopped.last().filter(|p| p.end.is_none()).map(|p| p.start);
        if solved_at.is_some() {
            stopped.pop();
        }
        let mut all: Vec<Pause> = pending.iter().copied().chain(stopped).collect();
        all.sort_by_key(|p| p.start);
        timers.push(timer(clock, TimerKind::Resolution, timeline.created_at, solved_at, minutes, &all, now));
    }
    timers
}

fn timer(
    clock: Clock<'_>,
    kind: TimerKind,
    start: DateTime<Utc>,
    stop: Option<DateTime<Utc>>,
    minutes: i64,
    pauses: &[Pause],
    now: DateTime<Utc>,
) -> TimerState {
    let target = minutes.saturating_mul(60);
    let until = stop.unwrap_or(now);
    // A stopped timer's pauses end where it stopped: a pause begun at the solve is not "open".
    let closed: Vec<Pause> = match stop {
        Some(stop) => pauses
            .iter()
            .filter(|p| p.start < stop)
            .map(|p| Pause { start: p.start, end: Some(p.end.map_or(stop, |e| e.min(stop))) })
            .collect(),
        None => pauses.to_vec(),
    };
    let elapsed = clock.elapsed(start, until, &closed);
    TimerState {
        kind,
        started_at: start,
        due_at: clock.deadline(start, target, &closed),
        stopped_at: stop,
        breached: elapsed > target,
        paused: stop.is_none() && closed.iter().any(|p| p.end.is_none()),
        elapsed_secs: elapsed,
    }
}

/// Spans from an event `opens` to the next event `closes` (the last one open if none came).
fn pauses(events: &[(DateTime<Utc>, Event)], opens: impl Fn(Event) -> bool, closes: impl Fn(Event) -> bool) -> Vec<Pause> {
    let mut out: Vec<Pause> = Vec::new();
    for &(at, event) in events {
        let open = out.last().is_some_and(|p| p.end.is_none());
        if !open && opens(event) {
            out.push(Pause { start: at, end: None });
        } else if open && closes(event) {
            if let Some(last) = out.last_mut() {
                last.end = Some(at);
            }
        }
    }
    out
}

/// The latest next-reply cycle after staff's first reply: the first customer message after a
/// staff reply, and the staff reply (or the solve) that ended it (`None` while unanswered).
fn last_cycle(events: &[(DateTime<Utc>, Event)], first_reply: DateTime<Utc>) -> Option<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let mut cycle = None;
    let mut waiting = false;
    for &(at, event) in events.iter().filter(|(at, _)| *at >= first_reply) {
        match event {
            Event::CustomerMessage if !waiting => {
                cycle = Some((at, None));
                waiting = true;
            }
            Event::AgentReply | Event::Solved if waiting => {
                cycle = cycle.map(|(start, _)| (start, Some(at)));
                waiting = false;
            }
            _ => {}
        }
    }
    cycle
}
