//! SLA (issue 13, DOMAIN.md "SLA"): business calendars and ordered policies set up by admins
//! ([`admin`]), applied to each ticket as it changes ([`apply`]), and watched by the scheduler
//! for due times coming and passing ([`watch`]). The arithmetic is `baton_core::sla`'s, shared
//! with the SPA.

pub mod admin;
pub mod apply;
mod convert;
pub mod watch;

pub use apply::{of_ticket, refresh};
