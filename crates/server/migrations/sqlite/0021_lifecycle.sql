-- Tickets that move by themselves (issue 13, DOMAIN.md "Automations and time"): a desk's solved
-- tickets close after `auto_close_days` days without the customer's confirmation (default 3; 0:
-- never), and trashed or suspended tickets are purged 30 days after, with their attachments and
-- sealed data. The scheduler finds the flagged ones through these partial indexes (a desk has
-- few of them among many tickets).
ALTER TABLE tenants ADD COLUMN auto_close_days INTEGER NOT NULL DEFAULT 3;
CREATE INDEX tickets_trashed ON tickets (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX tickets_suspended ON tickets (suspended_at) WHERE suspended_at IS NOT NULL;
