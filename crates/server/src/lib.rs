//! baton-server: Baton's reference backend. It implements the REST contract of
//! `spec/openapi.yaml` over SQLite, enforcing baton-core's rules, and serves the SPA build.
//!
//! Layers, outside in: `http` (routing, extraction, problem+json), the domain services
//! (`tickets`), and `storage` (all SQL). `Server` runs it all on the caller's tokio runtime; `app`
//! gives the bare router for in-process tests.

pub mod accounts;
pub mod agents;
pub mod attachments;
// audit log (issue 12)
pub mod audit;
pub mod auth;
// Automations (issue 13).
pub mod automations;
pub mod blobs;
pub mod capabilities;
pub mod catalog;
pub mod clock;
pub mod config;
// customers administration (issue 12)
pub mod customers;
pub mod demo;
pub mod error;
pub mod events;
pub mod http;
pub mod kb;
pub mod limits;
pub mod mail;
// notifications (issue 13)
pub mod notifications;
pub mod paging;
pub mod reports;
pub mod routing;
pub mod scheduler;
pub mod roles;
pub mod secret;
pub mod server;
pub mod services;
pub mod settings;
pub mod sla;
pub mod sessions;
pub mod sso;
pub mod storage;
pub mod stream_tickets;
pub mod tickets;
pub mod views;
pub mod workspace;
// Workflows (issue 13).
pub mod workflows;

pub use config::Config;
pub use http::{app, AppState};
pub use services::Services;
pub use server::{Server, StartError};
