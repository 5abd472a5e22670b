//! Reports (issue 14): a small desk built through the API on a stopped clock, every metric of the
//! summary and the workload per agent asserted against values computed by hand (`desk`), the
//! filters, the tickets behind the numbers and their CSV export (`drill`), and who may read
//! them (`access`).

mod access;
mod desk;
mod drill;
mod backfill;
