-- What several server processes on one database share instead of keeping it in memory (issue 11
-- part C, "stateless replicas"): who has a ticket open, the stream tickets of clients without
-- cookies, the check that every replica holds the same secret key, and the scheduler's lease.
-- SQLite serves one process; the tables are the same so that one code path serves both databases.

-- Who has a ticket open and whether they are typing. seen_ms is Unix time in milliseconds, not a
-- TEXT timestamp: a viewer lives 30 s without a heartbeat, and whole seconds would make that
-- window jitter by a second (and tests' sub-second lifetimes impossible). Rows older than the
-- lifetime are dead: reads skip them, a sweep deletes them and announces the change.
CREATE TABLE presence (
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    typing     BOOLEAN NOT NULL,
    seen_ms    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, user_id)
);
CREATE INDEX presence_by_age ON presence (seen_ms);

-- Single-use passes to the live stream (`POST /events/ticket`): the SHA-256 of the ticket, whose it
-- is, until when. Redeeming deletes the row, so a ticket opens one stream on whichever replica.
CREATE TABLE stream_tickets (
    token_hash  BLOB PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TEXT NOT NULL
);
CREATE INDEX stream_tickets_by_expiry ON stream_tickets (expires_at);

-- One known value sealed with the server's key by the first server that started on this database.
-- A server whose key cannot open it refuses to start: every replica must have the same key, or
-- each would write confidential info the others cannot read.
CREATE TABLE server_keys (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    ciphertext  BLOB NOT NULL,
    nonce       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- Which process runs the scheduled jobs (purges now; auto-close, SLA checks, mail later) and until
-- when: the holder renews it every few seconds; when it stops renewing, another takes it over.
CREATE TABLE scheduler_lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
