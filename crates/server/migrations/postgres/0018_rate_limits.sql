-- Attempt counters shared by every replica: see the SQLite file.
CREATE TABLE rate_limits (
    bucket        TEXT PRIMARY KEY,
    window_start  TEXT NOT NULL,
    hits          BIGINT NOT NULL
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
