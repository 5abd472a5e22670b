-- The session a stream ticket was issued under (issue 16): a stream opened with the ticket ends
-- when that session does (logout, expiry). NULL for tickets issued before this migration, whose
-- streams are checked against their user only.
ALTER TABLE stream_tickets ADD COLUMN session_hash BLOB;
