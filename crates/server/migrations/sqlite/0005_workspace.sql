-- The agent workspace (contract issue 4): agent groups and memberships, routing of sub-types to a
-- group, assignment, CC, tags, stars, the trash and suspended flags, a version per ticket for
-- optimistic concurrency, custom views with per-user order and hiding, quick replies and settings.

CREATE TABLE agent_groups (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    -- New tickets go to the least-loaded member; otherwise they wait in the group's unassigned view.
    auto_assign  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE agent_group_members (
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES agent_groups (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

-- "Which groups am I in" runs inside every agent's visibility filter.
CREATE INDEX agent_group_members_by_user ON agent_group_members (user_id, group_id);

ALTER TABLE ticket_subtypes ADD COLUMN group_id INTEGER REFERENCES agent_groups (id) ON DELETE SET NULL;

ALTER TABLE tickets ADD COLUMN assignee_group_id INTEGER REFERENCES agent_groups (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN trashed_at TEXT;
ALTER TABLE tickets ADD COLUMN suspended_at TEXT;
-- Bumped on every change; the ETag "v<version>" that If-Match must name.
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- The views' access paths: by assignee, by group and by status, each in list order (updated_at
-- desc, id desc), so a 50-row page reads 50 index entries, and counts are index-only scans.
CREATE INDEX tickets_by_assignee ON tickets (tenant_id, assignee_id, status, updated_at DESC, id DESC);
CREATE INDEX tickets_by_group ON tickets (tenant_id, assignee_group_id, status, updated_at DESC, id DESC);
CREATE INDEX tickets_by_status_updated ON tickets (tenant_id, status, updated_at DESC, id DESC);
CREATE INDEX tickets_by_updated ON tickets (tenant_id, updated_at DESC, id DESC);

CREATE TABLE ticket_tags (
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_by_tag ON ticket_tags (tenant_id, tag, ticket_id);

CREATE TABLE ticket_cc (
    tenant_id  INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ticket_cc_by_user ON ticket_cc (user_id, ticket_id);

CREATE TABLE ticket_stars (
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, ticket_id)
);

-- Custom views. owner_id NULL = public. conditions and columns are the JSON of baton-core's
-- Condition list and Column list, validated before they are stored.
CREATE TABLE views (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    owner_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    conditions  TEXT NOT NULL CHECK (json_valid(conditions)),
    sort_field  TEXT NOT NULL,
    sort_dir    TEXT NOT NULL CHECK (sort_dir IN ('asc', 'desc')),
    columns     TEXT NOT NULL CHECK (json_valid(columns)),
    -- The admins' default order and hiding of public views.
    position    INTEGER NOT NULL DEFAULT 0,
    hidden      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX views_by_tenant ON views (tenant_id, owner_id);

-- Each user's own order and hiding of every view they see (built-ins by key, custom by id).
CREATE TABLE view_prefs (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    view_key  TEXT NOT NULL,
    position  INTEGER,
    hidden    BOOLEAN,
    PRIMARY KEY (user_id, view_key)
);

CREATE TABLE quick_replies (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    owner_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX quick_replies_by_tenant ON quick_replies (tenant_id, owner_id);

CREATE TABLE user_settings (
    user_id   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    settings  TEXT NOT NULL CHECK (json_valid(settings))
);
