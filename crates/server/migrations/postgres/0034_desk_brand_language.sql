-- Desk settings, issue 12: what the header shows in the logo's place (empty: the product's
-- name) and the desk's language, which its people's mail and, signed in, pages use until they
-- choose one. Desks that existed before it speak English, as their mail did.
ALTER TABLE tenants ADD COLUMN logo_text TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('zh-CN', 'en'));
