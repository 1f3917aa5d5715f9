"""The clock, and how times are written to the database: one place, so tests can fix it.

Every "now" in dealbot comes from `utcnow()` (time-machine moves it in tests); times are
stored as ISO 8601 text in UTC, which sorts the way time does.
"""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat() if value else None


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
