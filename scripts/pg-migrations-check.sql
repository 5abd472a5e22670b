-- Sanity checks of crates/server/migrations/postgres/ on a freshly migrated, empty database.
-- Run by scripts/pg-migrations-check.sh (which creates the database and applies the migrations);
-- by hand: psql -v ON_ERROR_STOP=1 -d <migrated db> -f scripts/pg-migrations-check.sql
--
-- Every check raises an error when it fails (so psql stops with ON_ERROR_STOP) and a NOTICE
-- "ok: ..." when it passes. It writes fixture rows, so use a throw-away database.

\set QUIET on
SET client_min_messages = notice;
-- Results of the checks themselves are empty: only what is shown on purpose goes to stdout.
\o /dev/null

CREATE FUNCTION pg_temp.expect(ok BOOLEAN, what TEXT) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION 'check failed: %', what;
    END IF;
    RAISE NOTICE 'ok: %', what;
END
$$;

-- Runs `stmt` and expects it to fail with SQLSTATE `code`.
CREATE FUNCTION pg_temp.expect_error(stmt TEXT, code TEXT, what TEXT) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN OTHERS THEN
        IF SQLSTATE = code THEN
            RAISE NOTICE 'ok: % (refused with %)', what, code;
            RETURN;
        END IF;
        RAISE EXCEPTION 'check failed: % (refused with % "%", expected %)', what, SQLSTATE, SQLERRM, code;
    END;
    RAISE EXCEPTION 'check failed: % (accepted, expected %)', what, code;
END
$$;

-- The buckets as they should be: a GROUP BY over tickets, as 0008's initial fill computes it.
CREATE FUNCTION pg_temp.buckets_expected()
    RETURNS TABLE (tenant_id BIGINT, flag BIGINT, status TEXT, group_id BIGINT, assignee_id BIGINT, n BIGINT)
    LANGUAGE sql
AS $$
    SELECT tenant_id,
           CASE WHEN trashed_at IS NOT NULL THEN 1 WHEN suspended_at IS NOT NULL THEN 2 ELSE 0 END,
           status, COALESCE(assignee_group_id, 0), COALESCE(assignee_id, 0), COUNT(*)
    FROM tickets GROUP BY 1, 2, 3, 4, 5
$$;

-- Whether ticket_buckets (rows with n <> 0; emptied buckets stay at 0, as in SQLite) is exactly
-- the GROUP BY, with no negative count.
CREATE FUNCTION pg_temp.buckets_ok(what TEXT) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    diff BIGINT;
    total BIGINT;
BEGIN
    SELECT count(*) INTO diff FROM (
        (SELECT tenant_id, flag, status, group_id, assignee_id, n FROM ticket_buckets WHERE n <> 0
         EXCEPT SELECT * FROM pg_temp.buckets_expected())
        UNION ALL
        (SELECT * FROM pg_temp.buckets_expected()
         EXCEPT SELECT tenant_id, flag, status, group_id, assignee_id, n FROM ticket_buckets WHERE n <> 0)
    ) d;
    SELECT COALESCE(sum(n), 0) INTO total FROM ticket_buckets;
    PERFORM pg_temp.expect(diff = 0 AND NOT EXISTS (SELECT 1 FROM ticket_buckets WHERE n < 0)
                           AND total = (SELECT count(*) FROM tickets),
                           format('buckets = GROUP BY over tickets after %s (%s tickets)', what, total));
END
$$;

------------------------------------------------------------------------------------------------
-- Fixture: two tenants, staff and customers, agent groups.

INSERT INTO tenants (id, name, created_at) VALUES
    (1, 'Demo Desk', '2026-01-01T00:00:00Z'), (2, 'Other Desk', '2026-01-01T00:00:00Z');
SELECT setval(pg_get_serial_sequence('tenants', 'id'), 2);
INSERT INTO customer_groups (tenant_id, name, shares_tickets, created_at) VALUES
    (1, 'Acme', TRUE, '2026-01-01T00:00:00Z'), (1, 'Globex', FALSE, '2026-01-01T00:00:00Z');
