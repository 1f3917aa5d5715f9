"""bot.clock: one now, and times stored as UTC ISO text that sorts as time does."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import time_machine

from bot.clock import iso, parse_iso, utcnow


def test_now_is_aware_utc_and_follows_a_fixed_clock() -> None:
    with time_machine.travel(datetime(2028, 2, 29, 23, 59, tzinfo=timezone.utc), tick=False):
        assert utcnow() == datetime(2028, 2, 29, 23, 59, tzinfo=timezone.utc)


def test_iso_is_utc_and_round_trips() -> None:
    tokyo = datetime(2026, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=9)))
    assert iso(tokyo) == "2026-12-31T14:59:00+00:00"
    assert parse_iso(iso(tokyo)) == tokyo
    assert iso(None) is None and parse_iso(None) is None and parse_iso("") is None


def test_stored_times_sort_as_time_does() -> None:
    a = datetime(2026, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=14)))  # earlier instant
    b = datetime(2026, 12, 31, 10, 0, tzinfo=timezone.utc)
    assert (iso(a) or "") < (iso(b) or "")
