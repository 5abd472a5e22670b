-- Notifications (issue 13, DOMAIN.md "Notifications"): what each person is told about tickets, in
-- the app (an inbox with an unread count, live over SSE) and by mail when they are not online.
--
-- A notification is written in the transaction of the change that causes it (a reply, a status
-- change, an assignment, a mention, the SLA watch), one row per recipient, never with a body: the
-- inbox shows the kind, the ticket's number and title and who acted; the ticket page has the rest.
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('public_reply', 'solved', 'closed', 'new_ticket', 'assigned',
                                              'customer_replied', 'mentioned', 'sla_warning', 'sla_breach')),
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    -- Who caused it; NULL for the system (auto-close, the SLA watch) or a deleted user.
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    -- NULL: unread.
    read_at     TEXT,
    -- FALSE: the recipient turned this kind off in the app and wants it only by mail; the inbox
    -- does not show it, the mail (or the digest) is made from it.
    in_app      BOOLEAN NOT NULL DEFAULT TRUE,
    -- The recipient wanted mail for it but reads a digest: the digest job collects these and
    -- clears the flag.
    digest_pending BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX notifications_by_user ON notifications (tenant_id, user_id, id);
CREATE INDEX notifications_digest ON notifications (digest_pending, tenant_id, user_id);

-- Per person, per kind: whether it shows in the app and when it is mailed ('never', 'offline':
-- only while they have no live stream open, 'always'). No row: in the app, mailed when offline.
CREATE TABLE notification_preferences (
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    in_app      BOOLEAN NOT NULL,
    email       TEXT NOT NULL CHECK (email IN ('never', 'offline', 'always')),
    PRIMARY KEY (tenant_id, user_id, kind)
);

-- Per person: an hourly digest instead of one mail each (agents), when the last one went out,
-- and the language mail is written in (from their last stream or preferences; NULL: English).
CREATE TABLE notification_settings (
    tenant_id       INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest          BOOLEAN NOT NULL DEFAULT FALSE,
    digest_sent_at  TEXT,
    language        TEXT,
    PRIMARY KEY (tenant_id, user_id)
);

-- Who is online: one row per open live stream (`GET /events`), on whichever replica holds it,
-- renewed while it lives (seen_ms, Unix milliseconds) and deleted when it ends. A replica that
-- dies leaves rows that go stale: older than the lifetime, they no longer count.
CREATE TABLE online_streams (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seen_ms     INTEGER NOT NULL
);
CREATE INDEX online_streams_by_user ON online_streams (tenant_id, user_id, seen_ms);

-- Live events gain `notification.created`, sent to its recipient alone (recipient_id) with the
-- notification's id and kind. SQLite cannot change a CHECK: the table is rebuilt, ids and the
-- AUTOINCREMENT counter kept (clients resume by id).
CREATE TABLE events_new (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id          INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type               TEXT NOT NULL CHECK (type IN ('ticket.created', 'ticket.updated', 'message.created',
                                                     'notification.created')),
    ticket_id          INTEGER NOT NULL,
    requester_id       INTEGER NOT NULL,
    share_group_id     INTEGER,
    status             TEXT,
    message_id         INTEGER,
    kind               TEXT,
    created_at         TEXT NOT NULL,
    staff_only         BOOLEAN NOT NULL DEFAULT FALSE,
    recipient_id       INTEGER,
    notification_id    INTEGER,
    notification_kind  TEXT
);
INSERT INTO events_new (id, tenant_id, type, ticket_id, requester_id, share_group_id, status, message_id, kind,
                        created_at, staff_only)
SELECT id, tenant_id, type, ticket_id, requester_id, share_group_id, status, message_id, kind, created_at, staff_only
FROM events;
DELETE FROM sqlite_sequence WHERE name = 'events_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'events_new', seq FROM sqlite_sequence WHERE name = 'events';
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_by_tenant ON events (tenant_id, id);
CREATE INDEX events_by_age ON events (created_at);

-- The outbox gains notification mail and digests, the ticket a mail is about, and the
-- References/In-Reply-To header that threads a ticket's mails in the reader's client. Rebuilt
-- for the CHECK, as above (its ids are not AUTOINCREMENT).
CREATE TABLE mail_outbox_new (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('setup', 'invitation', 'password_reset', 'notification', 'digest')),
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    message_id       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    next_attempt_at  TEXT,
    sent_at          TEXT,
    ticket_id        INTEGER,
    references_id    TEXT
);
INSERT INTO mail_outbox_new (id, tenant_id, user_id, kind, to_address, subject, body_text, body_html, message_id,
                             status, attempts, last_error, created_at, next_attempt_at, sent_at)
SELECT id, tenant_id, user_id, kind, to_address, subject, body_text, body_html, message_id,
       status, attempts, last_error, created_at, next_attempt_at, sent_at
FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_new RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_tenant ON mail_outbox (tenant_id, id);