INSERT INTO users (tenant_id, email, name, role, customer_group_id, password_hash, created_at)
SELECT t, format('user%s@t%s.test', u, t), format('User %s', u),
       (ARRAY['customer', 'customer', 'customer', 'agent', 'agent', 'admin'])[u],
       CASE WHEN t = 1 AND u <= 2 THEN u END, '!', '2026-01-01T00:00:00Z'
FROM generate_series(1, 2) t, generate_series(1, 6) u;
INSERT INTO agent_groups (tenant_id, name, assign_mode, created_at)
SELECT t, g, CASE WHEN g = 'Support' THEN 'least_loaded' ELSE 'manual' END, '2026-01-01T00:00:00Z'
FROM generate_series(1, 2) t, unnest(ARRAY['Support', 'Billing']) g;

SELECT pg_temp.expect(
    (SELECT array_agg(CASE WHEN g.shares_tickets THEN g.id END ORDER BY g.id) FROM customer_groups g)
        = ARRAY[1, NULL]::BIGINT[],
    'BOOLEAN column as a predicate: CASE WHEN g.shares_tickets THEN g.id END (storage/sessions.rs)');

-- Tickets of every kind: all statuses, live/trashed/suspended/both, with and without group and
-- assignee, in both tenants. Deterministic: ids and numbers follow i.
INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel, requester_id,
                     created_at, updated_at, assignee_group_id, assignee_id, trashed_at, suspended_at)
SELECT t, i, format('Ticket %s', i), 'Seeded.',
       (ARRAY['new', 'open', 'pending', 'solved', 'confirmed', 'rated', 'closed'])[1 + i % 7],
       (ARRAY['low', 'normal', 'high', 'urgent'])[1 + i % 4],
       'web',
       (SELECT min(id) FROM users WHERE tenant_id = t AND role = 'customer') + i % 3,
       format('2026-02-%sT10:00:00Z', lpad((1 + i % 28)::TEXT, 2, '0')),
       format('2026-03-%sT10:00:00Z', lpad((1 + i % 28)::TEXT, 2, '0')),
       CASE i % 3 WHEN 0 THEN NULL ELSE (SELECT min(id) FROM agent_groups WHERE tenant_id = t) + i % 3 - 1 END,
       CASE WHEN i % 4 IN (1, 2) THEN (SELECT min(id) FROM users WHERE tenant_id = t AND role = 'agent') + i % 2 END,
       CASE WHEN i % 11 = 0 THEN '2026-03-05T00:00:00Z' END,
       CASE WHEN i % 13 = 0 THEN '2026-03-06T00:00:00Z' END
FROM generate_series(1, 2) t, generate_series(1, 400) i;

SELECT pg_temp.buckets_ok('a multi-row INSERT of 800 tickets');
SELECT pg_temp.expect((SELECT count(*) FROM ticket_buckets WHERE flag = 1) > 0
                      AND (SELECT count(*) FROM ticket_buckets WHERE flag = 2) > 0
                      AND (SELECT count(DISTINCT status) FROM ticket_buckets) = 7
                      AND EXISTS (SELECT 1 FROM tickets WHERE trashed_at IS NOT NULL AND suspended_at IS NOT NULL),
                      'the fixture fills live, trashed, suspended and trashed+suspended buckets of every status');

-- One row at a time, as the server writes: storage/tickets.rs insert (number = max + 1).
INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel, requester_id,
                     created_at, updated_at)
VALUES (1, (SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE tenant_id = 1),
        'Single', 'One row.', 'new', 'normal', 'web', 1, '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z');
SELECT pg_temp.buckets_ok('a one-row INSERT');

