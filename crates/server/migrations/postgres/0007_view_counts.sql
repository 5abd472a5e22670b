-- PostgreSQL version of ../0007_view_counts.sql (conventions: see 0001_initial.sql).
--
-- View counts (GET /views/counts) count every view of an agent at once. Each count needs the
-- ticket's flags, status, routing, requester and the fields custom conditions test; with them all
-- in one index SQLite counts from the index alone instead of reading every table row per view.
-- The flags come first: every view but trash/suspended asks for `trashed_at IS NULL AND
-- suspended_at IS NULL` (an equality for the index), and trash/suspended become short ranges.
-- Measured on the 100k bench desk: see BENCHMARKS.md "Server on 100k tickets".
-- (On PostgreSQL an index-only scan also needs the table's visibility map to be current, i.e. a
-- vacuumed table; autovacuum sees to that. The measurements above are SQLite's.)
CREATE INDEX tickets_counting ON tickets (
    tenant_id, trashed_at, suspended_at, status, assignee_group_id, assignee_id, requester_id,
    priority, channel, type_id, subtype_id, created_at, updated_at
);
