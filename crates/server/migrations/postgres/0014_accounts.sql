-- PostgreSQL version of ../sqlite/0014_accounts.sql (keep the two in step).
--
-- Accounts (issue 12, "Setup and accounts"): every tenant has a slug, by which login names the
-- desk, and single-use links that set a password (the owner's setup link; later invitations and
-- resets).

-- Tenants made before slugs were required get one from their id ("tenant-7"): unique, valid
-- (baton_core::validate::is_slug), and renamable later. The column stays nullable in the schema
-- because SQLite cannot add NOT NULL to an existing column without rebuilding the table every
-- other table references; storage::tenants::create always writes one.
UPDATE tenants SET slug = 'tenant-' || CAST(id AS TEXT) WHERE slug IS NULL;

-- A link that sets a user's password: the SHA-256 of its token (the token itself is only in the
-- link), what it is for, whose, until when, and when it was used (a used link never works again).
-- Expired rows are purged when new links are made.
CREATE TABLE password_tokens (
    token_hash  BYTEA PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('setup', 'invite', 'reset')),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX password_tokens_by_user ON password_tokens (user_id);
CREATE INDEX password_tokens_by_expiry ON password_tokens (expires_at);
