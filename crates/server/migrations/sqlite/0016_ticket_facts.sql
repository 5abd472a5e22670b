-- Report facts (issue 14, DOMAIN.md "Reports"): one row per ticket holding what the reports
-- count, written in the same transaction as the change that makes the fact (reports::facts), so
-- a report aggregates one narrow table in SQL instead of replaying threads.
--
--   customer_first_at  when the customer first spoke: the ticket's creation, or for a ticket
--                      staff registered (registered_by_staff) the customer's first public
--                      message (NULL until then). Only staff replies from then on count as the
--                      first reply; the first-reply time is still measured from created_at.
--   first_reply_*      the first public staff reply that counts: when, seconds after created_at,
--                      and by whom.
--   first_solved_at / first_resolution_secs   created → first `solved`;
--   last_solved_at / full_resolution_secs     created → last `solved` (reopened tickets);
--   solved_by          the assignee when the ticket was first solved;
--   solves, reopens    how many times it was solved, and reopened (solved → open).
--   rating, rated_at   the customer's rating (1–5) and when.
-- Seconds are computed by the server when the fact is recorded (calendar time), so reports only
-- add and sort integers, the same on both databases.
CREATE TABLE ticket_facts (
    ticket_id              INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    tenant_id              INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created_at             TEXT NOT NULL,
    registered_by_staff    BOOLEAN NOT NULL DEFAULT FALSE,
    customer_first_at      TEXT,
    first_reply_at         TEXT,
    first_reply_secs       INTEGER,
    first_reply_by         INTEGER,
    first_solved_at        TEXT,
    first_resolution_secs  INTEGER,
    last_solved_at         TEXT,
    full_resolution_secs   INTEGER,
    solved_by              INTEGER,
    solves                 INTEGER NOT NULL DEFAULT 0,
    reopens                INTEGER NOT NULL DEFAULT 0,
    rating                 INTEGER CHECK (rating BETWEEN 1 AND 5),
    rated_at               TEXT
);

-- Reports select by creation or by first solve within a tenant.
CREATE INDEX ticket_facts_by_created ON ticket_facts (tenant_id, created_at);
CREATE INDEX ticket_facts_by_solved ON ticket_facts (tenant_id, first_solved_at);
-- Workload per agent counts each agent's replies and notes in a period.
CREATE INDEX messages_by_author ON messages (tenant_id, author_id, created_at);

-- Backfill from the threads, as far as they tell: whether staff registered a ticket was not
-- recorded before this migration, so every existing ticket counts as the customer's own; the
-- assignee at the first solve was not recorded either, so the current assignee of a solved
-- ticket stands in for it.
INSERT INTO ticket_facts (ticket_id, tenant_id, created_at, customer_first_at, first_reply_at,
                          first_reply_by, first_solved_at, last_solved_at, solved_by, solves,
                          reopens, rating, rated_at)
SELECT t.id, t.tenant_id, t.created_at, t.created_at,
       (SELECT m.created_at FROM messages m JOIN users a ON a.id = m.author_id
         WHERE m.ticket_id = t.id AND m.kind = 'public' AND a.role <> 'customer'
         ORDER BY m.created_at, m.id LIMIT 1),
       (SELECT m.author_id FROM messages m JOIN users a ON a.id = m.author_id
         WHERE m.ticket_id = t.id AND m.kind = 'public' AND a.role <> 'customer'
         ORDER BY m.created_at, m.id LIMIT 1),
       (SELECT MIN(m.created_at) FROM messages m WHERE m.ticket_id = t.id AND m.status_to = 'solved'),
       (SELECT MAX(m.created_at) FROM messages m WHERE m.ticket_id = t.id AND m.status_to = 'solved'),
       CASE WHEN EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.status_to = 'solved')
            THEN t.assignee_id END,
       (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id AND m.status_to = 'solved'),
       (SELECT COUNT(*) FROM messages m
         WHERE m.ticket_id = t.id AND m.status_from = 'solved' AND m.status_to = 'open'),
       t.rating,
       (SELECT MIN(m.created_at) FROM messages m WHERE m.ticket_id = t.id AND m.status_to = 'rated')
FROM tickets t;

UPDATE ticket_facts SET
    first_reply_secs = CAST(strftime('%s', first_reply_at) AS INTEGER) - CAST(strftime('%s', created_at) AS INTEGER)
WHERE first_reply_at IS NOT NULL;
UPDATE ticket_facts SET
    first_resolution_secs = CAST(strftime('%s', first_solved_at) AS INTEGER) - CAST(strftime('%s', created_at) AS INTEGER),
    full_resolution_secs = CAST(strftime('%s', last_solved_at) AS INTEGER) - CAST(strftime('%s', created_at) AS INTEGER)
WHERE first_solved_at IS NOT NULL;
