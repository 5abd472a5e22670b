#!/usr/bin/env python3
"""Compares a database migrated with crates/server/migrations/postgres/ with SQLite's schema.

Run by scripts/pg-migrations-check.sh after scripts/pg-migrations-check.sql, with PGHOST, PGPORT,
PGUSER and PGDATABASE naming the migrated PostgreSQL database:

    pg-migrations-check.py SQLITE_MIGRATIONS_DIR PSQL

SQLite's side is an in-memory database that Python's sqlite3 migrates with the SQLite migrations
themselves. Checked: every SQLite table, column (type as translated, nullability, default), named
index (columns, partial WHERE), foreign key (with ON DELETE) and trigger exists alike on
PostgreSQL; and kb_articles_fts_match scores the knowledge base exactly as FTS5's bm25 does (the
PostgreSQL articles of tenant 1 plus 40 generated ones, copied into SQLite). Prints "ok: ..." per check; exits 1 at the
first difference.
"""

import csv
import io
import pathlib
import re
import sqlite3
import subprocess
import sys

SQLITE_DIR = pathlib.Path(sys.argv[1])
PSQL = sys.argv[2]

# SQLite's declared type -> PostgreSQL's information_schema data_type.
TYPES = {"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea", "BOOLEAN": "boolean", "REAL": "double precision"}


def fail(what):
    print(f"FAILED: {what}", file=sys.stderr)
    sys.exit(1)


def ok(what):
    print(f"ok: {what}", flush=True)


def pg(sql):
    """Rows of a PostgreSQL query, as lists of strings (None for NULL)."""
    done = subprocess.run(
        [PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)"],
        capture_output=True, text=True, check=False)
    if done.returncode != 0:
        fail(f"psql: {done.stderr.strip()}")
    return list(csv.reader(io.StringIO(done.stdout)))


def sqlite_db():
    db = sqlite3.connect(":memory:")
    files = sorted(SQLITE_DIR.glob("[0-9]*.sql"))
    for f in files:
        db.executescript(f.read_text())
    ok(f"the {len(files)} SQLite migrations apply with Python's sqlite3 {sqlite3.sqlite_version}")
    return db


def norm_default(value):
    if value is None:
        return None
    v = value.strip().lower()
    v = re.sub(r"::[a-z ]+", "", v)
    v = {"false": "0", "true": "1"}.get(v, v)
    return v


def norm_sql(text):
    t = text.lower()
    # A cast's type only: `'low'::text then 0` keeps its `then` (a greedy `[a-z ]+` ate it).
    t = re.sub(r"::(character varying|double precision|timestamp with(out)? time zone|[a-z_]+)", "", t)
    t = t.replace("public.", "").replace(" using btree", "").replace('"', "")
    t = re.sub(r"\s+", "", t)
    return t


