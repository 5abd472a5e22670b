-- PostgreSQL version of ../0004_sso.sql (conventions: see 0001_initial.sql).
--
-- Single sign-on with the host's user system and the embeddable widget.
--
-- A tenant gets a public slug (the loader's data-tenant), an HS256 secret that host sites sign
-- their users' JWTs with, and the list of origins allowed to embed the widget. Customers signed
-- in that way carry the host's id for them (external_id), and every token's jti is kept until it
-- expires so no token signs in twice.

-- Nullable: a tenant without a slug simply cannot be embedded. Unique where set (a partial index,
-- the same syntax on both databases).
ALTER TABLE tenants ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX tenants_by_slug ON tenants (slug) WHERE slug IS NOT NULL;

-- The secret must be read back to verify signatures, so it cannot be hashed like a password.
-- It is only ever shown once (when rotated), never listed.
CREATE TABLE tenant_sso (
    tenant_id   BIGINT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    secret      TEXT NOT NULL,
    rotated_at  TEXT NOT NULL
);

-- Canonical origins (scheme://host[:port], lowercase), as baton_core::sso::normalize_origin
-- writes them; frame-ancestors and postMessage compare exactly these.
CREATE TABLE embed_origins (
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    origin      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, origin)
);

-- Used token ids, kept until the token could no longer be accepted anyway (exp + leeway).
CREATE TABLE sso_used_jtis (
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    jti         TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, jti)
);
CREATE INDEX sso_used_jtis_by_expiry ON sso_used_jtis (expires_at);

-- The host's id of a customer signed in by SSO (the JWT's sub); unique per tenant where set.
ALTER TABLE users ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX users_by_external_id ON users (tenant_id, external_id) WHERE external_id IS NOT NULL;