-- The updates the server makes (storage/tickets.rs set_status/touch, storage/tickets/staff.rs set).
UPDATE tickets SET status = 'open', updated_at = '2026-04-02T00:00:00Z', version = version + 1
WHERE tenant_id = 1 AND id = 5;
SELECT pg_temp.buckets_ok('set_status on one ticket');
UPDATE tickets SET assignee_id = (SELECT min(id) FROM users WHERE tenant_id = 1 AND role = 'agent')
WHERE tenant_id = 1 AND id = 7;
UPDATE tickets SET assignee_group_id = NULL WHERE tenant_id = 1 AND id = 8;
UPDATE tickets SET trashed_at = '2026-04-03T00:00:00Z' WHERE tenant_id = 1 AND id = 9;
UPDATE tickets SET suspended_at = '2026-04-03T00:00:00Z' WHERE tenant_id = 1 AND id = 10;
UPDATE tickets SET trashed_at = NULL WHERE tenant_id = 1 AND id = 11;
SELECT pg_temp.buckets_ok('assign, ungroup, trash, suspend, restore (staff::set)');
UPDATE tickets SET updated_at = '2026-04-04T00:00:00Z', version = version + 1 WHERE tenant_id = 1 AND id = 12;
UPDATE tickets SET status = status, assignee_id = assignee_id WHERE tenant_id = 1 AND id = 13;
UPDATE tickets SET trashed_at = '2026-04-09T00:00:00Z' WHERE trashed_at IS NOT NULL AND tenant_id = 2;
SELECT pg_temp.buckets_ok('touch, a same-value update, a re-trash (same buckets)');
-- Many rows at once, in both directions between the same buckets.
UPDATE tickets SET status = CASE status WHEN 'new' THEN 'open' WHEN 'open' THEN 'new' ELSE 'pending' END,
                   assignee_id = NULL
WHERE id % 5 = 0;
UPDATE tickets SET suspended_at = CASE WHEN suspended_at IS NULL THEN '2026-04-05T00:00:00Z' END
WHERE id % 6 = 0;
SELECT pg_temp.buckets_ok('multi-row updates swapping buckets');
-- A ticket moved to another tenant (the update trigger names tenant_id).
UPDATE tickets SET tenant_id = 2, number = 100000 WHERE id = 3;
SELECT pg_temp.buckets_ok('a ticket moved to another tenant');

DELETE FROM tickets WHERE id IN (1, 2, 20, 21, 22);
SELECT pg_temp.buckets_ok('deleting tickets');
SELECT pg_temp.expect(EXISTS (SELECT 1 FROM ticket_buckets WHERE n = 0),
                      'emptied buckets stay at n = 0, as in SQLite');

-- 0008's initial fill (for a database that had tickets before 0008) equals the triggers' result.
SELECT pg_temp.expect(NOT EXISTS (
        SELECT * FROM pg_temp.buckets_expected()
        EXCEPT SELECT tenant_id, flag, status, group_id, assignee_id, n FROM ticket_buckets),
    '0008''s INSERT ... SELECT gives the rows the triggers keep');

-- What the built-in views sum (storage/views/buckets.rs) equals direct counts.
SELECT pg_temp.expect(
    (SELECT sum(n) FROM ticket_buckets WHERE tenant_id = 1 AND flag = 0)
        = (SELECT count(*) FROM tickets WHERE tenant_id = 1 AND trashed_at IS NULL AND suspended_at IS NULL)
    AND (SELECT sum(n) FROM ticket_buckets WHERE tenant_id = 1 AND flag = 1)
        = (SELECT count(*) FROM tickets WHERE tenant_id = 1 AND trashed_at IS NOT NULL)
    AND (SELECT sum(n) FROM ticket_buckets WHERE tenant_id = 1 AND flag = 2)
        = (SELECT count(*) FROM tickets WHERE tenant_id = 1 AND suspended_at IS NOT NULL AND trashed_at IS NULL)
    AND (SELECT sum(n) FROM ticket_buckets WHERE tenant_id = 1 AND flag = 0 AND status = 'pending')
        = (SELECT count(*) FROM tickets WHERE tenant_id = 1 AND status = 'pending'
           AND trashed_at IS NULL AND suspended_at IS NULL),
    'the all/trash/suspended/pending views'' sums equal counts over tickets');

