-- The "unassigned" view sorted by priority (GET /views/unassigned/tickets?sort=priority): the
-- unassigned tickets in the order the view sorts them (storage/views.rs `sort_key`, the same CASE
-- expression, so the planner matches it), so a page reads its rows in order and stops instead of
-- sorting every unassigned new or open ticket. Measured on PostgreSQL, where it mattered (the
-- 100k bench desk: ~11k such tickets, 33 ms → 2 ms per page); SQLite has the same index so both
-- schemas stay one (see BENCHMARKS.md "Server on 100k tickets").
CREATE INDEX tickets_unassigned_by_priority ON tickets (
    tenant_id, (CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END) DESC, id DESC
) WHERE assignee_id IS NULL;
