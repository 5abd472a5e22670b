//! SLA arithmetic (issue 13, DOMAIN.md "SLA"), shared by the server (which stores due times and
//! finds breaches) and the console (which shows them): business calendars ([`calendar`]: a time
//! zone, working windows per weekday, holidays and exceptional days) and the timers of a ticket
//! ([`timer`]: first reply, next reply and resolution, paused while pending).
//!
//! The arithmetic is built only with the `sla` feature, which brings chrono and chrono-tz's zone
//! table: the server enables it, the SPA does not (it shows the due times the server sends). The
//! wire types ([`policy`]) are always there.
//!
//! Working time is counted in whole seconds over spans of UTC instants, so a day that loses or
//! gains an hour to daylight saving has exactly the working time its wall clock shows.

#[cfg(feature = "sla")]
pub mod calendar;
pub mod policy;
#[cfg(feature = "sla")]
pub mod timer;

#[cfg(all(test, feature = "sla"))]
mod calendar_tests;
#[cfg(all(test, feature = "sla"))]
mod timer_tests;

#[cfg(feature = "sla")]
pub use calendar::{Calendar, CalendarError, Exception, Holiday, Schedule, TimeOfDay, Window};
pub use policy::*;
#[cfg(feature = "sla")]
pub use timer::{evaluate, Clock, Event, Targets, Timeline, TimerKind, TimerState};
