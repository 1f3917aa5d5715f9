"""6. Freshness: a simulated day of 50 feeds, polled every 15 minutes and by each feed's own
schedule (bot.feeds.schedule), and pushed by WebSub. No real waiting: the clock is simulated.

The feeds' rhythms: the hour-of-day shape of TechCrunch's startup stories as the corpus saw
them (../shared/corpus; a synthetic office-hours shape if it is absent), in US, European and
Asian office hours, at four paces: 5 busy feeds (30 to 80 items a day),
10 steady ones (10 to 20), 25 that publish a few times a day, 10 weekly. Each feed has 14 days
of history (what the schedule learns from) and then the measured day. Delay = from an item's
publication to the poll that finds it (its card follows within the same cycle). Bytes: a poll
that finds something downloads the feed; one that does not gets a 304 (conditional GET).
"""

from __future__ import annotations

import json
import random
import statistics
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.common import HERE, row
from bot.feeds.schedule import Bounds, next_poll

DAY = datetime(2026, 11, 25, tzinfo=timezone.utc)  # a Wednesday
HISTORY_DAYS = 14
FIXED = timedelta(minutes=15)
NOT_MODIFIED_BYTES = 300  # a 304's status line and headers
SEED = 22


def hour_shapes() -> tuple[list[list[float]], str]:
    """Hour-of-day shapes (24 weights summing to 1), and where they came from.

    The real one: when TechCrunch's startup stories were first seen
    (../shared/corpus/techcrunch-startups-2024-2025.jsonl, a crawler that looked every few
    hours, so each sighting is spread over the hours since the crawler's previous look); the
    same shape moved to Europe's and Asia's office hours (UTC-based outlets publish earlier).
    """
    corpus = HERE.parent.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"
    weights = [0.0] * 24
    if corpus.is_file():
        seen = []
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                first = json.loads(line).get("first_seen")
                if first:
                    seen.append(datetime.fromisoformat(first).astimezone(timezone.utc))
        looks = sorted({t.hour for t in seen})
        for t in seen:
            before = [h for h in looks if h < t.hour] or [looks[-1] - 24]
            span = list(range(before[-1] + 1, t.hour + 1))
            for h in span:
                weights[h % 24] += 1 / len(span)
        source = f"TechCrunch's hours from {len(seen)} first sightings, moved to EU and Asia"
    else:
        weights = [1.0 if 13 <= h < 23 else 0.05 for h in range(24)]
        source = "synthetic US office hours (corpus absent), moved to EU and Asia"
    total = sum(weights)
    us = [w / total + 0.002 for w in weights]
    shapes = [us, _moved(us, -6), _moved(us, -13)]  # US, Europe, Asia (UTC)
    return [[w / sum(shape) for w in shape] for shape in shapes], source


def _moved(shape: list[float], hours: int) -> list[float]:
    return [shape[(h - hours) % 24] for h in range(24)]


def items(rng: random.Random, per_day: float, shape: list[float], days: int) -> list[datetime]:
    """Publication times over `days` days up to the end of the measured day."""
    out = []
    start = DAY - timedelta(days=days - 1)
    for d in range(days):
        day = start + timedelta(days=d)
        n = _poisson(rng, per_day)
        for _ in range(n):
            hour = rng.choices(range(24), weights=shape)[0]
            out.append(day + timedelta(hours=hour, seconds=rng.uniform(0, 3600)))
    return sorted(out)


def _poisson(rng: random.Random, mean: float) -> int:
    if mean < 30:
        n, p, limit = 0, 1.0, pow(2.718281828459045, -mean)
        while True:
            p *= rng.random()
            if p <= limit:
                return n
            n += 1
    return max(0, round(rng.gauss(mean, mean**0.5)))


def feeds(rng: random.Random, shapes: list[list[float]]) -> list[dict]:
    paces = (
        [rng.uniform(30, 80) for _ in range(5)]
        + [rng.uniform(10, 20) for _ in range(10)]
        + [rng.uniform(1, 5) for _ in range(25)]
        + [1 / 7 for _ in range(10)]
    )
    out = []
    for n, pace in enumerate(paces):
        published = items(rng, pace, shapes[n % len(shapes)], HISTORY_DAYS + 1)
        size = int(rng.uniform(15_000, 120_000))
        out.append({"pace": pace, "published": published, "size": size, "phase": rng.random()})
    return out


def fixed(feed: dict) -> tuple[list[float], int, int]:
    """Delays (s), requests and bytes over the measured day, polling every 15 minutes."""
    t = DAY + FIXED * feed["phase"]
    polls = []
    while t < DAY + timedelta(days=1):
        polls.append(t)
        t += FIXED
    return _measure(feed, polls)


def adaptive(feed: dict, bounds: Bounds) -> tuple[list[float], int, int]:
    """The same day by the feed's own schedule, learning from what it has seen so far."""
    published = feed["published"]
    t = DAY + FIXED * feed["phase"]
    polls = []
    seen: list[datetime] = [p for p in published if p < t]
    nxt = 0
    while t < DAY + timedelta(days=1):
        polls.append(t)
        while nxt < len(published) and published[nxt] <= t:
            nxt += 1
        seen = published[:nxt]
        t = next_poll(seen, t, bounds) or t + bounds.maximum
    return _measure(feed, polls)


