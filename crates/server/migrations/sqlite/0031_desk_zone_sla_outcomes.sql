-- Reports, session 10 (issue 14, DOMAIN.md "Reports").
--
-- The desk's time zone (an IANA name, checked by the server): a report's period and the days,
-- weeks and months of its series begin at local midnight there (baton_core::zone). Desks that
-- existed before it count in UTC, as they did.
ALTER TABLE tenants ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

-- Each SLA target of a ticket that came due (met: stopped within its target; breached: stopped
-- late or running past due), kept by `sla::apply::refresh` with the ticket's timers: attainment
-- per policy and target, and the list of breaches. A ticket has at most one row per target for
-- first reply and resolution (`started_at` = its creation) and one per answered or late cycle for
-- next reply (`started_at` = the customer's message that began it). A row whose target no longer
-- applies or runs again (a reopened ticket's resolution) is removed. `policy_id` is the policy
-- that set the target (NULL once that policy is deleted).
CREATE TABLE sla_outcomes (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    target      TEXT NOT NULL CHECK (target IN ('first_reply', 'next_reply', 'resolution')),
    started_at  TEXT NOT NULL,
    policy_id   INTEGER REFERENCES sla_policies (id) ON DELETE SET NULL,
    due_at      TEXT NOT NULL,
    stopped_at  TEXT,
    outcome     TEXT NOT NULL CHECK (outcome IN ('met', 'breached')),
    UNIQUE (ticket_id, target, started_at)
);
CREATE INDEX sla_outcomes_breaches ON sla_outcomes (tenant_id, outcome, due_at);

-- The due time whose passing the SLA watch (`sla::watch`) last handled. The watch used to skip a
-- ticket once any of its targets was breached, so a later target running past due (a resolution
-- after a late first reply) was only recorded at the ticket's next change; it now looks again
-- whenever the nearest due time passes and has not been handled. Tickets already breached count
-- as handled, so the upgrade repeats no breach.
ALTER TABLE tickets ADD COLUMN sla_due_seen TEXT;
UPDATE tickets SET sla_due_seen = sla_due_at WHERE sla_breached AND sla_due_at IS NOT NULL;
