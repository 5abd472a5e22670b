-- The session a stream ticket was issued under: see the SQLite file.
ALTER TABLE stream_tickets ADD COLUMN session_hash BYTEA;
