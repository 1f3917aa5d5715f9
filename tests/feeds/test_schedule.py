"""bot.feeds.schedule on synthetic rhythms: busy feeds are asked often in the hours they publish
and rarely at night, quiet feeds at the longest interval, new feeds at the starting one; a
failing feed backs off; the server's hints bound everything."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.feeds.schedule import Bounds, Hints, backoff, interval, next_poll, polls_per_day

NOW = datetime(2026, 11, 25, 11, 0, tzinfo=timezone.utc)  # a Wednesday, 11:00 UTC
BOUNDS = Bounds()  # new feeds every 15 min, then 2 to 60


def office_hours(every_minutes: int, days: int = 7) -> list[datetime]:
    """An outlet publishing every few minutes from 09:00 to 18:00 UTC."""
    out = []
    for d in range(days):
        day = (NOW - timedelta(days=d)).replace(hour=9, minute=0)
        t = day
        while t < day.replace(hour=18) and t <= NOW:
            out.append(t)
            t += timedelta(minutes=every_minutes)
    return out


def test_a_new_feed_starts_at_the_starting_interval() -> None:
    assert interval([], NOW, BOUNDS) == timedelta(minutes=15)


def test_a_busy_feed_is_asked_often_in_its_hours_and_rarely_at_night() -> None:
    items = office_hours(10)
    assert interval(items, NOW, BOUNDS) == timedelta(minutes=2)
    night = NOW.replace(hour=3) + timedelta(days=1)
    assert interval(items, night, BOUNDS) >= 5 * interval(items, NOW, BOUNDS)


def test_a_feed_of_a_dozen_items_a_day_is_asked_every_few_minutes_in_its_hours() -> None:
    items = office_hours(45)  # 12 a day
    assert timedelta(minutes=2) <= interval(items, NOW, BOUNDS) <= timedelta(minutes=8)


def test_quiet_and_weekly_feeds_are_asked_at_the_longest_interval() -> None:
    twice_a_day = [NOW.replace(hour=h) - timedelta(days=d) for d in range(1, 8) for h in (8, 16)]
    assert interval(twice_a_day, NOW, BOUNDS) >= timedelta(minutes=30)
    weekly = [NOW - timedelta(days=7 * w) for w in range(1, 3)]
    assert interval(weekly, NOW, BOUNDS) == timedelta(minutes=60)
    assert polls_per_day(weekly, NOW, BOUNDS) == 24  # a quarter of the fixed schedule's 96


def test_bounds_always_hold() -> None:
    flood = [NOW - timedelta(seconds=20 * i) for i in range(2000)]
    assert interval(flood, NOW, Bounds(minimum=timedelta(minutes=3))) == timedelta(minutes=3)
    tight = Bounds(maximum=timedelta(minutes=20))
    assert interval([NOW - timedelta(days=10)], NOW, tight) == timedelta(minutes=20)


def test_a_failing_feed_backs_off_exponentially_up_to_a_day() -> None:
    normal = timedelta(minutes=10)
    assert [backoff(normal, n) for n in (0, 1, 2, 3)] == [
        timedelta(minutes=10),
        timedelta(minutes=20),
        timedelta(minutes=40),
        timedelta(minutes=80),
    ]
    assert backoff(normal, 50) == timedelta(hours=24)
    assert next_poll([], NOW, BOUNDS, failures=2) == NOW + timedelta(minutes=60)


def test_hints_bound_the_schedule() -> None:
    items = office_hours(10)
    # Cache-Control / Expires / Retry-After: not before what the server allows
    later = NOW + timedelta(minutes=30)
    assert next_poll(items, NOW, BOUNDS, hints=Hints(not_before=later)) == later
    # ... but never more than a day away
    far = NOW + timedelta(days=30)
    assert next_poll(items, NOW, BOUNDS, hints=Hints(not_before=far)) == NOW + timedelta(days=1)
    # RSS <ttl> / sy:updatePeriod: no need to ask more often than the feed may be cached
    ttl = Hints(ttl=timedelta(minutes=30))
    assert interval(items, NOW, BOUNDS, hints=ttl) == timedelta(minutes=30)
    assert interval(items, NOW, BOUNDS, hints=Hints(ttl=timedelta(days=1))) == timedelta(hours=1)
    # 410 Gone: never again
    assert next_poll(items, NOW, BOUNDS, hints=Hints(gone=True)) is None
