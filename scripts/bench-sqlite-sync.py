#!/usr/bin/env python3
"""What synchronous=FULL costs a SQLite commit on this disk (issue 16, BENCHMARKS.md "Durability").

Baton's SQLite runs in WAL mode; FULL syncs the WAL at every commit, NORMAL only at checkpoints
(an acknowledged commit can then vanish on power loss). This times N one-row write transactions
under each setting in a file beside the data directory (the same disk) and prints commits/s and
the median and p99 commit time. Usage: scripts/bench-sqlite-sync.py [N] [DIR]   (defaults 2000, ./data)
"""
import os
import sqlite3
import statistics
import sys
import tempfile
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
base = sys.argv[2] if len(sys.argv) > 2 else "data"
os.makedirs(base, exist_ok=True)

for mode in ("NORMAL", "FULL"):
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        db = sqlite3.connect(os.path.join(tmp, "bench.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={mode}")
        db.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        times = []
        started = time.perf_counter()
        for i in range(n):
            t = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO messages (body) VALUES (?)", (f"message {i} " * 8,))
            db.execute("COMMIT")
            times.append(time.perf_counter() - t)
        total = time.perf_counter() - started
        db.close()
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"synchronous={mode:6} {n / total:8.0f} commits/s  median {statistics.median(times) * 1e6:7.0f} µs  p99 {p99 * 1e6:7.0f} µs")
