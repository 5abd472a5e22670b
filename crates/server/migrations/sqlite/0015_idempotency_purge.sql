-- Idempotency keys are remembered for 7 days (the contract promises at least 24 hours), then the
-- scheduler's purge job deletes them by age: this index keeps that a range delete, not a scan.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
