-- How many tickets of each tenant are in each (flag, status, agent group, assignee) bucket, kept
-- exact by triggers in the same transaction as every ticket write. The built-in views' counts are
-- sums over these few hundred rows instead of counts over up to every ticket (100k desk: the
-- first counts call after a write went from ~80 ms to a few ms; BENCHMARKS.md).
-- flag: 0 live, 1 trashed, 2 suspended (and not trashed). group_id/assignee_id: 0 = none.
CREATE TABLE ticket_buckets (
    tenant_id    INTEGER NOT NULL,
    flag         INTEGER NOT NULL,
    status       TEXT NOT NULL,
    group_id     INTEGER NOT NULL,
    assignee_id  INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, flag, status, group_id, assignee_id)
) WITHOUT ROWID;

INSERT INTO ticket_buckets (tenant_id, flag, status, group_id, assignee_id, n)
SELECT tenant_id,
       CASE WHEN trashed_at IS NOT NULL THEN 1 WHEN suspended_at IS NOT NULL THEN 2 ELSE 0 END,
       status, IFNULL(assignee_group_id, 0), IFNULL(assignee_id, 0), COUNT(*)
FROM tickets GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER ticket_buckets_insert AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO ticket_buckets (tenant_id, flag, status, group_id, assignee_id, n)
    VALUES (NEW.tenant_id,
            CASE WHEN NEW.trashed_at IS NOT NULL THEN 1 WHEN NEW.suspended_at IS NOT NULL THEN 2 ELSE 0 END,
            NEW.status, IFNULL(NEW.assignee_group_id, 0), IFNULL(NEW.assignee_id, 0), 0);
    UPDATE ticket_buckets SET n = n + 1
    WHERE tenant_id = NEW.tenant_id
      AND flag = CASE WHEN NEW.trashed_at IS NOT NULL THEN 1 WHEN NEW.suspended_at IS NOT NULL THEN 2 ELSE 0 END
      AND status = NEW.status AND group_id = IFNULL(NEW.assignee_group_id, 0)
      AND assignee_id = IFNULL(NEW.assignee_id, 0);
END;

CREATE TRIGGER ticket_buckets_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_buckets SET n = n - 1
    WHERE tenant_id = OLD.tenant_id
      AND flag = CASE WHEN OLD.trashed_at IS NOT NULL THEN 1 WHEN OLD.suspended_at IS NOT NULL THEN 2 ELSE 0 END
      AND status = OLD.status AND group_id = IFNULL(OLD.assignee_group_id, 0)
      AND assignee_id = IFNULL(OLD.assignee_id, 0);
END;

CREATE TRIGGER ticket_buckets_update
AFTER UPDATE OF tenant_id, trashed_at, suspended_at, status, assignee_group_id, assignee_id ON tickets
BEGIN
    UPDATE ticket_buckets SET n = n - 1
    WHERE tenant_id = OLD.tenant_id
      AND flag = CASE WHEN OLD.trashed_at IS NOT NULL THEN 1 WHEN OLD.suspended_at IS NOT NULL THEN 2 ELSE 0 END
      AND status = OLD.status AND group_id = IFNULL(OLD.assignee_group_id, 0)
      AND assignee_id = IFNULL(OLD.assignee_id, 0);
    INSERT OR IGNORE INTO ticket_buckets (tenant_id, flag, status, group_id, assignee_id, n)
    VALUES (NEW.tenant_id,
            CASE WHEN NEW.trashed_at IS NOT NULL THEN 1 WHEN NEW.suspended_at IS NOT NULL THEN 2 ELSE 0 END,
            NEW.status, IFNULL(NEW.assignee_group_id, 0), IFNULL(NEW.assignee_id, 0), 0);
    UPDATE ticket_buckets SET n = n + 1
    WHERE tenant_id = NEW.tenant_id
      AND flag = CASE WHEN NEW.trashed_at IS NOT NULL THEN 1 WHEN NEW.suspended_at IS NOT NULL THEN 2 ELSE 0 END
      AND status = NEW.status AND group_id = IFNULL(NEW.assignee_group_id, 0)
      AND assignee_id = IFNULL(NEW.assignee_id, 0);
END;
