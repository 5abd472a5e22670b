//! Notifications (issue 13, DOMAIN.md "Notifications"): who is told what about a ticket, in the
//! app and by mail.
//!
//! - Written in the transaction of the change that causes them ([`who`]: creation, assignment,
//!   a message, a status change, the SLA watch), one row per recipient, with a
//!   `notification.created` live event for that recipient alone (ids and kind, never a text).
//! - Recipients: customers (the requester) get staff's public replies, solved and closed; staff
//!   get new tickets in their groups, tickets assigned to them, the customer's replies on their
//!   tickets, mentions in internal notes and SLA warnings and breaches (the assignee; the group's
//!   members while nobody is assigned). The actor never notifies themselves; a customer never
//!   hears of an internal note or a staff-only change, nor of a trashed or suspended ticket; staff
//!   only of tickets they may see.
//! - Mail ([`deliver`]): per kind, each person chooses in the app on/off and mail never / while
//!   offline / always ([`inbox`]'s preferences). Offline means no live stream open on any replica
//!   ([`online`], a table). Staff may take an hourly [`digest`] instead of one mail each.
//! - @mentions are explicit: an internal note names the staff it mentions (`mentions`, ids of the
//!   desk's active staff; the SPA's picker fills it), rather than parsing `@name` out of the text.

pub mod deliver;
pub mod digest;
pub mod inbox;
pub mod online;
pub mod who;

pub use who::{on_assigned, on_created, on_message, on_sla, on_status};
// Automations (issue 13).
pub use who::{on_rule_notice, on_rule_reply, rule_recipients};
