"""6. Peak memory (RSS): a 500-feed poll cycle, and a simulated day of `dealbot run`.

Each runs in its own subprocess (`python -m bench.memory poll|day`), so the peak
(VmHWM, else resource.getrusage(RUSAGE_SELF).ru_maxrss) is that scenario's alone; the
interpreter with the scenario's modules imported is reported too, as the floor.

The day: `dealbot run` in console mode is poll(store, ConsolePublisher) every 15 minutes (see
bot/runner.py). The scheduler itself is replaced by a loop over 96 polls with a fake clock
(15 minutes a step), against 50 local feeds of which a third change every poll (new items, new
ETag); console output goes to /dev/null. Same job, same publisher, same store — only the clock
is fake, so a day takes a minute or two.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from bench.common import HERE, row

LIMIT_MB = 150
DAY_FEEDS = 50
DAY_POLLS = 96
DAY_ITEMS = 30


def peak_mb() -> float:
    """This process's peak RSS in MB.

    VmHWM (/proc/self/status) when there is one: ru_maxrss survives exec on Linux, so a child
    of the big benchmark process would report its parent's size at fork. Elsewhere ru_maxrss.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def scenario_poll() -> dict:
    from bench import poll as pollbench
    from bot.store import Store
    from tests.fakes.feedserver import FeedServer

    base = peak_mb()
    with (
        FeedServer(hang_seconds=pollbench.DEADLINE + 2) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        feeds = pollbench.serve(server)
        store = Store(str(Path(tmp) / "mem.db"))
        store.sync_feeds(feeds)
        result = pollbench.cycle(store)
        store.close()
    return {
        "baseline_mb": round(base, 1),
        "peak_mb": round(peak_mb(), 1),
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        **result,
    }


def scenario_day() -> dict:
    from bench.data import EPOCH_END, feed_items, rss
    from bot.feeds.fetch import fetch_all
    from bot.pipeline import poll
    from bot.publish.console import ConsolePublisher
    from bot.store import Store
    from tests.fakes.feedserver import FeedServer

    base = peak_mb()
    rng = random.Random(3)
    clock = [EPOCH_END - timedelta(days=1)]
    total = [DAY_ITEMS] * DAY_FEEDS  # items each feed has published so far
    events = new = 0

    def publish(server: FeedServer, n: int) -> None:
        items = feed_items(
            random.Random(n * 1000 + total[n]),
            n,
            DAY_ITEMS,
            start=total[n] - DAY_ITEMS,
            end=clock[0],
        )
        server.add(
            f"/day/{n}.xml", rss(f"Outlet {n}", items), etag=f'"{n}-{total[n]}"', gzip=n % 3 == 0
        )

    with (
        FeedServer() as server,
        tempfile.TemporaryDirectory() as tmp,
        open(os.devnull, "w") as devnull,
    ):
        for n in range(DAY_FEEDS):
            publish(server, n)
        store = Store(str(Path(tmp) / "day.db"))
        store.sync_feeds([(server.url(f"/day/{n}.xml"), f"Outlet {n}") for n in range(DAY_FEEDS)])
        publisher = ConsolePublisher(store, out=devnull)
        for _ in range(DAY_POLLS):
            report = poll(
                store, publisher, max_age=timedelta(hours=72), now=lambda: clock[0], fetch=fetch_all
            )
            events += len(report.events)
            new += report.new_stories
            clock[0] += timedelta(minutes=15)
            for n in rng.sample(range(DAY_FEEDS), DAY_FEEDS // 3):
                total[n] += rng.randint(1, 4)
                publish(server, n)
        deals = store.count("deals")
        store.close()
    return {
        "baseline_mb": round(base, 1),
        "peak_mb": round(peak_mb(), 1),
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "polls": DAY_POLLS,
        "feeds": DAY_FEEDS,
        "new_stories": new,
        "events": events,
        "deals": deals,
    }


def measure(name: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    out = subprocess.run(
        [sys.executable, "-m", "bench.memory", name],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE.parent,
        timeout=600,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    p = measure("poll")
    d = measure("day")
    return [
        row(
            "peak RSS: poll of 500 feeds",
            f"{p['peak_mb']:.0f} MB",
            f"<= {LIMIT_MB} MB",
            p["peak_mb"] <= LIMIT_MB,
            **p,
        ),
        row(
            "peak RSS: simulated day of run",
            f"{d['peak_mb']:.0f} MB",
            f"<= {LIMIT_MB} MB",
            d["peak_mb"] <= LIMIT_MB,
            **d,
        ),
    ]


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)  # failing (hanging) feeds are expected here
    sys.path.insert(0, str(HERE.parent))
    scenario = {"poll": scenario_poll, "day": scenario_day}[sys.argv[1]]
    print(json.dumps(scenario()))
