-- Structured system entries and staff-only events (issue 19). What this migration adds, and
-- nothing else (no data is rewritten, no index, no trigger):
--
-- messages.change_field  TEXT NULL     the property a system entry records as changed: priority,
--                                      type, subtype, group, assignee, cc, tags, trashed,
--                                      suspended or fields.<key> (NULL for status changes,
--                                      messages, notes, and entries written before this migration)
-- messages.change_from   TEXT NULL     the value before, as JSON text (a string, number, boolean
--                                      or array of strings; NULL = none)
-- messages.change_to     TEXT NULL     the value after, as JSON text (NULL = none)
-- messages.version       INTEGER NULL  the ticket version a system entry's change produced (NULL
--                                      for everything else), so a 412 can name what changed since
--                                      the version a client sent
-- events.staff_only      BOOLEAN NOT NULL DEFAULT FALSE
--                                      an event only staff may receive (a property or flag change):
--                                      customers are never sent it, live or on replay
--
-- Entries written before this migration keep their English body ("priority: normal → high") and
-- no change_field; they are staff-only like every system entry without a status change.

ALTER TABLE messages ADD COLUMN change_field TEXT;
ALTER TABLE messages ADD COLUMN change_from TEXT;
ALTER TABLE messages ADD COLUMN change_to TEXT;
ALTER TABLE messages ADD COLUMN version INTEGER;
ALTER TABLE events ADD COLUMN staff_only BOOLEAN NOT NULL DEFAULT FALSE;
