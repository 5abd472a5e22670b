-- Key rotation (issue 16): a sealed value's nonce column now carries the id of the key that
-- sealed it, `[1][key id: 4 bytes][nonce: 12 bytes]` (17 bytes, `secret`); a bare 12-byte nonce
-- is a value sealed before, read as it is (no row is rewritten here; `baton-server rekey` does
-- that when the operator rotates). SQLite cannot change a CHECK in place: the table is rebuilt
-- with the same columns. Nothing references it, and it has no index or trigger of its own.
CREATE TABLE ticket_confidential_v2 (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ciphertext  BLOB NOT NULL,
    nonce       BLOB NOT NULL CHECK (length(nonce) IN (12, 17)),
    updated_by  INTEGER NOT NULL REFERENCES users (id),
    updated_at  TEXT NOT NULL
);
INSERT INTO ticket_confidential_v2 (ticket_id, tenant_id, ciphertext, nonce, updated_by, updated_at)
    SELECT ticket_id, tenant_id, ciphertext, nonce, updated_by, updated_at FROM ticket_confidential;
DROP TABLE ticket_confidential;
ALTER TABLE ticket_confidential_v2 RENAME TO ticket_confidential;
