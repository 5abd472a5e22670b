//! HTTP tests of baton-server over a real SQLite file per test: most drive the router in-process
//! (`app(state).oneshot`), `server` and `concurrency` go through `Server::start` and a real socket,
//! `cli` runs the built binary. One test binary, so the crate links once.

mod accounts;
mod actions;
mod admin_agents;
mod agent;
mod attachments;
mod back_pressure;
// audit log (issue 12)
mod audit;
// Automations (issue 13).
mod automations;
mod backup;
mod blob_store;
mod catalog;
mod catalog_admin;
mod cli;
mod concurrency;
mod contract_fixes;
mod csrf;
// customers administration (issue 12)
mod customers_admin;
mod customers_admin_import;
mod confidential;
mod confidential_logs;
mod crash;
mod deadline;
// The desk's header text and language (issue 12).
mod desk_brand;
mod events;
mod fields;
mod flagged;
mod handoff;
mod idempotency;
mod isolation;
mod kb;
mod lifecycle;
mod limits;
mod mail;
// issue 16: the authorization matrix
mod matrix;
mod password_reset;
mod messages;
// notifications (issue 13)
mod notifications;
mod openapi;
mod permissions;
mod problems;
mod races;
mod ready;
mod replicas;
mod reports;
mod retype;
mod roles;
mod routing;
mod server;
mod session;
mod session_idle;
mod sso;
mod key_rotation;
mod secret_key;
mod sharing;
mod signup;
mod sla;
mod sse;
mod stream_owner;
mod stream_tickets;
mod support;
mod tenant_cli;
mod triage;
mod tickets;
mod unsent_uploads;
mod upgrade;
mod uploads;
mod views;
mod widget;
mod workspace;
// Workflows (issue 13).
mod workflows;
