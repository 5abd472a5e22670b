//! The browser suite as one test binary: every file here is a module, so the server, thirtyfour
//! and reqwest are linked once instead of once per file (26 links of ~300 MB each filled a CI
//! disk). Tests still run two at a time (one per core), each with its own chromedriver and server.

#[allow(dead_code)]
mod agent_lists_common;
mod accounts;
// audit log (issue 12)
mod audit_log;
// The desk's header text and language (issue 12).
mod desk_brand;
mod agent_bulk;
mod agent_conflict;
mod agent_flagged;
mod agent_flow;
mod agent_handoff;
mod agent_no_false_conflict;
mod agent_phone;
mod agent_shortcuts;
mod agent_view_requester;
mod agent_views;
mod attachments;
// Automations (issue 13).
mod automations;
mod bundles;
// The catalog's setup (issue 12).
mod catalog_admin;
mod console_shell;
mod custom_fields;
// A custom role's limits (issue 12).
mod custom_role;
// customers administration (issue 12)
mod customers_admin;
mod drafts;
// A desk set up from nothing (issue 12).
mod empty_desk;
mod help_center;
mod kb;
// The knowledge-base and quick-reply editors (issue 12).
mod kb_admin;
mod lifecycle;
mod mail_flows;
// notifications (issue 13)
mod notifications;
// Groups and routing set up in the admin console (issue 13).
mod routing_admin;
mod reports;
mod selectors;
mod sign_out_everywhere;
// A business calendar's holiday import (issue 13).
mod sla_admin;
// SLA and auto-close with the server's clock moved (issue 13).
mod sla_clock;
mod staff_changes_stay_with_staff;
mod widget;
mod widget_live;
mod widget_refusals;
mod widget_session;
// Workflows (issue 13).
mod workflows;
mod xss;
