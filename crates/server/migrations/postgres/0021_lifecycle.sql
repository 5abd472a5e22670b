-- Auto-close days and the purge's indexes: see the SQLite file.
ALTER TABLE tenants ADD COLUMN auto_close_days BIGINT NOT NULL DEFAULT 3;
CREATE INDEX tickets_trashed ON tickets (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX tickets_suspended ON tickets (suspended_at) WHERE suspended_at IS NOT NULL;
