"""3. Matching scale: per-story ingest (extract + match + store) with 10k vs 1M stories stored.

Both databases come from bench/synthdb.py (cached). Each run works on fresh copies, and measures
the two sizes in alternating rounds of new stories, so both see the same machine noise. Half of
the new stories are about deals of the last 40 days (they must be found and merged), half about
companies never seen (a candidate lookup that finds nothing, then a new deal).
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench import synthdb
from bench.common import row
from bench.data import EPOCH_END, companies, headline, summary
from bot.extract.engine import extract_story
from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store

SIZES = (10_000, 1_000_000)
ROUNDS = 6
PER_ROUND = 100
NOW = EPOCH_END + timedelta(hours=2)


def new_stories(path: Path, rnd: int) -> list[Story]:
    rng = random.Random(1000 + rnd)
    known = synthdb.recent_deals(path)
    fresh = companies(PER_ROUND, seed=5000 + rnd)
    out = []
    for k in range(PER_ROUND):
        company = rng.choice(known)[0] if k % 2 == 0 else fresh[k]
        _, title = headline(rng, company, "funding" if rng.random() < 0.8 else "")
        link = f"https://bench.example.com/r{rnd}/{k}/"
        out.append(
            Story(
                link=link,
                title=title,
                summary=summary(rng, company, title),
                published=EPOCH_END + timedelta(minutes=k),
                guid=link + "#g",
                feed_url="http://127.0.0.1/bench",
                outlet="Bench",
            )
        )
    return out


def run(log=print) -> list[dict]:
    paths = {n: synthdb.ensure(n, log=log) for n in SIZES}
    times: dict[int, list[float]] = {n: [] for n in SIZES}
    with tempfile.TemporaryDirectory(dir=paths[SIZES[-1]].parent) as tmp:
        stores = {}
        for n, src in paths.items():
            dst = Path(tmp) / src.name
            shutil.copyfile(src, dst)
            stores[n] = Store(str(dst))
        batches = {n: [new_stories(paths[n], r) for r in range(ROUNDS + 1)] for n in SIZES}
        extract_s = 0.0
        for r in range(ROUNDS + 1):  # round 0 warms each store's page cache and is not counted
            for n in SIZES if r % 2 else SIZES[::-1]:
                for story in batches[n][r]:
                    start = time.perf_counter()
                    ingest(stores[n], story, now=NOW, max_age=timedelta(hours=72))
                    if r:
                        times[n].append(time.perf_counter() - start)
        # extraction's share, to show what match + store alone cost
        sample = [s for b in batches[SIZES[0]][1:] for s in b]
        start = time.perf_counter()
        for s in sample:
            extract_story(s)
        extract_s = (time.perf_counter() - start) / len(sample)
        counts = {n: stores[n].count("deals") for n in SIZES}
        for s in stores.values():
            s.close()
    mean = {n: statistics.fmean(t) for n, t in times.items()}
    p50 = {n: statistics.median(t) for n, t in times.items()}
    ratio = mean[SIZES[-1]] / mean[SIZES[0]]
    small, big = SIZES
    return [
        row(
            "match+store: 1M / 10k stored",
            f"{ratio:.2f}x ({mean[small] * 1e3:.2f} vs {mean[big] * 1e3:.2f} ms)",
            "<= 1.5x",
            ratio <= 1.5,
            per_story_ms={
                str(n): {
                    "mean": round(mean[n] * 1e3, 3),
                    "p50": round(p50[n] * 1e3, 3),
                    "match_store_only_mean": round((mean[n] - extract_s) * 1e3, 3),
                }
                for n in SIZES
            },
            extract_ms=round(extract_s * 1e3, 3),
            stories_measured=ROUNDS * PER_ROUND,
            deals_after=counts,
        )
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
