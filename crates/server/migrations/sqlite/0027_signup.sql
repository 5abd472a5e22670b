-- Customer sign-up (issue 12, DOMAIN.md "Setting up a desk"): each desk says how customers join.
--   staff    only staff create customers (and phone registration); the default, as before
--   sso      customers arrive through the host's single sign-on only
--   open     anyone signs up with an email address
--   domains  anyone whose email is at one of `signup_domains` (comma-separated, lower case)
-- A sign-up creates a customer without a password and mails a single-use link (purpose `signup`)
-- that proves the address and sets the password: the account works only once the mail was read.
ALTER TABLE tenants ADD COLUMN signup_mode TEXT NOT NULL DEFAULT 'staff'
    CHECK (signup_mode IN ('staff', 'sso', 'open', 'domains'));
ALTER TABLE tenants ADD COLUMN signup_domains TEXT NOT NULL DEFAULT '';

-- SQLite cannot change a CHECK constraint in place: the table is rebuilt with the new purpose.
-- Nothing references password_tokens, so the rebuild touches no other table.
CREATE TABLE password_tokens_new (
    token_hash  BLOB PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('setup', 'invite', 'reset', 'signup')),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
INSERT INTO password_tokens_new (token_hash, tenant_id, user_id, purpose, created_at, expires_at, used_at)
    SELECT token_hash, tenant_id, user_id, purpose, created_at, expires_at, used_at FROM password_tokens;
DROP TABLE password_tokens;
ALTER TABLE password_tokens_new RENAME TO password_tokens;
CREATE INDEX password_tokens_by_user ON password_tokens (user_id);
CREATE INDEX password_tokens_by_expiry ON password_tokens (expires_at);

-- The outbox takes the two new kinds of mail (`signup`: the confirmation link; `account_exists`:
-- someone signed up with the address of an account). Rebuilt as above; nothing references it.
CREATE TABLE mail_outbox_new (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('setup', 'invitation', 'password_reset', 'notification', 'digest',
                                                   'signup', 'account_exists')),
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
                             status, attempts, last_error, created_at, next_attempt_at, sent_at, ticket_id, references_id)
SELECT id, tenant_id, user_id, kind, to_address, subject, body_text, body_html, message_id,
       status, attempts, last_error, created_at, next_attempt_at, sent_at, ticket_id, references_id
FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_new RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_tenant ON mail_outbox (tenant_id, id);
