-- Permissions (DOMAIN.md "Permissions"): custom roles per tenant, a staff user's custom role, and
-- the managers (组长) of agent groups.
--
-- A custom role's permissions are one JSON array of codes (["tickets.see_all", "reports.view"]),
-- not a join table: the session lookup that runs on every request reads them with one LEFT JOIN
-- and no aggregation (which SQLite and PostgreSQL spell differently), and a role is always read
-- and written whole. The codes are written only from baton-core's Permission enum; a code this
-- build does not know is ignored when read (it grants nothing).
CREATE TABLE roles (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    permissions  TEXT NOT NULL CHECK (json_valid(permissions)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

-- The built-in role stays users.role (customer | agent | admin | owner); an agent may also have a
-- custom role, whose permissions then replace the built-in agent set (admins and the owner hold
-- all permissions whatever this says). No ON DELETE: a role some user still has cannot be deleted
-- (the API answers 409 first; this is the backstop against a concurrent assignment).
ALTER TABLE users ADD COLUMN role_id INTEGER REFERENCES roles (id);
-- "Who has this role": the in-use check before a delete, and the foreign key's own check.
CREATE INDEX users_by_role ON users (role_id) WHERE role_id IS NOT NULL;

-- A manager (组长) of an agent group sees and reassigns the group's tickets and its members' work.
ALTER TABLE agent_group_members ADD COLUMN is_manager BOOLEAN NOT NULL DEFAULT FALSE;
