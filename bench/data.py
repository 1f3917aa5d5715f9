"""Synthetic, seeded data for the benchmarks: headlines, companies, feeds.

Headlines come from templates written in the style of real funding-news titles (TechCrunch,
EU-Startups, Inc42, FinSMEs...), filled with invented company names, real-sounding amounts and
public VC names. Same seed, same data, on every machine. About 40% of titles are not deals, as
in real startup feeds.
"""

from __future__ import annotations

import functools
import itertools
import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

EPOCH_END = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)  # stored data ends here

FUNDING = [
    "{c} raises ${n}M Series {r} led by {i}",
    "{c} raises ${n}M Series {r} led by {i} and {j}",
    "{city}-based {c} secures €{n}M to expand across Europe",
    "{i} leads ${n}M seed round in {c}",
    "{c} lands ${n}M Series {r} at a ${v}B valuation",
    "Exclusive: {c} bags ${n}M from {i}, {j}",
    "{c}, which builds {what}, raises ${n}M",
    "{c} closes £{n}M Series {r} to grow its {what} platform",
    "{c} snags ${n} million in Series {r} funding led by {i}",
    "{c} picks up ${n}M to take on {rival}",
    "{c} raises ₹{n} Cr in pre-Series A round led by {i}",
    "{c} nabs ${n}M seed to build {what}",
    "{city}'s {c} raises ${n}M Series {r} from {i}",
]
RUMOUR = [
    "{c} in talks to raise ${n}M at a ${v}B valuation",
    "{c} is said to be raising ${n}M led by {i}",
    "Sources: {i} in talks to lead ${n}M round in {c}",
]
OTHER = [
    "{c} lays off {p}% of its staff",
    "{c} launches {what} for small businesses",
    "{rival} acquires {c} for ${n}M",
    "{c} files to go public on Nasdaq",
    "{i} closes ${n}M fund to back early-stage startups",
    "Startups Weekly: what {c}'s pivot means for {what}",
    "{c} CEO steps down after {p} months",
    "The 10 best {what} startups to watch this year",
    "{c} opens its first office in {city}",
]
INVESTORS = [
    "Sequoia Capital",
    "Accel",
    "Andreessen Horowitz",
    "Index Ventures",
    "Lightspeed",
    "General Catalyst",
    "Balderton Capital",
    "Tiger Global",
    "SoftBank Vision Fund",
    "Y Combinator",
    "Northzone",
    "Atomico",
    "Kleiner Perkins",
    "Greylock",
    "Founders Fund",
    "Insight Partners",
    "Peak XV Partners",
    "Elevation Capital",
    "Creandum",
    "Point Nine",
    "Khosla Ventures",
    "Benchmark",
    "Bessemer Venture Partners",
    "Felicis",
    "Eurazeo",
    "Partech",
    "HV Capital",
]
CITIES = [
    "Berlin",
    "Paris",
    "London",
    "Bengaluru",
    "Lagos",
    "Stockholm",
    "Madrid",
    "Austin",
    "Singapore",
    "Amsterdam",
    "Nairobi",
    "Toronto",
    "Warsaw",
    "Tel Aviv",
]
WHAT = [
    "AI agents",
    "payroll software",
    "climate analytics",
    "battery recycling",
    "B2B payments",
    "dev tools",
    "robotic warehouses",
    "telehealth",
    "insurance APIs",
    "fraud detection",
    "EV charging",
    "legal AI",
    "quantum sensors",
    "creator tools",
    "cybersecurity",
]
RIVALS = ["Stripe", "Salesforce", "Shopify", "Rippling", "Databricks", "Canva", "Revolut"]
_SYL = [
    "ar",
    "bel",
    "co",
    "da",
    "ex",
    "fi",
    "gra",
    "hy",
    "io",
    "jo",
    "ka",
    "lu",
    "mo",
    "nex",
    "or",
    "pi",
    "qua",
    "ra",
    "sol",
    "ti",
    "ul",
    "ve",
    "wa",
    "xo",
    "ya",
    "ze",
    "tro",
    "vi",
    "len",
    "mar",
    "sen",
    "dro",
    "flo",
    "gen",
    "kin",
    "lox",
    "myr",
    "nov",
    "pax",
    "rho",
]
_END = ["", "", "", " AI", " Labs", " Health", "ly", "ify", " Pay", " Bio", "io", " Robotics"]


