-- One row per tenant that serializes what must come out in order within a tenant:
-- ticket numbers (the next number is this row's value + 1, taken under the row's lock, instead of
-- MAX(number) + 1, which two concurrent transactions can both read) and live events (a writer
-- takes this row's lock before inserting its event, so within a tenant event ids are assigned in
-- commit order and a client resuming from Last-Event-ID never skips a late commit).
CREATE TABLE tenant_counters (
    tenant_id           INTEGER PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    last_ticket_number  INTEGER NOT NULL DEFAULT 0,
    events              INTEGER NOT NULL DEFAULT 0
);

INSERT INTO tenant_counters (tenant_id, last_ticket_number)
SELECT t.id, COALESCE((SELECT MAX(number) FROM tickets WHERE tenant_id = t.id), 0)
FROM tenants t;
