"""2. Extraction alone: stories per second on one core (target >= 2,000).

Over real headlines from ../shared/corpus when that folder is beside the checkout (read at run
time, never copied here), else over our own seeded template headlines. Either way each title
gets a realistic two-sentence summary, as feeds carry one.
"""

from __future__ import annotations

import json
import random
import time

from bench.common import HERE, row
from bench.data import company_name, headline, summary
from bot.extract.engine import extract

CORPUS = HERE.parent.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"


def headlines() -> tuple[str, list[tuple[str, str]]]:
    rng = random.Random(7)
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
        titles = [t for r in rows for t in r["titles"]]
        return "shared corpus", [(t, summary(rng, "The company", t)) for t in titles]
    items = []
    for _ in range(5000):
        company = company_name(rng)
        _, title = headline(rng, company)
        items.append((title, summary(rng, company, title)))
    return "templates", items


def run() -> list[dict]:
    source, items = headlines()
    for title, text in items[:300]:  # warm up regex caches
        extract(title, text)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for title, text in items:
            extract(title, text)
        best = min(best, time.perf_counter() - start)
    rate = len(items) / best
    return [
        row(
            "extraction, 1 core",
            f"{rate:,.0f} stories/s",
            ">= 2,000/s",
            rate >= 2000,
            stories=len(items),
            source=source,
            per_second=round(rate),
        )
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
