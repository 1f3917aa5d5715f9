"""The connection side of the store: one connection per thread, WAL, one writer at a time.

One connection per thread (the scheduler and Slack listeners run on other threads than the one
that opened the file), WAL so readers never wait for the poller, and a busy timeout so two
writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from bot.store.schema import migrations

log = logging.getLogger(__name__)
SMALL_CACHE_THREADS = "fanout"  # thread-name prefix of bot.publish.fanout's workers


def _free_name(path: str) -> str:
    """`path`, or `path.1`, `path.2` … if it is taken (an earlier backup is never replaced)."""
    candidate, n = path, 0
    while os.path.exists(candidate):
        n += 1
        candidate = f"{path}.{n}"
    return candidate


def schema_status(path: str) -> dict:
    """The schema of the database at `path`, read without changing it: applied and pending
    migrations (for `dealbot db status`)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        applied = migrations.applied(db)
        return {
            "applied": [(m.name, m.applied_at) for m in applied],
            "pending": [m.name for m in migrations.pending(db)],
            "integrity": conn.execute("pragma quick_check").fetchone()[0],
        }
    finally:
        conn.close()


class StoreBase:
    """A database file, opened and migrated; the row classes add the reads and writes."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self.backed_up: str | None = None  # where the database was copied before a migration
        pending = migrations.pending(self.db)
        if pending and migrations.applied(self.db) and path != ":memory:":
            # an existing database is about to change shape: keep a copy to go back to
            self.backed_up = self.backup(_free_name(f"{path}.before-{pending[0].name}.bak"))
            log.warning(
                "database backed up to %s before %d migration(s): %s",
                self.backed_up,
                len(pending),
                ", ".join(m.name for m in pending),
            )
        migrations.apply(self.db)

    @property
    def db(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            # a new file gives pruned space back (bot.store.deals.prune_stories); on an
            # existing one this is a no-op until the first prune switches it
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # index pages of a large database stay in memory (SQLite's default is 2 MB); the
            # fan-out's many publishing threads keep SQLite's default, or 64 connections' caches
            # of the same pages would cost hundreds of MB (bench fanout)
            small = threading.current_thread().name.startswith(SMALL_CACHE_THREADS)
            conn.execute(f"PRAGMA cache_size = {-2000 if small else -32000}")
            db = sqlite_utils.Database(conn)
            self._local.db = db
        return db

    @contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[sqlite_utils.Database]:
        """One write transaction; a crash inside leaves nothing half-written. `durable` makes
        the commit reach the disk before it returns (synchronous=FULL): for the rows that say
        a card or roundup is in Slack, which power loss must not forget (or it is posted
        again); the stories and deals of a poll, which a crash can only make us redo, keep the
        cheaper NORMAL.

        BEGIN IMMEDIATE takes the write lock first: a deferred transaction that reads and then
        writes fails at once with "database is locked" when another process wrote in between
        (the busy timeout cannot help a stale snapshot), while an immediate one waits its turn.
        """
        with self._write_lock:
            db = self.db
            if db.conn.in_transaction:  # nested: a savepoint inside the outer transaction
                with db.atomic():
                    yield db
                return
            if durable:
                db.conn.execute("PRAGMA synchronous = FULL")
            try:
                db.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.conn.rollback()
                    raise
                db.conn.commit()
            finally:
                if durable:
                    db.conn.execute("PRAGMA synchronous = NORMAL")

    def backup(self, target: str) -> str:
        """A consistent copy of the database at `target` through SQLite's online backup API
        (safe while the bot runs: writers wait only for each step). Written beside the target
        and renamed into place, so a half-written copy never has the target's name."""
        partial = f"{target}.partial"
        copy = sqlite3.connect(partial)
        try:
            with self._write_lock:
                self.db.conn.backup(copy, pages=1024)
        finally:
            copy.close()
        os.replace(partial, target)
        return target

    def ping(self) -> None:
        """Raise unless the database answers a query (for /healthz)."""
        self.db.execute("select 1").fetchone()

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    def count(self, table: str) -> int:
        return self.db[table].count


def insert_row(db: sqlite_utils.Database, table: str, row: dict, *, ignore: bool = False) -> int:
    columns = ", ".join(f"[{k}]" for k in row)
    marks = ", ".join("?" * len(row))
    verb = "insert or ignore" if ignore else "insert"
    cursor = db.execute(f"{verb} into [{table}] ({columns}) values ({marks})", list(row.values()))
    return cursor.lastrowid or 0  # 0: an "insert or ignore" that inserted nothing
