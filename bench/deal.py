"""4. /deal: handler time, request -> answer, on 1M stories / 200k deals; p50 / p99 per kind.

The handler is handlers.deal.make_deal_command (parse, indexed search, Block Kit answer; ack and
respond are stubs). Two databases:
- the /deal owner's bench/deal_bench.py database and query set (imported, not copied), and
- bench/synthdb.py's 1M-story database (the one the matching benchmark uses), with queries of
  our own for its company and investor names.
If deal_bench.py cannot be imported, only the second is measured, and the row says so.
"""

from __future__ import annotations

import statistics
import time
from unittest.mock import Mock

from bench import synthdb
from bench.common import row
from bot.store import Store

REPEAT = 100
TARGET_MS = 50.0


def our_queries(path) -> dict[str, list[str]]:
    names = [r[0] for r in synthdb.recent_deals(path, days=400, limit=50)]
    return {
        "company": names[:10] + [names[0].lower(), names[1][:-1] + "x"],  # exact, case, typo
        "investor": ["investor:Accel", "investor:Sequoia Capital", "investor:Northzone"],
        "filter": [
            "round:series-a since:30d",
            "min:100M since:90d",
            "round:seed min:10M",
            "investor:Atomico round:series-b since:2025-01-01",
            f"{names[2]} round:seed",
        ],
        "no-match": ["Zzyzx Quantum", "Qqqqq", "investor:Nobody Capital"],
    }


def percentiles(handler, queries: dict[str, list[str]]) -> dict[str, dict]:
    out = {}
    for kind, texts in queries.items():
        for text in texts:  # warm-up: first touch of each query's pages
            handler(ack=Mock(), respond=Mock(), command={"text": text})
        times = []
        for i in range(REPEAT):
            text = texts[i % len(texts)]
            start = time.perf_counter()
            handler(ack=Mock(), respond=Mock(), command={"text": text})
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[kind] = {
            "p50_ms": round(statistics.median(times), 2),
            "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2),
            "queries": len(texts),
        }
    return out


def _rows(label: str, stats: dict[str, dict], **details) -> list[dict]:
    return [
        row(
            f"/deal {kind} ({label})",
            f"p50 {s['p50_ms']:.1f} / p99 {s['p99_ms']:.1f} ms",
            f"p99 <= {TARGET_MS:g} ms",
            s["p99_ms"] <= TARGET_MS,
            **s,
            **details,
        )
        for kind, s in stats.items()
    ]


def run(log=print) -> list[dict]:
    from handlers.deal import make_deal_command

    rows: list[dict] = []
    try:
        from bench import deal_bench
    except Exception as exc:  # noqa: BLE001 - the other benchmark is optional
        log(f"  bench/deal_bench.py not usable ({type(exc).__name__}: {exc}); synthdb only")
        deal_bench = None
    if deal_bench is not None:
        store = deal_bench.open_db(200_000, 1_000_000)
        stats = percentiles(make_deal_command(store), dict(deal_bench.QUERIES))
        counts = {"stories": store.count("stories"), "deals": store.count("deals")}
        store.close()
        rows += _rows(
            "deal_bench db", stats, db=counts, source="bench/deal_bench.py (open_db, QUERIES)"
        )
    path = synthdb.ensure(1_000_000, log=log)
    store = Store(str(path))
    try:
        stats = percentiles(make_deal_command(store), our_queries(path))
        counts = {"stories": store.count("stories"), "deals": store.count("deals")}
    finally:
        store.close()
    rows += _rows("synthdb", stats, db=counts, source="bench/synthdb.py")
    return rows


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
