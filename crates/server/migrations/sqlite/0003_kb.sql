-- The knowledge base (帮助中心): categories and Markdown articles per tenant, and a full-text index
-- over them for the help center's search and the suggestions shown while a ticket is typed.

CREATE TABLE kb_categories (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE kb_articles (
    id             INTEGER PRIMARY KEY,
    tenant_id      INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    category_id    INTEGER REFERENCES kb_categories (id) ON DELETE SET NULL,
    title          TEXT NOT NULL,
    -- What the author wrote. The HTML is rendered and sanitized on every read, so a stricter
    -- sanitizer applies to old articles too.
    body_markdown  TEXT NOT NULL,
    -- The body as plain text (no Markdown syntax, no raw HTML): what search indexes and excerpts
    -- show. Derived from body_markdown whenever that is written.
    body_text      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('published', 'draft')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- The list: a tenant's published (or all) articles, recently updated first.
CREATE INDEX kb_articles_by_updated ON kb_articles (tenant_id, status, updated_at DESC, id DESC);
CREATE INDEX kb_articles_by_category ON kb_articles (tenant_id, category_id);

-- Full-text search over title and plain-text body. The trigram tokenizer indexes every run of
-- three characters, so it finds substrings in Chinese (which has no spaces between words) as well
-- as in English; queries shorter than three characters fall back to LIKE in storage/kb.rs. The
-- index holds no tenant: every search joins back to kb_articles, which filters on tenant_id.
CREATE VIRTUAL TABLE kb_articles_fts USING fts5 (
    title,
    body_text,
    content = 'kb_articles',
    content_rowid = 'id',
    tokenize = 'trigram'
);

-- An external-content index is kept in step by triggers.
CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN
    INSERT INTO kb_articles_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END;

CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN
    INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
END;

CREATE TRIGGER kb_articles_fts_update AFTER UPDATE OF title, body_text ON kb_articles BEGIN
    INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    INSERT INTO kb_articles_fts (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END;
