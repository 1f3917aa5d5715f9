"""Synthetic dealbot databases (N stories, N/5 deals), built once and cached in bench/.cache/.

Shape, per 1,000 stories: 200 deals, 600 deal stories (3 outlets per deal on average) and 400
other stories (launches, layoffs, funds), as in real startup feeds. Stories arrive at a steady
1,000 a day, so a bigger database covers a longer past (10k stories = 10 days, 1M = 1,000 days);
a fifth of the companies raise more than once. Every row is written directly with executemany in
big transactions, into the schema that bot.store's migrations create (a Store is opened first).

The cache file name carries a fingerprint of that schema: when a migration changes it, the
database is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.common import CACHE
from bench.data import CITIES, EPOCH_END, INVESTORS, companies, headline, summary
from bot.clock import iso
from bot.feeds.links import link_key
from bot.keys import company_key, key_prefix
from bot.store import Store
from bot.store.schema import index_investors

VERSION = 3  # bump when the generated data changes
# Stories a day. Low enough that even the 10k database spans more than the matching window
# (2 x 60 days), so both sizes have a full window of candidates and the comparison measures the
# database's size, not how much of the window a young database happens to fill.
PER_DAY = 60
ROUNDS = ["seed", "series-a", "series-b", "series-c", "series-d", None]
OUTLETS = [
    "TechCrunch",
    "EU-Startups",
    "Tech.eu",
    "FinSMEs",
    "Inc42",
    "YourStory",
    "Entrackr",
    "TechCabal",
    "Silicon Canals",
    "Crunchbase News",
]
BATCH = 50_000


def schema_fingerprint() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "schema.db"))
        sql = [
            r[0] or ""
            for r in store.db.conn.execute("select sql from sqlite_master order by type, name")
        ]
        store.close()
    return hashlib.sha256("\n".join(sql).encode()).hexdigest()[:12]


def path_for(stories: int) -> Path:
    return CACHE / f"dealbot-{stories}-v{VERSION}-{schema_fingerprint()}.db"


def ensure(stories: int, log=print) -> Path:
    """The cached database with `stories` stories, built first if missing."""
    path = path_for(stories)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"dealbot-{stories}-v*.db"):  # an older schema or generator
        stale.unlink()
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    start = time.perf_counter()
    build(tmp, stories)
    tmp.rename(path)
    log(f"  built {path.name} in {time.perf_counter() - start:.0f} s")
    return path


def deal_company_names(n_deals: int) -> list[str]:
    """A company per deal; a fifth of the deals are a later round of an earlier company."""
    names = companies(int(n_deals * 0.8) + 1, seed=11)
    rng = random.Random(12)
    return [names[d] if d < len(names) else rng.choice(names) for d in range(n_deals)]


def build(path: Path, n_stories: int) -> None:
    Store(str(path)).close()  # the schema, exactly as the migrations make it
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(n_stories)
    n_deals = n_stories // 5
    days = n_stories / PER_DAY
    start = EPOCH_END - timedelta(days=days)
    names = deal_company_names(n_deals)
    other_names = companies(5000, seed=13)

    deals, stories, sources = [], [], []
    story_id = 0

    def flush() -> None:
        with conn:
            conn.executemany(DEAL_SQL, deals)
            conn.executemany(STORY_SQL, stories)
            conn.executemany(SOURCE_SQL, sources)
        deals.clear(), stories.clear(), sources.clear()

    for d in range(n_deals):
        # deals in date order; each deal brings 3 deal stories and 2 other stories
        when = start + timedelta(days=days * (d + rng.random()) / n_deals)
        company = names[d]
        key = company_key(company)
        rnd = rng.choice(ROUNDS)
        usd = rng.choice([2, 5, 8, 12, 20, 30, 50, 75, 100, 250]) * 1e6
        leads = rng.sample(INVESTORS, rng.randint(1, 2))
        titles = []
        for _ in range(3):
            story_id += 1
            _, title = headline(rng, company, "funding")
            titles.append(title)
            outlet = rng.choice(OUTLETS)
            published = iso(when + timedelta(hours=rng.randint(0, 30)))
            link = f"https://{outlet.lower().replace(' ', '')}.example.com/{d}/{story_id}/"
            extraction = {
                "kind": "funding",
                "company": company,
                "amount": usd,
                "currency": "USD",
                "amount_usd": usd,
                "round": rnd,
                "lead_investors": leads,
            }
            stories.append(
                (
                    story_id,
                    link_key(link),
                    link,
                    f"{link}#guid",
                    title,
                    summary(rng, company, title),
                    published,
                    published,
                    outlet,
                    "funding",
                    d + 1,
                    json.dumps(extraction),
                )
            )
            sources.append((d + 1, story_id, outlet, title, link, published))
        for _ in range(2):
            story_id += 1
            other = rng.choice(other_names)
            _, title = headline(rng, other, "other")
            published = iso(when + timedelta(hours=rng.randint(0, 30)))
            link = f"https://blog{story_id % 97}.example.com/p/{story_id}/"
            stories.append(
                (
                    story_id,
                    link_key(link),
                    link,
                    f"{link}#guid",
                    title,
                    summary(rng, other, title),
                    published,
                    published,
                    "Blog",
                    "other",
                    None,
                    json.dumps({"kind": "other"}),
                )
            )
        deals.append(
            (
                d + 1,
                company,
                key,
                key_prefix(key),
                "confirmed",
                iso(when),
                usd,
                "USD",
                usd,
                rnd,
                None,
                None,
                rng.choice(CITIES),
                json.dumps(leads),
                json.dumps(leads + rng.sample(INVESTORS, 2)),
                " | ".join(titles),
                0,
                iso(when),
                iso(when),
            )
        )
        if len(stories) >= BATCH:
            flush()
    flush()
    with conn:
        index_investors(conn)  # what save_deal keeps up to date, in one statement
    conn.execute("PRAGMA optimize")
    conn.close()


DEAL_SQL = (
    "insert into deals (id, company, company_key, company_prefix, status, announced, amount, "
    "currency, amount_usd, round, valuation, valuation_currency, location, lead_investors, "
    "investors, titles, announce, created_at, updated_at) "
    "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
STORY_SQL = (
    "insert into stories (id, link_key, link, guid, title, summary, published, first_seen, "
    "outlet, kind, deal_id, extraction) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SOURCE_SQL = (
    "insert into deal_sources (deal_id, story_id, outlet, title, link, published) "
    "values (?, ?, ?, ?, ?, ?)"
)


def recent_deals(path: Path, days: int = 40, limit: int = 2000) -> list[tuple[str, str, float]]:
    """(company, round, amount_usd) of deals in the last `days`: stories about them will match."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "select company, round, amount_usd from deals where announced >= ? "
        "order by announced desc limit ?",
        [iso(EPOCH_END - timedelta(days=days)), limit],
    ).fetchall()
    conn.close()
    return rows
