-- Routing (issue 13, DOMAIN.md "Routing"): how each agent group hands out new tickets, agents'
-- availability, and ordered routing rules per desk.
--
-- assign_mode replaces auto_assign: 'manual' (tickets wait in the group's unassigned view),
-- 'round_robin' or 'least_loaded' (what auto_assign TRUE meant). route_seq counts the tickets the
-- group has handed out; each member's routed_seq is the count at their last one (NULL: never), so
-- "whose turn" (round robin) and "who got one longest ago" (least loaded's tie-break) are one
-- order. Routing bumps route_seq first, which locks the group row until commit: concurrent
-- creations take turns (PostgreSQL's row lock; SQLite's writers already do).
ALTER TABLE agent_groups ADD COLUMN assign_mode TEXT NOT NULL DEFAULT 'manual'
    CHECK (assign_mode IN ('manual', 'round_robin', 'least_loaded'));
ALTER TABLE agent_groups ADD COLUMN route_seq INTEGER NOT NULL DEFAULT 0;
UPDATE agent_groups SET assign_mode = 'least_loaded' WHERE auto_assign;
ALTER TABLE agent_groups DROP COLUMN auto_assign;

ALTER TABLE agent_group_members ADD COLUMN routed_seq INTEGER;

-- Away agents (PUT /me/availability) get no tickets from routing; deactivated ones never do.
ALTER TABLE users ADD COLUMN available BOOLEAN NOT NULL DEFAULT TRUE;

-- Tried in `position` order; the first whose conditions match sends the ticket to its group (and
-- to agent_id, when that agent can take it). conditions is the JSON of baton_core's
-- RoutingConditions, checked by the server. A group a rule targets cannot be deleted (409).
CREATE TABLE routing_rules (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    conditions  TEXT NOT NULL CHECK (json_valid(conditions)),
    group_id    INTEGER NOT NULL REFERENCES agent_groups (id),
    agent_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);
CREATE INDEX routing_rules_by_position ON routing_rules (tenant_id, position);
