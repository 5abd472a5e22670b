-- PostgreSQL version of ../sqlite/0009_tenant_counters.sql: one row per tenant that serializes
-- what must come out in order within a tenant (ticket numbers; live events in commit order).
CREATE TABLE tenant_counters (
    tenant_id           BIGINT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    last_ticket_number  BIGINT NOT NULL DEFAULT 0,
    events              BIGINT NOT NULL DEFAULT 0
);

INSERT INTO tenant_counters (tenant_id, last_ticket_number)
SELECT t.id, COALESCE((SELECT MAX(number) FROM tickets WHERE tenant_id = t.id), 0)
FROM tenants t;