-- Deleting a tenant cascades to its tickets, and the delete trigger sees the cascaded rows.
DELETE FROM tenants WHERE id = 2;
SELECT pg_temp.buckets_ok('deleting a tenant (ON DELETE CASCADE)');

-- TRUNCATE (no row triggers) empties the buckets; rolled back afterwards.
BEGIN;
SET LOCAL client_min_messages = warning;  -- not the list of tables TRUNCATE cascades to
TRUNCATE tickets CASCADE;
SELECT pg_temp.expect(NOT EXISTS (SELECT 1 FROM ticket_buckets), 'TRUNCATE tickets empties ticket_buckets');
ROLLBACK;
SELECT pg_temp.buckets_ok('a rolled-back TRUNCATE');

\o
\echo 'ticket_buckets of tenant 1, live new and pending tickets (n = 0: emptied, kept as in SQLite):'
SELECT tenant_id, flag, status, group_id, assignee_id, n
FROM ticket_buckets WHERE tenant_id = 1 AND flag = 0 AND status IN ('new', 'pending')
ORDER BY 1, 2, 3, 4, 5;
\o /dev/null

------------------------------------------------------------------------------------------------
-- Constraints translated from SQLite.

SELECT pg_temp.expect_error($$INSERT INTO ticket_types (tenant_id, name, created_at) VALUES (1, '{"en": ', 'x')$$,
                            '23514', 'json_valid: malformed JSON');
SELECT pg_temp.expect_error($$INSERT INTO ticket_types (tenant_id, name, created_at) VALUES (1, '', 'x')$$,
                            '23514', 'json_valid: empty text');
INSERT INTO ticket_types (id, tenant_id, name, created_at) VALUES (1, 1, '{"en": "Hardware", "zh-CN": "硬件"}', 'x');
SELECT pg_temp.expect(baton_json_valid('[1, "a", true, null]') AND baton_json_valid(' "x" ')
                      AND NOT baton_json_valid('{a: 1}') AND baton_json_valid(NULL) IS NULL,
                      'baton_json_valid: valid, invalid, NULL as SQLite''s json_valid');
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, key, label, kind) VALUES (1, 1, 'Order', '{}', 'text')$$,
                            '23514', 'custom field key: upper case refused (NOT GLOB *[^a-z0-9_]*)');
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, key, label, kind) VALUES (1, 1, 'café', '{}', 'text')$$,
                            '23514', 'custom field key: é refused');
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, key, label, kind) VALUES (1, 1, 'a-b', '{}', 'text')$$,
                            '23514', 'custom field key: - refused');
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, key, label, kind) VALUES (1, 1, '', '{}', 'text')$$,
                            '23514', 'custom field key: empty refused');
INSERT INTO custom_fields (tenant_id, type_id, key, label, kind, required)
VALUES (1, 1, 'order_no2', '{"en": "Order"}', 'text', TRUE);
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, subtype_id, key, label, kind) VALUES (1, NULL, NULL, 'k', '{}', 'text')$$,
                            '23514', 'custom field: a type or a sub-type, not neither');
SELECT pg_temp.expect_error($$INSERT INTO custom_fields (tenant_id, type_id, key, label, kind) VALUES (1, 1, 'order_no2', '{}', 'text')$$,
                            '23505', 'custom field: UNIQUE (type_id, key)');
INSERT INTO dictionaries (id, tenant_id, name, created_at) VALUES (1, 1, 'Cities', 'x');
INSERT INTO dictionary_options (tenant_id, dictionary_id, value, label) VALUES (1, 1, 'bj', '{"en": "Beijing"}');
SELECT pg_temp.expect_error($$INSERT INTO dictionary_options (tenant_id, dictionary_id, value, label) VALUES (1, 1, 'bj', '{}')$$,
                            '23505', 'dictionary option: unique with a NULL parent (COALESCE expression index)');
