//! The SQL of reports: the facts table of migration 0016 (`facts`), the filters every report
//! shares (`filter`) and the aggregates over them. Every statement filters on the tenant.

pub mod agents;
pub mod comments;
pub mod facts;
pub mod filter;
pub mod groups;
// Session 10: SLA attainment per policy and the breaches.
pub mod sla;
pub mod summary;
pub mod tickets;

pub use filter::{Filter, Moment};
