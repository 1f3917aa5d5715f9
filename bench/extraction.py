"""2. Extraction alone: stories per second on one core (target >= 3,000), and the slowest
input of at most 100 kB (target <= 50 ms: no pattern that grows faster than the text).

Over real headlines from ../shared/corpus when that folder is beside the checkout (TechCrunch
titles with a realistic two-sentence summary, plus the world corpus's items in ten languages as
their feeds carry them; read at run time, never copied here), else over our own seeded template
headlines.
"""

from __future__ import annotations

import json
import random
import time

from bench.common import HERE, row
from bench.data import company_name, headline, summary
from bot.extract.engine import extract

CORPUS = HERE.parent.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"
WORLD = HERE.parent.parent / "shared" / "corpus" / "world-feeds.jsonl"
LIMIT = 100_000


def headlines() -> tuple[str, list[tuple[str, str]]]:
    rng = random.Random(7)
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
        titles = [t for r in rows for t in r["titles"]]
        items = [(t, summary(rng, "The company", t)) for t in titles]
        if WORLD.is_file():
            world = [json.loads(line) for line in WORLD.open(encoding="utf-8")]
            items += [(r["title"], r["summary"] or "") for r in world]
        return "shared corpora (TechCrunch + world)", items
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
    worst_name, worst = slowest()
    return [
        row(
            "extraction, 1 core",
            f"{rate:,.0f} stories/s",
            ">= 3,000/s",
            rate >= 3000,
            stories=len(items),
            source=source,
            per_second=round(rate),
        ),
        row(
            "extraction, slowest input <= 100 kB",
            f"{worst * 1000:.1f} ms ({worst_name})",
            "<= 50 ms",
            worst <= 0.050,
            seconds=round(worst, 4),
        ),
    ]


def hostile_inputs() -> dict[str, tuple[str, str]]:
    """Inputs of at most 100 kB built to make a careless pattern slow."""
    rng = random.Random(3)
    words = [
        "raises",
        "Series",
        "led",
        "by",
        "funding",
        "round",
        "million",
        "$",
        "€",
        "亿元",
        "融资",
        "투자",
        "유치",
        "Mio.",
        "lève",
    ]
    return {
        "random words": ("Acme raises $5M", " ".join(rng.choice(words) for _ in range(12_000))),
        "initials": ("A." * 3000 + " raises $5M", "A." * 30_000),
        "no spaces": ("x" * 400, "x" * LIMIT),
        "capitals": ("Acme " * 80 + "raises $5M", "Acme Beta Gamma " * 6000),
        "money run": ("$1 $2 $3 " * 40, "$1,000,000 " * 9000),
        "chinese": ("“甲”完成" + "亿元" * 150, "获悉，" + "甲乙丙丁领投，" * 14_000),
        "korean": ("가나다, " + "1억원 " * 60 + "투자 유치", "가나다 " * 30_000),
        "html soup": ("<b>" * 100, "<script>" * 12_000),
        "commas": ("Acme, " * 60, ", " * 50_000),
        # an investor's verb, then a long run of money: "invests $5 $5 … into" once took minutes
        "money after a verb": ("Acme invests " + "$5 " * 130, "Acme invests " + "$5 " * 30_000),
        "title verbs": ("Acme " + "Builds " * 60, "Acme " + "Builds " * 14_000 + "with $5M"),
        "european money for": ("200 Millionen Euro für " + "Flink " * 60, "Flink " * 16_000),
        # Japanese names without separators before が…リード / から (n² before they were bounded)
        "japanese run": ("シリーズCで41億円", "シリーズCで41億円" * 6000 + "がリード"),
        "german ticker": (
            "Millionen für das Münchner Startup " * 8,
            "Neues Geld für Flink: Investoren stecken in das " * 1500,
        ),
        "chinese colloquial": ("腾讯出手，投了" * 40, "拿到了阿里的投资，" * 9000),
        # Japanese investor lists tried at every position of a sentence without breaks
        "japanese lists": (
            "ispace、JAFCOらから7億円を調達",
            "ゴールドマンサックスや" * 9000 + "が出資",
        ),
    }


def slowest() -> tuple[str, float]:
    worst_name, worst = "", 0.0
    for name, (title, text) in hostile_inputs().items():
        text = text[: LIMIT - len(title)]
        start = time.perf_counter()
        extract(title, text)
        took = time.perf_counter() - start
        if took > worst:
            worst_name, worst = name, took
    return worst_name, worst


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