INSERT INTO dictionary_options (tenant_id, dictionary_id, value, label, parent_value) VALUES (1, 1, 'bj', '{}', 'cn');
SELECT pg_temp.expect_error($$INSERT INTO ticket_confidential (ticket_id, tenant_id, ciphertext, nonce, updated_by, updated_at) VALUES (4, 1, '\x00', '\x0102', 1, 'x')$$,
                            '23514', 'confidential nonce: 12 bytes (length(bytea))');
INSERT INTO ticket_confidential (ticket_id, tenant_id, ciphertext, nonce, updated_by, updated_at)
VALUES (4, 1, '\xdeadbeef', '\x000102030405060708090a0b', 1, 'x');
SELECT pg_temp.expect_error($$INSERT INTO messages (tenant_id, ticket_id, kind, body, status_from, created_at) VALUES (1, 4, 'system', 'x', 'new', 'x')$$,
                            '23514', 'message: status_from and status_to both or neither');
SELECT pg_temp.expect_error($$INSERT INTO tickets (tenant_id, number, title, description, status, requester_id, created_at, updated_at, rating) VALUES (1, 99999, 't', 'd', 'new', 1, 'x', 'x', 6)$$,
                            '23514', 'ticket rating BETWEEN 1 AND 5');
SELECT pg_temp.expect_error($$INSERT INTO tickets (tenant_id, number, title, description, status, requester_id, created_at, updated_at) VALUES (1, 4, 't', 'd', 'new', 1, 'x', 'x')$$,
                            '23505', 'ticket number UNIQUE per tenant');
UPDATE tenants SET slug = 'demo' WHERE id = 1;
INSERT INTO tenants (name, created_at) VALUES ('No slug 1', 'x'), ('No slug 2', 'x');
SELECT pg_temp.expect_error($$INSERT INTO tenants (name, created_at, slug) VALUES ('Dup', 'x', 'demo')$$,
                            '23505', 'tenant slug unique where set (partial index), NULLs allowed');
INSERT INTO sessions (token_hash, user_id, tenant_id, created_at, expires_at)
VALUES (sha256('token'::BYTEA), 1, 1, 'x', '2099-01-01T00:00:00Z');
SELECT pg_temp.expect_error($$INSERT INTO sessions (token_hash, user_id, tenant_id, created_at, expires_at) VALUES (sha256('token'::BYTEA), 1, 1, 'x', 'x')$$,
                            '23505', 'sessions: BYTEA primary key');
SELECT pg_temp.expect_error($$INSERT INTO events (tenant_id, type, ticket_id, requester_id, created_at) VALUES (1, 'ticket.deleted', 1, 1, 'x')$$,
                            '23514', 'events.type CHECK');
-- Bound Rust bools land in the BOOLEAN columns (sqlx sends them as typed bool parameters).
PREPARE set_pref (BIGINT, TEXT, BIGINT, BOOLEAN) AS
    INSERT INTO view_prefs (user_id, view_key, position, hidden) VALUES ($1, $2, $3, $4)
    ON CONFLICT (user_id, view_key) DO UPDATE SET position = COALESCE($3, view_prefs.position),
                                                  hidden = COALESCE($4, view_prefs.hidden);
EXECUTE set_pref(1, 'mine', 3, NULL);
EXECUTE set_pref(1, 'mine', NULL, TRUE);
SELECT pg_temp.expect((SELECT (position, hidden) = (3::BIGINT, TRUE) FROM view_prefs WHERE user_id = 1 AND view_key = 'mine'),
                      'view_prefs upsert with bound Option<bool>/Option<i64> keeps what is not given');
DEALLOCATE set_pref;

------------------------------------------------------------------------------------------------
-- Knowledge base: the demo articles (src/demo/kb.rs; body_text as kb::plain_text makes it, near
-- enough), then the searches of tests/api/kb.rs.