# A name's first three letters decide its fuzzy-match bucket (bot.keys.key_prefix), so they
# must spread like real names do: ~2,000 consonant-vowel-consonant openings, Zipf-weighted
# (a few such as "pro" or "int" are common, most are rare), instead of 40 syllables.
_OPEN = [c + v + e for c in "bcdfghjklmnprstvwxyz" for v in "aeiou" for e in "bcdfgklmnprstvxz"]
random.Random(0).shuffle(_OPEN)
_OPEN_CUM = list(itertools.accumulate(1 / (rank + 1) ** 0.5 for rank in range(len(_OPEN))))


def _word(rng: random.Random) -> str:
    first = rng.choices(_OPEN, cum_weights=_OPEN_CUM)[0]
    rest = "".join(rng.choice(_SYL) for _ in range(rng.randint(1, 2)))
    return (first + rest).capitalize()


def company_name(rng: random.Random) -> str:
    name = _word(rng)
    if rng.random() < 0.3:  # widen the space as real names do: a second word
        name += " " + _word(rng)
    return name + rng.choice(_END)


@functools.cache
def companies(n: int, seed: int = 1) -> list[str]:
    """n distinct invented company names (seeded)."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen.setdefault(company_name(rng), None)
    return list(seen)  # cached: callers must not change it


def headline(rng: random.Random, company: str, kind: str = "") -> tuple[str, str]:
    """(kind, title); kind is 'funding', 'rumor' or 'other' (before extraction decides)."""
    kind = kind or rng.choices(["funding", "rumor", "other"], [55, 5, 40])[0]
    pool = {"funding": FUNDING, "rumor": RUMOUR, "other": OTHER}[kind]
    i, j = rng.sample(INVESTORS, 2)
    title = rng.choice(pool).format(
        c=company,
        n=rng.choice([2, 5, 8, 12, 15, 20, 25, 30, 40, 50, 75, 100, 150, 250]),
        r=rng.choice("ABCD"),
        i=i,
        j=j,
        v=rng.randint(1, 12),
        p=rng.randint(5, 40),
        city=rng.choice(CITIES),
        what=rng.choice(WHAT),
        rival=rng.choice(RIVALS),
    )
    return kind, title


def summary(rng: random.Random, company: str, title: str) -> str:
    return (
        f"{title}. {company} said it will use the money to hire engineers and expand into "
        f"{rng.choice(CITIES)}, according to a statement. The round brings its total "
        f"funding to ${rng.randint(10, 400)}M."
    )


def rss(title: str, items: list[dict]) -> bytes:
    """An RSS 2.0 document like a WordPress feed: title, link, guid, pubDate, description."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n',
        f"<title>{escape(title)}</title>\n<link>https://example.com/</link>\n"
        "<description>dealbot benchmark feed</description>\n",
    ]
    for it in items:
        out.append(
            f"<item>\n<title>{escape(it['title'])}</title>\n<link>{escape(it['link'])}</link>\n"
            f'<guid isPermaLink="false">{escape(it["guid"])}</guid>\n'
            f"<pubDate>{format_datetime(it['published'])}</pubDate>\n"
            f"<dc:creator><![CDATA[Bench Desk]]></dc:creator>\n"
            f"<description><![CDATA[<p>{escape(it['summary'])}</p>]]></description>\n</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def feed_items(
    rng: random.Random,
    feed: int,
    count: int,
    *,
    start: int = 0,
    end: datetime = EPOCH_END,
    names: list[str] | None = None,
) -> list[dict]:
    """`count` items for feed number `feed`, newest first, items start..start+count."""
    names = names or companies(2000, seed=99)
    items = []
    for k in range(start + count - 1, start - 1, -1):
        company = rng.choice(names)
        _, title = headline(rng, company)
        items.append(
            {
                "title": title,
                "link": f"https://news{feed}.example.com/{k}/{company.lower().replace(' ', '-')}/",
                "guid": f"https://news{feed}.example.com/?p={k}",
                "published": end - timedelta(minutes=7 * (start + count - k) + feed),
                "summary": summary(rng, company, title),
            }
        )
    return items


def feed_bytes(
    feed: int, count: int = 30, *, seed: int = 0, start: int = 0, end: datetime = EPOCH_END
) -> bytes:
    rng = random.Random(seed * 100_003 + feed)
    return rss(f"Bench outlet {feed}", feed_items(rng, feed, count, start=start, end=end))
