-- Mail (issue 12): an outbox the scheduler's sending job works through, and what invitations and
-- deactivation need on users.
--
-- A mail is written in the same transaction as what caused it (a desk created, an invitation, a
-- reset), so it goes out exactly when that commits. The job sends due rows (`next_attempt_at`),
-- retries with a growing delay and gives up as `failed`; `last_error` says why. Once a mail is
-- sent its bodies are blanked: they hold single-use links. Rows are kept for the admin's list.
CREATE TABLE mail_outbox (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('setup', 'invitation', 'password_reset')),
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    -- The Message-ID header, fixed at enqueue so a retry after a lost answer is the same message.
    message_id       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    -- When the job may try it next; NULL once sent or failed.
    next_attempt_at  TEXT,
    sent_at          TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_tenant ON mail_outbox (tenant_id, id);

-- A deactivated user cannot sign in or reset a password, and their sessions are gone; NULL: active.
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
-- When the last invitation was sent to a staff user who has not set a password yet.
ALTER TABLE users ADD COLUMN invited_at TEXT;
