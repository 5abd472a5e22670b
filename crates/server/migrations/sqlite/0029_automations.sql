-- Automations (issue 13, DOMAIN.md "Automations and time"): the desk's rules, run in `position`
-- order. trigger_kind is the event a rule runs on ('created', 'updated', 'customer_replied',
-- 'agent_replied') or 'time' (the scheduler: `hours` after the ticket's `time_basis`). trigger,
-- conditions (the views' Condition JSON) and actions are baton_core's JSON, checked by the
-- server. A deactivated rule is kept but never runs; a deleted one is gone with its runs.
CREATE TABLE automations (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    position     INTEGER NOT NULL,
    trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('created', 'updated', 'customer_replied', 'agent_replied', 'time')),
    time_basis   TEXT CHECK (time_basis IN ('created', 'updated', 'solved', 'pending', 'sla_due')),
    hours        INTEGER,
    conditions   TEXT NOT NULL CHECK (json_valid(conditions)),
    actions      TEXT NOT NULL CHECK (json_valid(actions)),
    created_at   TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);
CREATE INDEX automations_by_trigger ON automations (tenant_id, trigger_kind, position);

-- A time rule fires once per ticket and basis time: a row here says rule `automation_id` ran on
-- the ticket for the basis time `basis_at` (a ticket updated again, or solved again, has a new
-- basis and may fire again). The rule's own change is recorded too, so it never retriggers it.
CREATE TABLE automation_runs (
    automation_id INTEGER NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
    ticket_id     INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    basis_at      TEXT NOT NULL,
    ran_at        TEXT NOT NULL,
    PRIMARY KEY (automation_id, ticket_id, basis_at)
);
CREATE INDEX automation_runs_by_ticket ON automation_runs (ticket_id);
