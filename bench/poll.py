"""5. Poll cycle: 500 feeds on a local server (127.0.0.1), 10% of them hanging.

Wall time of a whole bot.pipeline.poll (fetch with bounded concurrency and a per-feed deadline,
then parse, extract, match, store) relative to the worst case fetch_all promises,
ceil(n / concurrency) * deadline; then a second, unchanged cycle, whose body bytes (conditional
GET: ETag / Last-Modified -> 304) are compared with the first's. The deadline is 2 s here
(20 s in production) to keep the benchmark short; hanging feeds hang longer than that.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

from bench.common import HERE, row
from bench.data import EPOCH_END, feed_bytes
from bot.feeds.fetch import fetch_all
from bot.pipeline import poll
from bot.store import Store

sys.path.insert(0, str(HERE.parent))  # tests/ is not installed: the checkout's feed server
from tests.fakes.feedserver import FeedServer  # noqa: E402

FEEDS = 500
HANG_EVERY = 10  # every 10th feed hangs: 10%
ITEMS = 20
DEADLINE = 2.0
CONCURRENCY = 16  # fetch_all's default
NOW = EPOCH_END + timedelta(hours=1)


def serve(
    server: FeedServer, feeds: int = FEEDS, hang_every: int | None = HANG_EVERY, version: int = 0
) -> list[tuple[str, str]]:
    """Register the feeds (a third gzip-encoded, as many real servers do); (url, name) each."""
    out = []
    for n in range(feeds):
        path = f"/feed/{n}.xml"
        if hang_every and n % hang_every == hang_every - 1:
            url = server.add_hang(path)
        else:
            url = server.add(
                path,
                feed_bytes(n, ITEMS, seed=version),
                etag=f'"{n}-{version}"',
                last_modified="Sun, 01 Jun 2025 12:00:00 GMT",
                gzip=n % 3 == 0,
            )
        out.append((url, f"Outlet {n}"))
    return out


def fetcher():
    return partial(fetch_all, deadline=DEADLINE, concurrency=CONCURRENCY)


def cycle(store: Store) -> dict:
    fetch_s = 0.0
    inner = fetcher()

    def fetch(requests):
        nonlocal fetch_s
        start = time.perf_counter()
        try:
            return inner(requests)
        finally:
            fetch_s = time.perf_counter() - start

    start = time.perf_counter()
    report = poll(store, None, now=lambda: NOW, fetch=fetch)
    return {
        "wall_s": round(time.perf_counter() - start, 2),
        "fetch_s": round(fetch_s, 2),
        "bytes": report.bytes_received,
        "failed": len(report.failed),
        "not_modified": report.not_modified,
        "new_stories": report.new_stories,
    }


def run() -> list[dict]:
    bound = math.ceil(FEEDS / CONCURRENCY) * DEADLINE
    with FeedServer(hang_seconds=DEADLINE + 2) as server, tempfile.TemporaryDirectory() as tmp:
        feeds = serve(server)
        store = Store(str(Path(tmp) / "poll.db"))
        store.sync_feeds(feeds)
        first = cycle(store)
        second = cycle(store)
        store.close()
    wall_ratio = first["wall_s"] / bound
    bytes_ratio = second["bytes"] / max(1, first["bytes"])
    return [
        row(
            "poll 500 feeds (10% hang): wall / bound",
            f"{wall_ratio:.2f} ({first['wall_s']:.1f} s / {bound:.0f} s)",
            "<= 1.0",
            wall_ratio <= 1.0,
            deadline_s=DEADLINE,
            concurrency=CONCURRENCY,
            bound_s=bound,
            first=first,
            second=second,
            fetch_wall_over_deadline=round(first["fetch_s"] / DEADLINE, 2),
        ),
        row(
            "poll: 2nd unchanged cycle bytes",
            f"{bytes_ratio:.2%} ({second['bytes']:,} / {first['bytes']:,} B)",
            "< 5%",
            bytes_ratio < 0.05,
            note="body bytes as counted by FetchResult.bytes_received; headers not counted",
        ),
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
