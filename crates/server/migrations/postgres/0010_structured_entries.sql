-- PostgreSQL version of ../sqlite/0010_structured_entries.sql (structured system entries and
-- staff-only events, issue 19): the same columns, INTEGER as BIGINT.
ALTER TABLE messages ADD COLUMN change_field TEXT;
ALTER TABLE messages ADD COLUMN change_from TEXT;
ALTER TABLE messages ADD COLUMN change_to TEXT;
ALTER TABLE messages ADD COLUMN version BIGINT;
ALTER TABLE events ADD COLUMN staff_only BOOLEAN NOT NULL DEFAULT FALSE;
