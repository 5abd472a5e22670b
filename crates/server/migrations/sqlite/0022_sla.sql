-- SLA (issue 13, DOMAIN.md "SLA"): business calendars and policies per desk, and on each ticket
-- what its list rows, views and the scheduler need without reading its thread.
--
-- A calendar's and a policy's definitions are JSON (baton_core::sla::policy's CalendarSpec and
-- PolicySpec less the name), checked by the server before they are stored: they are read whole
-- and never queried by part.
CREATE TABLE sla_calendars (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

-- Policies are tried in `position` order; the first whose conditions match applies. A calendar
-- a policy uses cannot be deleted (409 calendar_in_use).
CREATE TABLE sla_policies (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    calendar_id  INTEGER REFERENCES sla_calendars (id),
    definition   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

-- The policy that applies to a ticket, the due time of its nearest running timer (NULL: none
-- runs, or it is paused while pending) and whether a timer has been breached, kept with every
-- change of the ticket and by the scheduler when a due time passes; `sla_timers` the timers as
-- staff see them (JSON, baton_core::sla::TicketSla's); `sla_warned_at` marks the warning the
-- scheduler gave for the current due time (so it is given once).
ALTER TABLE tickets ADD COLUMN sla_policy_id INTEGER REFERENCES sla_policies (id) ON DELETE SET NULL;
ALTER TABLE tickets ADD COLUMN sla_due_at TEXT;
ALTER TABLE tickets ADD COLUMN sla_breached BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tickets ADD COLUMN sla_warned_at TEXT;
ALTER TABLE tickets ADD COLUMN sla_timers TEXT;
CREATE INDEX tickets_sla_due ON tickets (sla_due_at) WHERE sla_due_at IS NOT NULL;
