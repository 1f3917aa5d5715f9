"""1. Ingest: the same feed bytes through feedparser.parse alone vs through the whole pipeline.

The pipeline is bot.pipeline.poll with a fetch that hands over the bytes (no network): parse
(bot.feeds.parse.parse_feed) + extract + match + store, into a fresh SQLite file (WAL, as in
production). Also a breakdown of where the time goes and the SQL statements run per story.
"""

from __future__ import annotations

import io
import re
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import feedparser

from bench.common import row
from bench.data import EPOCH_END, feed_bytes
from bot.extract.engine import extract_story
from bot.feeds.fetch import FetchResult
from bot.feeds.parse import parse_feed
from bot.pipeline import poll
from bot.store import Store

FEEDS = 20
ITEMS = 50  # 1,000 stories in all
NOW = EPOCH_END + timedelta(hours=1)


def corpus() -> dict[str, bytes]:
    return {f"http://127.0.0.1:9/feed{n}": feed_bytes(n, ITEMS, seed=1) for n in range(FEEDS)}


def feedparser_only(bodies: dict[str, bytes]) -> float:
    start = time.perf_counter()
    for data in bodies.values():
        feedparser.parse(io.BytesIO(data))
    return time.perf_counter() - start


def whole_pipeline(bodies: dict[str, bytes], *, trace: Counter | None = None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "ingest.db"))
        store.sync_feeds([(url, f"Outlet {i}") for i, url in enumerate(bodies)])
        if trace is not None:
            store.db.conn.set_trace_callback(lambda sql: trace.update([_shape(sql)]))

        def fetch(requests):
            return [
                FetchResult(
                    url=r.url,
                    status=200,
                    body=bodies[r.url],
                    content_type="application/rss+xml",
                    bytes_received=len(bodies[r.url]),
                )
                for r in requests
            ]

        start = time.perf_counter()
        report = poll(store, None, now=lambda: NOW, fetch=fetch)
        elapsed = time.perf_counter() - start
        store.close()
    return elapsed, report.new_stories


def _shape(sql: str) -> str:
    """The statement with its literals replaced by ?, so equal statements count together."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", " ".join(sql.split()))
    return re.sub(r"\b\d+(?:\.\d+)?\b", "?", sql)[:100]


def breakdown(bodies: dict[str, bytes]) -> dict:
    """Seconds spent in parse_feed and in extraction alone, over the same bytes."""
    start = time.perf_counter()
    stories = [s for url, b in bodies.items() for s in parse_feed(b, feed_url=url).stories]
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    for s in stories:
        extract_story(s)
    return {
        "parse_feed_s": round(parse_s, 3),
        "extract_s": round(time.perf_counter() - start, 3),
        "stories": len(stories),
    }


def run(repeat: int = 3) -> list[dict]:
    bodies = corpus()
    feedparser_only(bodies)  # warm-up: imports, regex caches
    base, full, stories = [], [], 0
    for _ in range(repeat):  # interleaved, so both sides see the same machine noise
        base.append(feedparser_only(bodies))
        t, stories = whole_pipeline(bodies)
        full.append(t)
    fp, pipe = min(base), min(full)
    trace: Counter = Counter()
    whole_pipeline(bodies, trace=trace)
    parts = breakdown(bodies)
    per_story = {k: round(v / stories, 2) for k, v in trace.most_common(25)}
    ratio = pipe / fp
    db_s = pipe - parts["parse_feed_s"] - parts["extract_s"]
    return [
        row(
            "ingest: pipeline / feedparser",
            f"{ratio:.2f}x",
            "<= 1.3x",
            ratio <= 1.3,
            stories=stories,
            bytes=sum(map(len, bodies.values())),
            feedparser_s=round(fp, 3),
            pipeline_s=round(pipe, 3),
            feedparser_stories_per_s=round(stories / fp),
            pipeline_stories_per_s=round(stories / pipe),
            breakdown={**parts, "match_store_and_rest_s": round(db_s, 3)},
            sql_statements_per_story=round(sum(trace.values()) / stories, 1),
            sql_by_shape_per_story=per_story,
        )
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
