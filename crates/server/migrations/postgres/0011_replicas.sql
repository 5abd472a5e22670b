-- PostgreSQL version of ../sqlite/0011_replicas.sql (conventions: see 0001_initial.sql): what
-- several server processes on one database share instead of keeping it in memory (issue 11 part C,
-- "stateless replicas"): presence, stream tickets, the secret-key check, the scheduler's lease.
-- One addition SQLite has no use for: the NOTIFY that wakes every replica's live-events relay.

-- Who has a ticket open (seen_ms: Unix milliseconds; see the SQLite file for why).
CREATE TABLE presence (
    tenant_id  BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    typing     BOOLEAN NOT NULL,
    seen_ms    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, user_id)
);
CREATE INDEX presence_by_age ON presence (seen_ms);

-- Single-use passes to the live stream, by the SHA-256 of the ticket.
CREATE TABLE stream_tickets (
    token_hash  BYTEA PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TEXT NOT NULL
);
CREATE INDEX stream_tickets_by_expiry ON stream_tickets (expires_at);

-- A known value sealed with the key of the first server that started here (see the SQLite file).
CREATE TABLE server_keys (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    ciphertext  BYTEA NOT NULL,
    nonce       BYTEA NOT NULL,
    created_at  TEXT NOT NULL
);

-- Which process runs the scheduled jobs, and until when.
CREATE TABLE scheduler_lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

-- Every inserted event wakes the replicas: a notification on channel baton_events whose payload is
-- the tenant id (crates/server/src/storage/notify.rs listens; events/relay.rs reads the rows after
-- the last id it sent and fans them out). The table stays the source of truth, the notification
-- only says where to look. PostgreSQL delivers it when the transaction commits and not at all if
-- it rolls back, and folds identical notifications of one transaction into one, so a ticket write
-- with three events sends one. Writing it here rather than in the Rust code means no insert into
-- events can forget it.
CREATE FUNCTION baton_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('baton_events', NEW.tenant_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events
FOR EACH ROW EXECUTE FUNCTION baton_events_notify();