INSERT INTO tenants (id, name, created_at) VALUES (2, 'Other Desk', '2026-01-01T00:00:00Z');
INSERT INTO kb_articles (id, tenant_id, title, body_markdown, body_text, status, created_at, updated_at)
SELECT id, tenant_id, title, body, body, status, '2026-05-01T00:00:00Z', updated_at FROM (VALUES
    (1, 1, 'How to reset your password', 'Forgot your password? You can set a new one yourself. 1. On the sign-in page, choose Forgot password. 2. Enter the email address of your account. 3. Open the link in the email we send you within 30 minutes and choose a new password. The link works once. If it has expired, ask for a new one. Still stuck? Submit a ticket and tell us the email address you use.', 'published', '2026-05-01T00:00:00Z'),
    (2, 1, '如何重置密码', '忘记密码时，可以自行重置： 1. 在登录页点击 忘记密码。 2. 输入账号绑定的邮箱。 3. 在 30 分钟内 打开邮件中的链接，设置新密码。 重置链接只能使用一次，过期后请重新申请。仍无法登录？请提交工单并注明您的邮箱。', 'published', '2026-05-01T01:00:00Z'),
    (3, 1, 'Printer jams: what to try first', 'Most paper jams clear in a minute. Open the front cover and pull the jammed sheet out slowly, in the direction of the paper path. Fan the paper stack and check it is not above the fill line. For jams on double-sided prints, clean the duplex unit at the back. If the printer jams on every page, note the error code on its display and submit a ticket.', 'published', '2026-05-02T16:00:00Z'),
    (4, 1, '打印机卡纸怎么办', '大多数卡纸一分钟内即可处理： 打开前盖，顺着走纸方向缓慢取出卡住的纸张。 将纸张抖松，确认纸量不超过纸盒的满纸线。 双面打印时卡纸，请清理机器背面的双面器。 如果每一页都卡纸，请记下屏幕上的错误代码并提交工单。', 'published', '2026-05-02T17:00:00Z'),
    (5, 1, 'Connecting to the VPN', 'You need the VPN to reach internal systems from outside the office. 1. Install the VPN client from the software portal. 2. Sign in with your company account and approve the request on your phone. The VPN disconnects every hour? Update the client to the latest version: older versions drop the connection when the session key is renewed.', 'published', '2026-05-04T18:00:00Z'),
    (6, 1, 'VPN 连接不上或经常断开', '在办公室以外访问内部系统需要使用 VPN。 1. 从软件门户安装 VPN 客户端。 2. 使用公司账号登录，并在手机上确认登录请求。 每小时断开一次？ 请将客户端升级到最新版本：旧版本在会话密钥更新时会断开连接。', 'published', '2026-05-04T19:00:00Z'),
    (7, 1, 'Invoices and refunds', 'Invoices are issued on the first working day of each month and sent to the billing email. To change the invoice address or VAT number, submit a ticket before the 25th. Refunds go back to the original payment method within 7 working days of approval.', 'published', '2026-05-06T20:00:00Z'),
    (8, 1, '发票与退款', '发票于每月第一个工作日开具，并发送至账单邮箱。 如需修改发票抬头或税号，请在 每月 25 日前 提交工单。 退款审核通过后，将在 7 个工作日内 原路退回。', 'published', '2026-05-06T21:00:00Z'),
    (9, 1, 'Returning goods', 'You can return goods within 30 days of delivery. 1. Submit a ticket with your order number and the reason for the return. 2. Once approved, pack the goods with all accessories and send them to the address we give you. 3. The warehouse checks the goods and finance issues the refund.', 'published', '2026-05-08T22:00:00Z'),
    (10, 1, '如何退货', '签收后 30 天内 可申请退货。 1. 提交工单，注明订单号和退货原因。 2. 审核通过后，将商品及全部配件寄回我们提供的地址。 3. 仓库验收后，财务将办理退款。', 'published', '2026-05-08T23:00:00Z'),
    (11, 1, 'New office Wi-Fi (draft)', 'The new Wi-Fi network goes live next month. Details follow.', 'draft', '2026-05-10T22:00:00Z'),
    (12, 2, 'Other Desk: resetting your password', 'Ask your Other Desk administrator for a reset link.', 'published', '2026-05-09T00:00:00Z')
) AS v (id, tenant_id, title, body, status, updated_at);
SELECT setval(pg_get_serial_sequence('kb_articles', 'id'), 12);

