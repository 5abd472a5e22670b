-- PostgreSQL version of ../0006_customer_phone.sql (conventions: see 0001_initial.sql).
--
-- The agent workspace's customer directory (contract issue 4): a customer's phone number, which
-- agents search by and phone registration records. Users created by an agent have no password
-- (an unusable hash) until they sign in some other way.

ALTER TABLE users ADD COLUMN phone TEXT;
