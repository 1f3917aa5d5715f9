"""`make bench`: extraction throughput on one core, over real headlines when ../shared is here.

Prints a table and writes bench/results.json. Targets: extraction >= 2,000 stories/s.
"""

from __future__ import annotations

import json
import platform
import random
import time
from datetime import datetime, timezone
from pathlib import Path

from bot.extract import extract

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"
# Our own templates, used when the corpus is not beside the checkout.
TEMPLATES = [
    "{c} raises ${n}M Series {r} led by {i}",
    "Berlin-based {c} secures €{n}M to expand across Europe",
    "{i} leads ${n}M seed round in {c}",
    "{c} lays off {n}% of its staff",
    "{c} in talks to raise ${n}M at a ${v}B valuation",
]


def headlines() -> list[tuple[str, str]]:
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
        titles = [t for r in rows for t in r["titles"]]
        summary = (
            "The company said it will use the money to hire and expand, according to a statement."
        )
        return [(t, summary) for t in titles]
    rng = random.Random(7)
    return [
        (
            rng.choice(TEMPLATES).format(
                c=f"Co{i}", n=rng.randint(1, 900), r="ABC"[i % 3], i="Sequoia", v=rng.randint(1, 9)
            ),
            "",
        )
        for i in range(5000)
    ]


def bench_extract() -> dict:
    items = headlines()
    for title, summary in items[:200]:  # warm up regex caches
        extract(title, summary)
    start = time.perf_counter()
    for title, summary in items:
        extract(title, summary)
    elapsed = time.perf_counter() - start
    return {
        "name": "extraction (title + summary)",
        "stories": len(items),
        "per_second": round(len(items) / elapsed),
        "target": ">= 2000",
        "met": len(items) / elapsed >= 2000,
    }


def main() -> int:
    results = [bench_extract()]
    print(f"{'benchmark':32s} {'result':>16s}  target     met")
    for r in results:
        print(f"{r['name']:32s} {r['per_second']:>10,d} /s  {r['target']:9s}  {r['met']}")
    out = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} Python {platform.python_version()}",
        "results": results,
    }
    (HERE / "results.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
