-- PostgreSQL version of ../sqlite/0030_customers_admin.sql (keep the two in step).
-- Customers administration (issue 12: `/admin/customers`). A merged customer keeps their row (the
-- audit trail and old mail name them) but is deactivated and points at the customer who now has
-- their tickets; `merged_at` is when. The index serves the admin list (customers of a desk by name).
ALTER TABLE users ADD COLUMN merged_into BIGINT REFERENCES users (id);
ALTER TABLE users ADD COLUMN merged_at TEXT;
CREATE INDEX users_customers ON users (tenant_id, role, name, id);
