-- The complete help center (contract issue 3): ticket types and sub-types with custom fields and
-- dictionaries, field values, confidential info (encrypted) with its reveal audit, attachments,
-- and the events table that live updates (SSE) are replayed from.
--
-- Tenant-written names and labels are JSON objects mapping locale to text ({"en": …, "zh-CN": …});
-- json_valid keeps anything else out.

CREATE TABLE ticket_types (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (json_valid(name)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE INDEX ticket_types_by_tenant ON ticket_types (tenant_id, position, id);

CREATE TABLE ticket_subtypes (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type_id     INTEGER NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (json_valid(name)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE INDEX ticket_subtypes_by_type ON ticket_subtypes (tenant_id, type_id, position, id);

-- A dictionary (字典): a named list of options that select-like fields draw from. An option with
-- parent_value applies only while the parent field of a cascading field has that value.
CREATE TABLE dictionaries (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE dictionary_options (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    dictionary_id  INTEGER NOT NULL REFERENCES dictionaries (id) ON DELETE CASCADE,
    value          TEXT NOT NULL,
    label          TEXT NOT NULL CHECK (json_valid(label)),
    parent_value   TEXT,
    position       INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX dictionary_options_unique
    ON dictionary_options (dictionary_id, value, COALESCE(parent_value, ''));

-- A custom field belongs to a type (asked for every sub-type) or to one sub-type, never both.
CREATE TABLE custom_fields (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type_id        INTEGER REFERENCES ticket_types (id) ON DELETE CASCADE,
    subtype_id     INTEGER REFERENCES ticket_subtypes (id) ON DELETE CASCADE,
    key            TEXT NOT NULL CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9_]*'),
    label          TEXT NOT NULL CHECK (json_valid(label)),
    kind           TEXT NOT NULL CHECK (kind IN ('text', 'textarea', 'number', 'date', 'datetime',
                       'select', 'multiselect', 'radio', 'checkbox', 'attachment')),
    required       BOOLEAN NOT NULL DEFAULT FALSE,
    dictionary_id  INTEGER REFERENCES dictionaries (id),
    parent_key     TEXT,
    help           TEXT CHECK (help IS NULL OR json_valid(help)),
    position       INTEGER NOT NULL DEFAULT 0,
    CHECK ((type_id IS NULL) <> (subtype_id IS NULL)),
    UNIQUE (type_id, key),
    UNIQUE (subtype_id, key)
);

CREATE INDEX custom_fields_by_tenant ON custom_fields (tenant_id, position, id);

ALTER TABLE tickets ADD COLUMN type_id INTEGER REFERENCES ticket_types (id);
ALTER TABLE tickets ADD COLUMN subtype_id INTEGER REFERENCES ticket_subtypes (id);
ALTER TABLE tickets ADD COLUMN related_url TEXT;

-- The values a ticket gives its custom fields, as JSON (string, number, boolean or string list).
CREATE TABLE ticket_field_values (
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES custom_fields (id),
    value      TEXT NOT NULL CHECK (json_valid(value)),
    PRIMARY KEY (ticket_id, field_id)
);

-- Confidential info (机密信息): AES-256-GCM ciphertext and its 96-bit nonce, one row per ticket.
-- A table of its own so that no ticket query can select it by accident; only reveal decrypts it.
CREATE TABLE ticket_confidential (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ciphertext  BLOB NOT NULL,
    nonce       BLOB NOT NULL CHECK (length(nonce) = 12),
    updated_by  INTEGER NOT NULL REFERENCES users (id),
    updated_at  TEXT NOT NULL
);

-- Every reveal of confidential info: who, when. Kept even when the value is later cleared.
CREATE TABLE confidential_reveals (
    id         INTEGER PRIMARY KEY,
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    at         TEXT NOT NULL
);

CREATE INDEX confidential_reveals_by_ticket ON confidential_reveals (ticket_id, id);

-- An uploaded file. The bytes live in <data dir>/attachments/<storage_key>; the name shown is
-- sanitised. Unlinked until its uploader uses it in a ticket or message.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    tenant_id     INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    uploader_id   INTEGER NOT NULL REFERENCES users (id),
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    storage_key   TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL
);

-- An attachment is linked once, to one ticket or to one message.
CREATE TABLE ticket_attachments (
    attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    ticket_id      INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE
);

CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments (ticket_id);

CREATE TABLE message_attachments (
    attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    message_id     INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE
);

CREATE INDEX message_attachments_by_message ON message_attachments (message_id);

-- Live events, written in the transaction of the change they announce; SSE clients resume from
-- them with Last-Event-ID. AUTOINCREMENT: ids are never reused, even after pruning the newest.
-- requester_id and share_group_id decide who may receive an event without reading the ticket.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type            TEXT NOT NULL CHECK (type IN ('ticket.created', 'ticket.updated', 'message.created')),
    ticket_id       INTEGER NOT NULL,
    requester_id    INTEGER NOT NULL,
    share_group_id  INTEGER,
    status          TEXT,
    message_id      INTEGER,
    kind            TEXT,
    created_at      TEXT NOT NULL
);

CREATE INDEX events_by_tenant ON events (tenant_id, id);
CREATE INDEX events_by_age ON events (created_at);
