"""/deal handler latency on a synthetic DB (default 1M stories / 200k deals, under bench/.cache).

`python -m bench.deal_bench [--deals N] [--stories N]` prints p50/p99 of the whole handler
(parse, indexed search, Block Kit) for company, typo, investor, filter, top and no-match
queries. Target: p99 <= 50 ms. The DB is built once (the store's own schema: FTS triggers and
indexes as in production) and reused while its size matches.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest.mock import Mock

from bot.keys import company_key, key_prefix
from bot.store import Store
from bot.store.schema import index_investors
from handlers.deal import make_deal_command

CACHE = Path(__file__).resolve().parent / ".cache"
SYL = [
    "sen",
    "se",
    "ti",
    "me",
    "mis",
    "tral",
    "ny",
    "ka",
    "zo",
    "lu",
    "vi",
    "ra",
    "qu",
    "an",
    "dex",
    "flo",
    "gri",
    "hy",
    "pho",
    "ton",
    "ver",
    "wa",
    "xi",
    "bo",
    "cel",
    "do",
]
INVESTORS = [
    "Sequoia Capital",
    "Alibaba",
    "Tencent",
    "Accel",
    "Index Ventures",
    "a16z",
    "Tiger Global",
    "SoftBank",
    "Temasek",
    "Lightspeed",
    "General Catalyst",
    "Y Combinator",
]
ROUNDS = ["seed", "series-a", "series-b", "series-c", "series-d", "growth", "pre-seed"]


def build(path: Path, deals: int, stories: int) -> Store:
    rng = random.Random(1)
    store = Store(str(path))
    now = datetime.now(timezone.utc)
    db = store.db
    with db.conn:
        deal_rows, source_rows = [], []
        for i in range(1, deals + 1):
            name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))).capitalize()
            name = f"{name} {i}" if rng.random() < 0.5 else name
            key = company_key(name)
            when = (now - timedelta(days=rng.random() * 1500)).isoformat()
            invs = rng.sample(INVESTORS, rng.randint(1, 4))
            usd = rng.choice([None, rng.randint(1, 900) * 1e6])
            title = f"{name} raises {usd or 'undisclosed'} led by {invs[0]}"
            deal_rows.append(
                (
                    i,
                    name,
                    key,
                    key_prefix(key),
                    "confirmed",
                    when,
                    usd,
                    "USD",
                    usd,
                    rng.choice(ROUNDS),
                    json.dumps(invs[:1]),
                    json.dumps(invs),
                    title,
                )
            )
            source_rows.append((i, i, "News", title, f"https://news.example/{i}", when))
        db.conn.executemany(
            "insert into deals (id, company, company_key, company_prefix, status, announced, "
            "amount, currency, amount_usd, round, lead_investors, investors, titles) "
            "values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            deal_rows,
        )
        db.conn.executemany(
            "insert into deal_sources (deal_id, story_id, outlet, title, link, published) "
            "values (?,?,?,?,?,?)",
            source_rows,
        )
        db.conn.executemany(
            "insert into stories (id, link_key, link, title, deal_id) values (?,?,?,?,?)",
            (
                (
                    i,
                    f"news.example/s{i}",
                    f"https://news.example/s{i}",
                    f"Story {i}",
                    i if i <= deals else None,
                )
                for i in range(1, stories + 1)
            ),
        )
        index_investors(db.conn)
    return store


def open_db(deals: int, stories: int) -> Store:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"deal-{deals}-{stories}.db"
    if path.exists():
        return Store(str(path))
    print(f"building {path.name} …", flush=True)
    return build(path, deals, stories)


QUERIES = {
    "company": ["Senti 17", "Mistral", "Kazo", "Sense Time", "Luvi"],
    "typo": ["Sentme", "Kazzo", "Mistrl"],
    "investor": ["investor:Alibaba", "investor:Sequoia Capital", "investor:Y Combinator"],
    "filter": [
        "round:series-a since:30d",
        "min:500M since:90d",
        "round:seed min:10M",
        "investor:Temasek round:series-c since:2025-01-01",
    ],
    "top": ["top 7d", "top 30d"],
    "no-match": ["Zzyzx Quantum", "Qqqqq", "investor:Nobody Capital"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deals", type=int, default=200_000)
    parser.add_argument("--stories", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    store = open_db(args.deals, args.stories)
    handler = make_deal_command(store)
    print(
        f"{'query':10s} {'p50 ms':>8s} {'p99 ms':>8s}  (deals={args.deals}, stories={args.stories})"
    )
    for name, texts in QUERIES.items():
        times = []
        for i in range(args.repeat):
            text = texts[i % len(texts)]
            start = time.perf_counter()
            handler(ack=Mock(), respond=Mock(), command={"text": text})
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{name:10s} {statistics.median(times):8.2f} {p99:8.2f}")


if __name__ == "__main__":
    main()
