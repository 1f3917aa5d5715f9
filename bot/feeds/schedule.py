"""When to poll each feed next, learned from the feed's own rhythm and the server's hints (pure).

A fixed interval asks quiet feeds 96 times a day for nothing and makes a busy feed's news wait
half an interval on average. Here, like Miniflux's entry-frequency scheduler, each feed's
interval follows how often it publishes, and more finely, how often it publishes at this hour
of the day (outlets publish in office hours): the interval is a fraction of the expected gap
between two items now, bounded by DEALBOT_POLL_MIN_MINUTES and DEALBOT_POLL_MAX_MINUTES. A new
feed starts at DEALBOT_POLL_MINUTES. A failing feed backs off exponentially. The server's hints
bound it: Cache-Control/Expires and Retry-After say "not before", RSS <ttl> and
sy:updatePeriod say how stale the feed may be (so no need to ask more often), 410 Gone retires
the feed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

HISTORY = timedelta(days=14)  # how far back a feed's items teach its rhythm
SHARE = 0.12  # poll about eight times per expected gap between items at this hour (make bench)
MAX_BACKOFF = timedelta(hours=24)
MAX_HINT = timedelta(hours=24)  # a server asking for more than a day is capped at a day


@dataclass(frozen=True)
class Bounds:
    start: timedelta = timedelta(minutes=15)  # a feed with no history yet
    minimum: timedelta = timedelta(minutes=2)
    maximum: timedelta = timedelta(minutes=60)


@dataclass(frozen=True)
class Hints:
    """What the server said about polling it (bot.feeds.fetch reads them from headers, and
    bot.feeds.parse from the feed): absolute "not before" times and a freshness bound."""

    not_before: datetime | None = None  # Cache-Control max-age / Expires / Retry-After
    ttl: timedelta | None = None  # RSS <ttl>, sy:updatePeriod/updateFrequency
    gone: bool = False  # 410 Gone


def hourly_rate(published: Sequence[datetime], now: datetime) -> list[float]:
    """Items per hour at each hour of the day (UTC), from the last HISTORY of items: each
    hour's count over the days observed, smoothed with its neighbours and the day's mean so
    an hour with no item yet is not taken as "never"."""
    recent = [p for p in published if now - HISTORY <= p <= now]
    if not recent:
        return [0.0] * 24
    days = max(1.0, (now - min(recent)).total_seconds() / 86400)
    counts = [0] * 24
    for p in recent:
        counts[p.hour] += 1
    mean = len(recent) / days / 24
    out = []
    for h in range(24):
        near = counts[h] * 0.5 + (counts[(h - 1) % 24] + counts[(h + 1) % 24]) * 0.25
        out.append(0.8 * near / days + 0.2 * mean)
    return out


def interval(
    published: Sequence[datetime], now: datetime, bounds: Bounds, *, hints: Hints = Hints()
) -> timedelta:
    """How long to wait before asking this feed again, when it is well."""
    if not [p for p in published if now - HISTORY <= p <= now]:
        wait = bounds.start
    else:
        rate = hourly_rate(published, now)[now.hour]  # items per hour expected now
        wait = timedelta(hours=SHARE / rate) if rate > 0 else bounds.maximum
    wait = min(max(wait, bounds.minimum), bounds.maximum)
    if hints.ttl is not None:  # the feed says it may be cached this long: no need to ask sooner
        wait = max(wait, min(hints.ttl, bounds.maximum))
    return wait


def backoff(normal: timedelta, failures: int) -> timedelta:
    """A failing feed waits twice as long after each failure in a row, up to a day."""
    if failures <= 0:
        return normal
    return min(normal * (2 ** min(failures, 20)), MAX_BACKOFF)


def next_poll(
    published: Sequence[datetime],
    now: datetime,
    bounds: Bounds,
    *,
    failures: int = 0,
    hints: Hints = Hints(),
) -> datetime | None:
    """When to poll next; None when the feed is gone (410) and must not be polled again."""
    return after(interval(published, now, bounds, hints=hints), now, failures=failures, hints=hints)


def after(
    wait: timedelta, now: datetime, *, failures: int = 0, hints: Hints = Hints()
) -> datetime | None:
    """The next poll given the feed's interval: backed off after failures, never before the
    server allows; None when the feed is gone (410)."""
    if hints.gone:
        return None
    when = now + backoff(wait, failures)
    if hints.not_before is not None:
        when = max(when, min(hints.not_before, now + MAX_HINT))
    return when


def polls_per_day(published: Sequence[datetime], now: datetime, bounds: Bounds) -> int:
    """Polls the schedule makes over the next day, if the rhythm holds (for `feeds list`)."""
    t, n = now, 0
    while t < now + timedelta(days=1):
        t += interval(published, t, bounds)
        n += 1
    return n


def describe(wait: timedelta) -> str:
    minutes = wait.total_seconds() / 60
    if minutes < 90:
        return f"{math.ceil(minutes)} min"
    return f"{minutes / 60:.1f} h"
