-- Attempt counters for sign-in, password links and SSO (issue 16), in the database so every
-- replica counts the same attempts. One row per bucket (e.g. `login-ip:203.0.113.7`): the start
-- of its current fixed window and the hits in it. The scheduler deletes windows long past.
CREATE TABLE rate_limits (
    bucket        TEXT PRIMARY KEY,
    window_start  TEXT NOT NULL,
    hits          INTEGER NOT NULL
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
