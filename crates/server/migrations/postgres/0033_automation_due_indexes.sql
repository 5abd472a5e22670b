-- PostgreSQL version of ../sqlite/0033_automation_due_indexes.sql (conventions: see 0001_initial.sql).
--
-- Time rules' selection (issue 13, storage::automations::runs::due): the desk's worked-on, live
-- tickets whose basis time (created, updated, SLA due) is at or before a cutoff. With the status,
-- the flags and the basis time in one index the selection reads the index alone (no table row per
-- ticket) whatever the planner knows of the data: without ANALYZE statistics SQLite otherwise
-- took tickets_by_status and read every worked-on ticket's row, per rule and pass. Solved and
-- pending count from times kept elsewhere; their selection names their one status.
-- Measured on the 100k bench desk: BENCHMARKS.md "Automations on 100k tickets".
CREATE INDEX tickets_due_created ON tickets (tenant_id, status, trashed_at, suspended_at, created_at);
CREATE INDEX tickets_due_updated ON tickets (tenant_id, status, trashed_at, suspended_at, updated_at);
CREATE INDEX tickets_due_sla ON tickets (tenant_id, status, trashed_at, suspended_at, sla_due_at) WHERE sla_due_at IS NOT NULL;
