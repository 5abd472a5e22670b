-- The audit log (issue 12: "every change is audited"): one row per change an admin or manager
-- made to the desk's setup, written in the same transaction as the change (crate::audit). The
-- actor's name is kept as it was then, so a later rename does not rewrite history; actor_id is
-- NULL for changes nobody signed in made. target_label is what the target was called then.
-- changes is a small JSON object {field: {old, new}} without secrets (passwords, SSO secrets,
-- tokens, confidential info never get here). Purged after a year (scheduler/purge.rs).
--
-- The page lists newest first with filters on actor, target kind and action, and a time range:
-- each index starts with the tenant and ends with the page's order (created_at, id) descending.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    actor_id     INTEGER,
    actor_name   TEXT NOT NULL,
    action       TEXT NOT NULL,
    target_kind  TEXT NOT NULL,
    target_id    INTEGER,
    target_label TEXT NOT NULL,
    changes      TEXT NOT NULL CHECK (json_valid(changes)),
    created_at   TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (tenant_id, created_at DESC, id DESC);
CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, created_at DESC, id DESC);
CREATE INDEX audit_log_by_kind ON audit_log (tenant_id, target_kind, created_at DESC, id DESC);
