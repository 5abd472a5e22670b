//! Browser tests of real components: mount, act like a user, wait for the DOM, assert.
//! Elements are found by `data-testid` (shared/SELECTORS.md), never by text or position.
//! Run with `cargo test -p baton --target wasm32-unknown-unknown` (headless Chromium).

#![cfg(target_arch = "wasm32")]

mod accounts;
mod admin;
// audit log (issue 12)
mod admin_audit;
// The catalog's setup (issue 12).
mod admin_catalog;
mod admin_sla;
// The knowledge-base and quick-reply editors (issue 12).
mod admin_kb;
// Workflows (issue 13).
mod admin_workflows;
mod agent;
mod agent_lists;
mod drafts;
mod fake_server;
mod kb;
mod reports;
mod router;
mod fixtures;
mod json;
mod shell;
mod sla;
mod support;
mod ticket_details;
mod ticket_form;
mod ticket_list;
mod ticket_page;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
