"""A store with known deals (real companies and rounds, plus hostile names) for /deal tests,
and the hostile queries every /deal surface must survive."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.keys import company_key, key_prefix
from bot.models import Deal, Story
from bot.store import Store

NOW = datetime.now(timezone.utc).replace(microsecond=0)

# company, days ago, amount USD, round, leads, investors
DEALS = [
    (
        "SenseTime",
        400,
        600e6,
        "series-c",
        ["Alibaba"],
        ["Alibaba", "Qualcomm", "Temasek", "Suning"],
    ),
    (
        "SenseTime",
        700,
        410e6,
        "series-b",
        ["CDH Investments"],
        ["CDH Investments", "Sailing Capital"],
    ),
    ("Anysphere (Cursor)", 20, 900e6, "series-c", ["Thrive Capital"], ["Thrive Capital", "a16z"]),
    ("Sensely", 5, 15e6, "series-a", ["Sequoia Capital"], ["Sequoia Capital"]),
    ("Mistral AI", 3, 640e6, "series-b", ["General Catalyst"], ["General Catalyst", "Nvidia"]),
    ("<!channel> Corp", 2, 1e6, "seed", ["<@U123>"], ["Evil & Co"]),
    *[
        (f"Seedling {i}", i, 1e6 + i, "seed", ["Y Combinator"], ["Y Combinator"])
        for i in range(1, 15)
    ],
]


def add_deal(
    store: Store,
    company: str,
    days: int,
    usd: float | None,
    rnd: str | None,
    leads: list[str],
    investors: list[str],
    link: str | None = None,
) -> int:
    when = NOW - timedelta(days=days)
    key = company_key(company.split(" (")[0])
    deal = Deal(
        company=company,
        company_key=key,
        status="confirmed",
        announced=when,
        amount=usd,
        currency="USD",
        amount_usd=usd,
        round=rnd,
        lead_investors=tuple(leads),
        investors=tuple(investors),
    )
    link = link or f"https://news.example/{key}/{days}"
    story = Story(link, f"{company} raises", published=when, outlet="News & Co")
    with store.transaction() as db:
        sid = store.add_story(db, story, link, "funding", {}, when)
        store.save_deal(db, deal, prefix=key_prefix(key), announce=True)
        store.add_source(db, deal.id, sid, story)
    return deal.id  # type: ignore[return-value]


def make_store(path: Path) -> Store:
    store = Store(str(path / "deals.db"))
    for row in DEALS:
        add_deal(store, *row)
    return store


BAD = [
    '"',
    '""',
    '"SenseTime',
    "*",
    "Sense*",
    "NEAR(Sense Time)",
    "Sense OR Time",
    "company:SenseTime",
    "col:x",
    "^Sense",
    "a AND (b",
    "-x",
    "🚀🚀",
    "🚀 SenseTime",
    "شركة ناشئة",
    "\u202eemiTesneS",
    "<!channel>",
    "<@U123> &amp;",
    "x" * 5000,
    'investor:"',
    "investor:*",
    "investor:NEAR(",
    "investor:🚀",
    "\x00\x01",
    "' OR 1=1 --",
]
