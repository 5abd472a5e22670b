-- When each session was last used: see the SQLite file.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