CREATE FUNCTION pg_temp.fts_stats_ok(what TEXT) RETURNS void
    LANGUAGE sql
AS $$
    SELECT pg_temp.expect(NOT EXISTS (
        (SELECT tenant_id, n_docs, n_tokens FROM kb_articles_fts_stats WHERE n_docs <> 0
         EXCEPT
         SELECT tenant_id, count(*), sum(GREATEST(char_length(title) - 2, 0) + GREATEST(char_length(body_text) - 2, 0))
         FROM kb_articles GROUP BY tenant_id)
        UNION ALL
        (SELECT tenant_id, count(*), sum(GREATEST(char_length(title) - 2, 0) + GREATEST(char_length(body_text) - 2, 0))
         FROM kb_articles GROUP BY tenant_id
         EXCEPT
         SELECT tenant_id, n_docs, n_tokens FROM kb_articles_fts_stats)),
        'kb_articles_fts_stats = per-tenant article and trigram counts after ' || what)
$$;
SELECT pg_temp.fts_stats_ok('inserting the demo articles');

-- What storage/kb/list.rs would run on PostgreSQL for a full-text search (the FTS5 subquery
-- replaced by kb_articles_fts_match), published articles of one tenant, best first.
CREATE FUNCTION pg_temp.search(tenant BIGINT, expr TEXT) RETURNS TABLE (title TEXT, score DOUBLE PRECISION)
    LANGUAGE sql
AS $$
    SELECT a.title, m.score
    FROM kb_articles a
    LEFT JOIN kb_categories c ON c.id = a.category_id AND c.tenant_id = a.tenant_id
    JOIN kb_articles_fts_match(tenant, expr) m ON m.id = a.id
    WHERE a.tenant_id = tenant AND a.status = 'published'
    ORDER BY m.score, a.updated_at DESC, a.id DESC
$$;

-- And for the LIKE fallback (words of one or two characters), with ILIKE for SQLite's
-- case-insensitive LIKE; the score is list.rs's push_like_score.
CREATE FUNCTION pg_temp.search_like(tenant BIGINT, word TEXT) RETURNS TABLE (title TEXT, score INTEGER)
    LANGUAGE sql
AS $$
    SELECT a.title, s.score
    FROM kb_articles a
    CROSS JOIN LATERAL (SELECT CASE WHEN a.title ILIKE kb_articles_fts_pattern(word) ESCAPE '\' THEN 2 ELSE 0 END
                             + CASE WHEN a.body_text ILIKE kb_articles_fts_pattern(word) ESCAPE '\' THEN 1 ELSE 0 END
                               AS score) s
    WHERE a.tenant_id = tenant AND a.status = 'published' AND s.score > 0
    ORDER BY s.score DESC, a.updated_at DESC, a.id DESC
$$;

-- tests/api/kb.rs search_finds_english_and_chinese_best_first, with the MATCH strings that
-- crate::kb::search::parse makes of its queries.
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"printer"') LIMIT 1) = 'Printer jams: what to try first',
                      'search "printer"');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"printer" OR "jams" OR "again"') LIMIT 1) = 'Printer jams: what to try first',
                      'search "My printer jams again"');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"reset" OR "password"') LIMIT 1) = 'How to reset your password',
                      'search "reset password"');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"打印机" OR "印机卡" OR "机卡纸"') LIMIT 1) = '打印机卡纸怎么办',
                      'search 打印机卡纸 (three-character pieces of a Chinese run)');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"VPN" OR "连接不" OR "接不上"') LIMIT 1) = 'VPN 连接不上或经常断开',
                      'search VPN连接不上: the Chinese VPN article outranks the English one');
SELECT pg_temp.expect(NOT EXISTS (SELECT 1 FROM pg_temp.search(1, '"xylophone"')), 'search xylophone: nothing');
SELECT pg_temp.expect(NOT EXISTS (SELECT 1 FROM pg_temp.search(1, '"NEAR" OR "abc"')), 'search syntax is text');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search(1, '"PRINTER"') LIMIT 1) = 'Printer jams: what to try first',
                      'search is case-insensitive');