def check_schema(db):
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'kb_articles_fts%' ORDER BY name")]
    pg_tables = {r[0] for r in pg(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        " AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'")}
    missing = set(tables) - pg_tables
    if missing:
        fail(f"tables missing on PostgreSQL: {sorted(missing)}")
    extra = pg_tables - set(tables)
    ok(f"all {len(tables)} SQLite tables exist on PostgreSQL (PostgreSQL also has: {sorted(extra)})")

    pg_columns = {}
    for table, column, data_type, nullable, default, identity in pg(
            "SELECT table_name, column_name, data_type, is_nullable, COALESCE(column_default, '<none>'), is_identity"
            " FROM information_schema.columns WHERE table_schema = 'public'"):
        default = None if default == "<none>" else default
        pg_columns[(table, column)] = (data_type, nullable == "NO", default, identity == "YES")
    count = 0
    for table in tables:
        for _, column, decl, notnull, default, pk in db.execute(f"PRAGMA table_info({table})"):
            key = (table, column)
            if key not in pg_columns:
                fail(f"column {table}.{column} missing on PostgreSQL")
            data_type, pg_notnull, pg_default, identity = pg_columns[key]
            want = TYPES.get(decl.upper())
            if want != data_type:
                fail(f"{table}.{column}: SQLite {decl} should be {want}, PostgreSQL has {data_type}")
            # Primary-key columns are NOT NULL on PostgreSQL; SQLite's INTEGER PRIMARY KEY is too.
            if bool(notnull) != pg_notnull and not pk:
                fail(f"{table}.{column}: NOT NULL differs (SQLite {bool(notnull)}, PostgreSQL {pg_notnull})")
            rowid_alias = pk == 1 and decl.upper() == "INTEGER" and sum(
                1 for c in db.execute(f"PRAGMA table_info({table})") if c[5]) == 1
            referenced = any(fk[3] == column for fk in db.execute(f"PRAGMA foreign_key_list({table})"))
            if rowid_alias and not referenced and not identity:
                fail(f"{table}.{column}: SQLite's INTEGER PRIMARY KEY should be an identity column")
            if norm_default(default) != norm_default(pg_default):
                fail(f"{table}.{column}: default differs (SQLite {default}, PostgreSQL {pg_default})")
            count += 1
        pg_count = sum(1 for (t, _) in pg_columns if t == table)
        sqlite_count = len(db.execute(f"PRAGMA table_info({table})").fetchall())
        if pg_count != sqlite_count:
            fail(f"{table}: {sqlite_count} columns on SQLite, {pg_count} on PostgreSQL")
    ok(f"all {count} columns alike: types as translated, NOT NULL, defaults, identity ids")

    pg_indexes = {name: norm_sql(defn) for name, defn in pg(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")}
    count = 0
    for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"):
        if name not in pg_indexes:
            fail(f"index {name} missing on PostgreSQL")
        m = re.match(r"create(unique)?index(\w+)on(\w+)\((.*?)\)(where(.*))?$", norm_sql(sql))
        n = re.match(r"create(unique)?index(\w+)on(\w+)\((.*?)\)(where\((.*)\))?$", pg_indexes[name])
        if not m or not n:
            fail(f"index {name}: cannot parse {sql!r} / {pg_indexes[name]!r}")
        if (m.group(1), m.group(3), m.group(4), m.group(6)) != (n.group(1), n.group(3), n.group(4), n.group(6)):
            fail(f"index {name} differs: SQLite {sql!r}, PostgreSQL {pg_indexes[name]!r}")
        count += 1
    ok(f"all {count} named indexes alike (unique, table, columns and order, expressions, partial WHERE)")

    on_delete = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
    pg_fks = set()
    for table, column, ref_table, ref_column, action in pg(
            "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, ra.attname, c.confdeltype"
            " FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
            " JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]"
            " WHERE c.contype = 'f'"):
        pg_fks.add((table, column, ref_table, ref_column, on_delete[action]))
    sqlite_fks = set()
    for table in tables:
        for fk in db.execute(f"PRAGMA foreign_key_list({table})"):
            sqlite_fks.add((table, fk[3], fk[2], fk[4] or "id", fk[6]))
    if sqlite_fks != pg_fks:
        fail(f"foreign keys differ: only SQLite {sorted(sqlite_fks - pg_fks)}, only PostgreSQL {sorted(pg_fks - sqlite_fks)}")
    ok(f"all {len(sqlite_fks)} foreign keys alike, ON DELETE included")

    uniques = set()
    for table in tables:
        for _, index, unique, origin, _ in db.execute(f"PRAGMA index_list({table})"):
            if unique and origin in ("u", "pk"):
                cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info({index})"))
                if cols:
                    uniques.add((table, cols))
    pg_uniques = set()
    for table, cols in pg(
            "SELECT c.conrelid::regclass::text, array_to_string(array(SELECT a.attname FROM unnest(c.conkey)"
            " WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n"
            " ORDER BY k.i), ',') FROM pg_constraint c WHERE c.contype IN ('u', 'p')"):
        pg_uniques.add((table, tuple(cols.split(","))))
    if not uniques <= pg_uniques:
        fail(f"UNIQUE/PRIMARY KEY constraints missing on PostgreSQL: {sorted(uniques - pg_uniques)}")
    ok(f"all {len(uniques)} UNIQUE and composite PRIMARY KEY constraints alike")

    checks = {t: len(re.findall(r"\bCHECK\s*\(", sql, re.I)) for t, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kb_articles_fts%'")}
    pg_checks = {t: int(n) for t, n in pg(
        "SELECT conrelid::regclass::text, count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 GROUP BY 1")}
    # ALTER TABLE ADD COLUMN adds no CHECK in these migrations, so the CREATE TABLE text has them all.
    differ = {t: (n, pg_checks.get(t, 0)) for t, n in checks.items() if n != pg_checks.get(t, 0)}
    if differ:
        fail(f"number of CHECK constraints differs (SQLite, PostgreSQL): {differ}")
    ok(f"the same number of CHECK constraints on every table ({sum(checks.values())} in all)")

    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    pg_triggers = {r[0] for r in pg("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    if not triggers <= pg_triggers:
        fail(f"triggers missing on PostgreSQL: {sorted(triggers - pg_triggers)}")
    ok(f"every SQLite trigger has its PostgreSQL counterpart: {sorted(triggers)}")


def synthetic_articles(first_id, count):
    """Deterministic articles of varied length, case, repetition and script, for the ranking."""
    words = ["printer", "Printer", "PRINTER", "jam", "paper", "vpn", "VPN", "password", "reset", "aaaa",
             "école", "ÉCOLE", "打印机", "卡纸", "密码", "重置", "连接", "断开", "工单", "提交", "the", "a"]
    state = 0x2545F491
    rows = []
    for i in range(count):
        parts = []
        for _ in range(3 + i * 7 % 40):
            state = (state * 1103515245 + 12345) % 2**31
            parts.append(words[state % len(words)])
        body = " ".join(parts) if i % 3 else "".join(parts)  # Chinese-style runs without spaces too
        rows.append((first_id + i, " ".join(parts[:1 + i % 4]), body))
    return rows


def check_ranking(db):
    next_id = int(pg("SELECT COALESCE(max(id), 0) + 1 FROM kb_articles")[0][0])
    extra = synthetic_articles(next_id, 40)
    values = ", ".join("({}, 1, '{}', '', '{}', 'published', 'x', 'x')".format(
        i, t.replace("'", "''"), b.replace("'", "''")) for i, t, b in extra)
    pg(f"WITH w AS (INSERT INTO kb_articles (id, tenant_id, title, body_markdown, body_text, status,"
       f" created_at, updated_at) VALUES {values} RETURNING 1) SELECT count(*) FROM w")
    articles = pg("SELECT id, title, body_text FROM kb_articles WHERE tenant_id = 1 ORDER BY id")
    if len(articles) < 45:
        fail("expected the knowledge-base fixture of pg-migrations-check.sql in tenant 1")
    db.execute("INSERT INTO tenants (id, name, created_at) VALUES (1, 'Demo Desk', 'x')")
    for article_id, title, body in articles:
        db.execute(
            "INSERT INTO kb_articles (id, tenant_id, title, body_markdown, body_text, status, created_at, updated_at)"
            " VALUES (?, 1, ?, ?, ?, 'published', 'x', 'x')", (int(article_id), title, body, body))
    queries = [
        '"printer"', '"printer" OR "jams" OR "again"', '"reset" OR "password"',
        '"打印机" OR "印机卡" OR "机卡纸"', '"VPN" OR "连接不" OR "接不上"', '"VPN"', '"the"',
        '"ticket" OR "工单的"', '"提交工单"', '"xylophone"', '"工单"', '"new" OR "new"',
        '"PASSWORD" OR "Printer" OR "客户端"', '"ing" OR "ion" OR "版本"', '"aaa"', '"école"',
        '"打印机" OR "卡纸" OR "印机卡" OR "纸打印"', '"jam" OR "paper" OR "reset" OR "连接断"', '"a a"',
    ]
    for q in queries:
        want = {rowid: score for rowid, score in db.execute(
            "SELECT rowid, bm25(kb_articles_fts, 10.0, 1.0) FROM kb_articles_fts WHERE kb_articles_fts MATCH ?", (q,))}
        quoted = q.replace("'", "''")
        got = {int(i): float(s) for i, s in pg(f"SELECT id, score FROM kb_articles_fts_match(1, '{quoted}')")}
        if set(want) != set(got):
            fail(f"{q}: FTS5 matches {sorted(want)}, PostgreSQL {sorted(got)}")
        for rowid, score in want.items():
            if abs(score - got[rowid]) > 1e-9 * max(1.0, abs(score)):
                fail(f"{q}: article {rowid} scores {score} on SQLite, {got[rowid]} on PostgreSQL")
        ok(f"bm25 {q}: the same {len(want)} articles with the same scores as SQLite FTS5")


def main():
    db = sqlite_db()
    check_schema(db)
    check_ranking(db)


main()
