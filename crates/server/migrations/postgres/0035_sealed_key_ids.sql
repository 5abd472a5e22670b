-- Key rotation (issue 16): a sealed value's nonce column now carries the id of the key that
-- sealed it, `[1][key id: 4 bytes][nonce: 12 bytes]` (17 bytes, `secret`); a bare 12-byte nonce
-- is a value sealed before, read as it is (no row is rewritten here; `baton-server rekey` does
-- that when the operator rotates). The column's CHECK, named by PostgreSQL's default, is widened.
ALTER TABLE ticket_confidential DROP CONSTRAINT ticket_confidential_nonce_check;
ALTER TABLE ticket_confidential ADD CONSTRAINT ticket_confidential_nonce_check
    CHECK (length(nonce) IN (12, 17));