SELECT pg_temp.expect((SELECT array_agg(title) FROM pg_temp.search(2, '"password"')) = ARRAY['Other Desk: resetting your password'],
                      'search stays in its tenant');
SELECT pg_temp.expect(NOT EXISTS (SELECT 1 FROM pg_temp.search(1, '"Wi-Fi"')), 'drafts are not listed as published');
SELECT pg_temp.expect(EXISTS (SELECT 1 FROM kb_articles_fts_match(1, '"Wi-Fi"') m WHERE m.id = 11),
                      'the match itself covers drafts (list.rs filters on status)');
-- Chinese found inside sentences, not only as whole words: a three-character piece in the middle
-- of a body (full text), and two-character words (the LIKE fallback) inside sentences.
SELECT pg_temp.expect(EXISTS (SELECT 1 FROM pg_temp.search(1, '"升级到"') WHERE title = 'VPN 连接不上或经常断开'),
                      'full text finds 升级到 inside 请将客户端升级到最新版本');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search_like(1, '退货') LIMIT 1) = '如何退货', 'LIKE fallback 退货');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search_like(1, '密码') LIMIT 1) = '如何重置密码', 'LIKE fallback 密码');
SELECT pg_temp.expect((SELECT array_agg(title ORDER BY title) FROM pg_temp.search_like(1, '卡纸')) = ARRAY['打印机卡纸怎么办'],
                      'LIKE fallback finds 卡纸 inside 大多数卡纸一分钟内即可处理');
SELECT pg_temp.expect((SELECT array_agg(title ORDER BY title) FROM pg_temp.search_like(1, '工单'))
                          = ARRAY['发票与退款', '如何退货', '如何重置密码', '打印机卡纸怎么办'],
                      'LIKE fallback finds 工单 in four bodies (提交工单, 提交工单并注明, ...)');
SELECT pg_temp.expect((SELECT title FROM pg_temp.search_like(1, 'vp') LIMIT 1) = 'VPN 连接不上或经常断开',
                      'LIKE fallback is case-insensitive (ILIKE) like SQLite''s LIKE');
SELECT pg_temp.expect(kb_articles_fts_hits('aaaa', 'aaa') = 2 AND kb_articles_fts_hits('A.b a.B', 'a.b') = 2
                      AND kb_articles_fts_hits('axb', 'a.b') = 0,
                      'phrase hits: overlapping, case-insensitive, no regex syntax');

\o
\echo 'Search "VPN连接不上" ("VPN" OR "连接不" OR "接不上"), best first:'
SELECT title, round(score::NUMERIC, 6) AS score FROM pg_temp.search(1, '"VPN" OR "连接不" OR "接不上"');
\echo 'LIKE fallback 工单 (two characters, inside sentences), best first:'
SELECT title, score FROM pg_temp.search_like(1, '工单');
\o /dev/null

-- The statistics follow updates and deletes.
UPDATE kb_articles SET body_text = body_text || ' 更多内容。' WHERE id = 4;
UPDATE kb_articles SET title = 'Printer jams', status = 'draft' WHERE id = 3;
UPDATE kb_articles SET status = 'published' WHERE id = 11;
SELECT pg_temp.fts_stats_ok('updating titles and bodies');
DELETE FROM kb_articles WHERE id IN (7, 8);
SELECT pg_temp.fts_stats_ok('deleting articles');
UPDATE kb_articles SET tenant_id = 2 WHERE id = 9;
SELECT pg_temp.fts_stats_ok('moving an article to another tenant');
SELECT pg_temp.expect((SELECT array_agg(title) FROM pg_temp.search(2, '"goods"')) = ARRAY['Returning goods'],
                      'a moved article is found in its new tenant');
DELETE FROM tenants WHERE id = 2;
SELECT pg_temp.fts_stats_ok('deleting a tenant');
