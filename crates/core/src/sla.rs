//! SLA arithmetic (issue 13, DOMAIN.md "SLA"), shared by the server (which stores due times and
//! finds breaches) and the console (which shows them): business calendars ([`calendar`]: a time
//! zone, working windows per weekday, holidays and exceptional days) and the timers of a ticket
//! ([`timer`]: first reply, next reply and resolution, paused while pending).
//!
//! Built only with the `sla` feature, which brings chrono and chrono-tz's zone table: the server
//! and the console enable it, the help center does not (it shows the due time the server sends).
//!
//! Working time is counted in whole seconds over spans of UTC instants, so a day that loses or
//! gains an hour to daylight saving has exactly the working time its wall clock shows.

pub mod calendar;
pub mod timer;

#[cfg(test)]
mod calendar_tests;
#[cfg(test)]
mod timer_tests;

pub use calendar::{Calendar, CalendarError, Exception, Holiday, Schedule, TimeOfDay, Window};
pub use timer::{evaluate, Clock, Event, Targets, Timeline, TimerKind, TimerState};
