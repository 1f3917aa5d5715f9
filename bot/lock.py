"""One writer process per database: `run`, `poll` and `roundup --post` hold its lock.

Two processes posting from one database can post a card twice (each settles the other's
pending row before its post shows in history). An advisory file lock beside the database
(`dealbot.db.lock`) makes the second one stop at once and say who holds it; the kernel
releases the lock when the holder dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from bot.clock import iso, utcnow

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS: no lock, as before
    fcntl = None  # type: ignore[assignment]


class DatabaseBusy(Exception):
    """Another dealbot process holds the database's lock."""


@contextmanager
def exclusive(db_path: str, what: str) -> Iterator[None]:
    """Hold `db_path`'s lock while the block runs, or raise DatabaseBusy naming the holder."""
    if db_path == ":memory:" or fcntl is None:
        yield
        return
    path = f"{db_path}.lock"
    with open(path, "a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another dealbot process"
            raise DatabaseBusy(f"{db_path} is in use by {holder}") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} (dealbot {what}) since {iso(utcnow())}\n")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
