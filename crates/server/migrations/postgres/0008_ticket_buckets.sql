-- PostgreSQL version of ../0008_ticket_buckets.sql (conventions: see 0001_initial.sql).
--
-- How many tickets of each tenant are in each (flag, status, agent group, assignee) bucket, kept
-- exact by triggers in the same transaction as every ticket write. The built-in views' counts are
-- sums over these few hundred rows instead of counts over up to every ticket (100k desk: the
-- first counts call after a write went from ~80 ms to a few ms; BENCHMARKS.md).
-- flag: 0 live, 1 trashed, 2 suspended (and not trashed). group_id/assignee_id: 0 = none.
--
-- The triggers do what SQLite's do, row by row: an insert adds 1 to the new ticket's bucket
-- (creating it at 0 first), a delete takes 1 from the old one's, an update that names one of the
-- six columns takes 1 from the old bucket and adds 1 to the new. Buckets that fall to 0 stay, as
-- they do in SQLite (storage/views/buckets.rs reads only n > 0). Three differences, none in the
-- counts:
--   * An update whose bucket does not change skips the -1/+1 (SQLite's does both, net 0); an
--     UPDATE that only names the columns then locks no bucket row.
--   * When the bucket does change, the two rows are changed in key order, lower key first. Each
--     bucket row is locked until commit on PostgreSQL (SQLite has a single writer), so two
--     transactions moving tickets between the same two buckets in opposite directions would
--     otherwise deadlock (one of them aborted with 40P01).
--   * TRUNCATE tickets (no such thing in SQLite; row triggers do not see it) empties the buckets.
-- Counters on few rows serialize the writers of one bucket until they commit: on PostgreSQL
-- concurrent ticket writes in the same bucket (say, new unassigned tickets of one group) wait for
-- each other. SQLite serializes every writer anyway.
CREATE TABLE ticket_buckets (
    tenant_id    BIGINT NOT NULL,
    flag         BIGINT NOT NULL,
    status       TEXT NOT NULL,
    group_id     BIGINT NOT NULL,
    assignee_id  BIGINT NOT NULL,
    n            BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, flag, status, group_id, assignee_id)
);

INSERT INTO ticket_buckets (tenant_id, flag, status, group_id, assignee_id, n)
SELECT tenant_id,
       CASE WHEN trashed_at IS NOT NULL THEN 1 WHEN suspended_at IS NOT NULL THEN 2 ELSE 0 END,
       status, COALESCE(assignee_group_id, 0), COALESCE(assignee_id, 0), COUNT(*)
FROM tickets GROUP BY 1, 2, 3, 4, 5;

-- The flag of a ticket, as storage/views/buckets.rs computes it too.
CREATE FUNCTION ticket_buckets_flag(trashed_at TEXT, suspended_at TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN trashed_at IS NOT NULL THEN 1 WHEN suspended_at IS NOT NULL THEN 2 ELSE 0 END::BIGINT $$;

-- Adds 1 to a bucket, creating it at 0 first (SQLite: INSERT OR IGNORE ... 0, then UPDATE n + 1).
CREATE FUNCTION ticket_buckets_add(p_tenant_id BIGINT, p_flag BIGINT, p_status TEXT,
                                   p_group_id BIGINT, p_assignee_id BIGINT) RETURNS void
    LANGUAGE sql
AS $$
    INSERT INTO ticket_buckets AS b (tenant_id, flag, status, group_id, assignee_id, n)
    VALUES (p_tenant_id, p_flag, p_status, p_group_id, p_assignee_id, 1)
    ON CONFLICT (tenant_id, flag, status, group_id, assignee_id) DO UPDATE SET n = b.n + 1
$$;

-- Takes 1 from a bucket (SQLite: UPDATE n - 1; nothing if there is no such row).
CREATE FUNCTION ticket_buckets_remove(p_tenant_id BIGINT, p_flag BIGINT, p_status TEXT,
                                      p_group_id BIGINT, p_assignee_id BIGINT) RETURNS void
    LANGUAGE sql
AS $$
    UPDATE ticket_buckets SET n = n - 1
    WHERE tenant_id = p_tenant_id AND flag = p_flag AND status = p_status
      AND group_id = p_group_id AND assignee_id = p_assignee_id
$$;

CREATE FUNCTION ticket_buckets_sync() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    old_flag BIGINT;
    new_flag BIGINT;
    old_group BIGINT;
    new_group BIGINT;
    old_assignee BIGINT;
    new_assignee BIGINT;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM ticket_buckets;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        old_flag := ticket_buckets_flag(OLD.trashed_at, OLD.suspended_at);
        old_group := COALESCE(OLD.assignee_group_id, 0);
        old_assignee := COALESCE(OLD.assignee_id, 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_flag := ticket_buckets_flag(NEW.trashed_at, NEW.suspended_at);
        new_group := COALESCE(NEW.assignee_group_id, 0);
        new_assignee := COALESCE(NEW.assignee_id, 0);
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM ticket_buckets_add(NEW.tenant_id, new_flag, NEW.status, new_group, new_assignee);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ticket_buckets_remove(OLD.tenant_id, old_flag, OLD.status, old_group, old_assignee);
    ELSIF (OLD.tenant_id, old_flag, OLD.status, old_group, old_assignee)
          = (NEW.tenant_id, new_flag, NEW.status, new_group, new_assignee) THEN
        NULL;  -- same bucket: -1 and +1 cancel out
    ELSIF (OLD.tenant_id, old_flag, OLD.status, old_group, old_assignee)
          < (NEW.tenant_id, new_flag, NEW.status, new_group, new_assignee) THEN
        PERFORM ticket_buckets_remove(OLD.tenant_id, old_flag, OLD.status, old_group, old_assignee);
        PERFORM ticket_buckets_add(NEW.tenant_id, new_flag, NEW.status, new_group, new_assignee);
    ELSE
        PERFORM ticket_buckets_add(NEW.tenant_id, new_flag, NEW.status, new_group, new_assignee);
        PERFORM ticket_buckets_remove(OLD.tenant_id, old_flag, OLD.status, old_group, old_assignee);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_buckets_insert AFTER INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_buckets_sync();

CREATE TRIGGER ticket_buckets_delete AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_buckets_sync();

CREATE TRIGGER ticket_buckets_update
    AFTER UPDATE OF tenant_id, trashed_at, suspended_at, status, assignee_group_id, assignee_id ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_buckets_sync();

CREATE TRIGGER ticket_buckets_truncate AFTER TRUNCATE ON tickets
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_buckets_sync();