def _measure(feed: dict, polls: list[datetime]) -> tuple[list[float], int, int]:
    day_items = [p for p in feed["published"] if DAY <= p < DAY + timedelta(days=1)]
    delays, bytes_ = [], 0
    last = DAY - timedelta(days=1)
    for t in polls:
        found = [p for p in day_items if last < p <= t]
        delays += [(t - p).total_seconds() for p in found]
        bytes_ += (
            feed["size"] if any(last < p <= t for p in feed["published"]) else NOT_MODIFIED_BYTES
        )
        last = t
    return delays, len(polls), bytes_


def push_delays(n: int = 20) -> list[float]:
    """Seconds from a hub's delivery to the deal stored and handed to the publisher: a local
    hub (tests/fakes/hub.py), the real WebApp on waitress, WebSub and receive_push."""
    import sys
    import tempfile
    import time

    import httpx

    from bot.feeds.websub import WebSub
    from bot.metrics import Health
    from bot.pipeline import receive_push
    from bot.runner import serve
    from bot.store import Store
    from bot.web import WebApp

    sys.path.insert(0, str(HERE.parent / "tests" / "fakes"))
    from hub import LocalHub

    feed_url, arrived = "https://wire.example/feed.xml", []

    class Stamp:
        def publish(self, events) -> None:
            arrived.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp, LocalHub() as hub:
        store = Store(f"{tmp}/push.db")
        store.add_feed(feed_url, "Wire")

        def on_push(feed: dict, body: bytes, content_type: str | None) -> None:
            receive_push(store, Stamp(), feed, body, content_type, max_age=timedelta(days=36500))

        web = WebApp(store, Health(), on_push=on_push)
        stop, port = serve(web, 0, host="127.0.0.1")
        try:
            web.websub = WebSub(store, f"http://127.0.0.1:{port}", httpx.Client())
            web.websub.ensure([(feed_url, hub.url, feed_url)])
            hub.wait_verified()
            delays = []
            for i in range(n):
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
                    f"<title>Startup{i} raises ${i + 2}M seed led by Fund{i}</title>"
                    f"<link>https://wire.example/{i}</link></item></channel></rss>"
                ).encode()
                start = time.perf_counter()
                hub.publish(feed_url, body)
                delays.append(arrived[-1] - start)
        finally:
            stop()
            store.close()
    return delays


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run() -> list[dict]:
    rng = random.Random(SEED)
    shapes, source = hour_shapes()
    all_feeds = feeds(rng, shapes)
    bounds = Bounds()  # DEALBOT_POLL_MINUTES 15, MIN 2, MAX 60
    results = {}
    for name, method in (("fixed 15 min", fixed), ("own schedule", lambda f: adaptive(f, bounds))):
        busy, every, requests, bytes_ = [], [], 0, 0
        for feed in all_feeds:
            delays, n, b = method(feed)
            every += delays
            if feed["pace"] > 10:
                busy += delays
            requests += n
            bytes_ += b
        results[name] = {
            "busy_median_min": statistics.median(busy) / 60 if busy else 0.0,
            "busy_p90_min": _pct(busy, 0.9) / 60,
            "all_median_min": statistics.median(every) / 60 if every else 0.0,
            "all_p90_min": _pct(every, 0.9) / 60,
            "requests": requests,
            "megabytes": bytes_ / 1e6,
        }
    fixed_r, own = results["fixed 15 min"], results["own schedule"]
    rows = []
    for name, r in results.items():
        rows.append(
            row(
                f"freshness {name}: delay, busy feeds",
                f"median {r['busy_median_min']:.1f} min, p90 {r['busy_p90_min']:.1f} min",
                "≤ 3 / ≤ 8 min" if name == "own schedule" else "(comparison)",
                (r["busy_median_min"] <= 3 and r["busy_p90_min"] <= 8)
                if name == "own schedule"
                else None,
                rhythms=source,
                **{k: round(v, 2) for k, v in r.items()},
            )
        )
        rows.append(
            row(
                f"freshness {name}: all feeds, a day",
                f"median {r['all_median_min']:.1f} min, p90 {r['all_p90_min']:.1f} min, "
                f"{r['requests']} requests, {r['megabytes']:.1f} MB",
                f"≤ {fixed_r['requests']} requests" if name == "own schedule" else "(comparison)",
                own["requests"] <= fixed_r["requests"] if name == "own schedule" else None,
            )
        )
    pushed = push_delays()
    worst = max(pushed)
    rows.append(
        row(
            "freshness WebSub push: delay",
            f"median {statistics.median(pushed) * 1000:.0f} ms, worst {worst * 1000:.0f} ms "
            f"(hub delivery to the publisher, {len(pushed)} deliveries)",
            "< 10 s",
            worst < 10,
        )
    )
    return rows


if __name__ == "__main__":
    for r in run():
        print(r["name"], "|", r["measured"], "|", r["target"], "|", r["met"])
    print(Path(__file__).name, "done")
