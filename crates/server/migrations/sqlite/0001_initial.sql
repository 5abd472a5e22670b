-- Baton's initial schema. Written in the SQL that SQLite and PostgreSQL share where possible, so the
-- planned PostgreSQL migrations stay a near copy. Timestamps are RFC 3339 UTC strings with a fixed
-- width ("2026-11-25T23:40:00Z"), so text order is time order.
--
-- Every row that belongs to a help desk carries tenant_id, and every query filters on it: nothing
-- may cross tenants, so it is the first column of every index.

CREATE TABLE tenants (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- A customer group (客户组): usually the customer's company. shares_tickets lets members see each
-- other's tickets once the contract grows that feature.
CREATE TABLE customer_groups (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    shares_tickets  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    tenant_id          INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- Stored trimmed and lowercased; unique per tenant, not globally (see storage/users.rs).
    email              TEXT NOT NULL,
    name               TEXT NOT NULL,
    role               TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'admin', 'owner')),
    customer_group_id  INTEGER REFERENCES customer_groups (id) ON DELETE SET NULL,
    password_hash      TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    UNIQUE (tenant_id, email)
);

-- Login looks a user up by email before it knows the tenant.
CREATE INDEX users_by_email ON users (email, tenant_id);

-- Only the SHA-256 of a session token is stored, so a leaked database does not hand out sessions.
CREATE TABLE sessions (
    token_hash  BLOB PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- The human number (#12), assigned max + 1 per tenant inside the creating transaction.
    number          INTEGER NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN
                        ('new', 'open', 'pending', 'solved', 'confirmed', 'rated', 'closed')),
    priority        TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    channel         TEXT NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'widget', 'phone', 'email', 'api')),
    requester_id    INTEGER NOT NULL REFERENCES users (id),
    contact_phone   TEXT,
    rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (tenant_id, number)
);

-- The list query: newest first, keyset-paginated on (created_at, id), for a customer's own
-- tickets, for a status view, and for everything staff may see.
CREATE INDEX tickets_by_requester ON tickets (tenant_id, requester_id, created_at DESC, id DESC);
CREATE INDEX tickets_by_status ON tickets (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX tickets_by_created ON tickets (tenant_id, created_at DESC, id DESC);

-- A ticket's thread: public messages, internal notes and system entries (status changes).
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('public', 'internal', 'system')),
    author_id    INTEGER REFERENCES users (id),
    body         TEXT NOT NULL,
    status_from  TEXT,
    status_to    TEXT,
    created_at   TEXT NOT NULL,
    CHECK ((status_from IS NULL) = (status_to IS NULL))
);

CREATE INDEX messages_by_ticket ON messages (ticket_id, id);

-- What a POST with an Idempotency-Key created, so a retry returns it instead of a duplicate.
CREATE TABLE idempotency_keys (
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    resource_id  INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, scope, key)
);
