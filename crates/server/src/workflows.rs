//! Workflows (issue 13, DOMAIN.md "Workflows", 流程流转): templates per ticket type as admins set
//! them ([`admin`], `settings.manage`), and where a ticket stands in its type's workflow
//! ([`ticket`]: its start at creation and what `StaffTicket.workflow` shows). The moves themselves
//! (pass on, return) are ticket edits and live in `tickets::workflow`.
//!
//! How a workflow composes with routing: a new ticket whose type has a workflow goes to the first
//! step's group (routing rules and the sub-type's group do not apply to it), and that group's
//! assignment mode picks the member, as for any routed ticket (`routing::assign`).

pub mod admin;
pub mod ticket;
