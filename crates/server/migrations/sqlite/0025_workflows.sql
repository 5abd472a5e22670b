-- Workflows (issue 13, DOMAIN.md "Workflows", 流程流转): a ticket type may carry one workflow of
-- ordered steps; a ticket of that type walks them while `open`, passed on by the handler of each
-- step to an allowed next step (and a handler of its group), or returned to the previous step.
--
-- A step's `key` is its identity within the workflow (as a custom field's key is): the admin API
-- replaces a workflow whole, and a step whose key stays keeps its id, so tickets at it stay there.
-- required_fields is a JSON list of the custom field keys that must be filled before the ticket
-- leaves the step; next_steps a JSON list of the keys of the steps it may be passed on to (none:
-- the last step). sla_minutes is how long the step should take (calendar time, shown as the
-- step's due time; no SLA timer). A group a step names cannot be deleted (409 group_in_use).
CREATE TABLE workflows (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type_id     INTEGER NOT NULL REFERENCES ticket_types (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (tenant_id, type_id)
);

CREATE TABLE workflow_steps (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    workflow_id      INTEGER NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    key              TEXT NOT NULL,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    group_id         INTEGER NOT NULL REFERENCES agent_groups (id),
    required_fields  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(required_fields)),
    sla_minutes      INTEGER CHECK (sla_minutes IS NULL OR sla_minutes > 0),
    next_steps       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(next_steps)),
    UNIQUE (workflow_id, key)
);
CREATE INDEX workflow_steps_by_group ON workflow_steps (tenant_id, group_id);

-- The step a ticket is at (NULL: in no workflow, or its step was deleted) and since when.
ALTER TABLE tickets ADD COLUMN workflow_step_id INTEGER REFERENCES workflow_steps (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN workflow_step_at TEXT;
CREATE INDEX tickets_by_workflow_step ON tickets (tenant_id, workflow_step_id);

-- Every move of a ticket through its workflow: 'start' (created at the first step), 'pass' and
-- 'return'. Step names are kept as they were (a step may be renamed or deleted later). A return
-- goes back along the latest 'pass' into the current step: to its from_step, to from_handler
-- (the assignee who passed it on).
CREATE TABLE ticket_workflow_moves (
    id               INTEGER PRIMARY KEY,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id        INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('start', 'pass', 'return')),
    from_step_id     INTEGER REFERENCES workflow_steps (id) ON DELETE SET NULL,
    from_step_name   TEXT,
    to_step_id       INTEGER REFERENCES workflow_steps (id) ON DELETE SET NULL,
    to_step_name     TEXT NOT NULL,
    from_handler_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    to_handler_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    by_id            INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason           TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX ticket_workflow_moves_by_ticket ON ticket_workflow_moves (ticket_id, id);
