//! HTTP tests of baton-server over a real SQLite file per test: most drive the router in-process
//! (`app(state).oneshot`), `server` and `concurrency` go through `Server::start` and a real socket,
//! `cli` runs the built binary. One test binary, so the crate links once.

mod accounts;
mod actions;
mod agent;
mod attachments;
mod blob_store;
mod catalog;
mod cli;
mod concurrency;
mod contract_fixes;
mod csrf;
mod confidential;
mod confidential_logs;
mod events;
mod fields;
mod flagged;
mod handoff;
mod idempotency;
mod isolation;
mod kb;
mod messages;
mod openapi;
mod permissions;
mod problems;
mod races;
mod ready;
mod replicas;
mod reports;
mod retype;
mod roles;
mod server;
mod session;
mod sso;
mod secret_key;
mod sharing;
mod sse;
mod stream_tickets;
mod support;
mod tenant_cli;
mod triage;
mod tickets;
mod uploads;
mod views;
mod widget;
mod workspace;
