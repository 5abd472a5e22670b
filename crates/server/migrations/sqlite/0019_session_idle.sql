-- When each session was last used (issue 16): staff sessions end after an idle time (default 8 h)
-- besides their fixed lifetime. Written at most every few minutes per session, not per request.
-- NULL until first touched: the session's created_at counts.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
