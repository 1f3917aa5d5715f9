"""Channel subscriptions: which deals a channel wants. Pure functions: no store, no Slack.

    /deal subscribe min:5M max:50M round:seed,series-a keyword:fintech,AI location:Europe,India

Kinds of filter combine with AND, values of one kind with OR: the line above means "between
$5M and $50M, seed or Series A, mentioning fintech or AI, in Europe or India". A deal whose
amount (or round, or location) is unknown does not pass a filter on it: a channel that asked
for "under $20M" should not get rounds of unknown size.

Why keyword: and location: read up to the next filter (like /deal investor:): "location:Latin
America" and "keyword:machine learning" are one value each, without quoting rules to learn.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.extract.places import REGIONS, in_region, place_name
from bot.keys import company_keys, investor_key
from bot.lookup.query import (
    MAX_QUERY,
    QueryError,
    parse_amount,
    parse_round,
    parse_rumours,
    parse_sector,
)
from bot.models import Deal
from bot.render import money

MAX_VALUES = 20  # per kind: a filter list longer than this is a mistake, not a wish
MAX_KEYWORD = 60

_FILTER = re.compile(
    r"(?i)^(min|max|rounds?|-?keywords?|-?kw|locations?|loc|region|-?sectors?|rumou?rs|roundup)"
    r"[:=](.*)$"
)
_KEY = {"rounds": "round", "keywords": "keyword", "kw": "keyword", "locations": "location"}
_KEY.update({"loc": "location", "region": "location", "sectors": "sector", "-sectors": "-sector"})
_KEY.update({"-keywords": "-keyword", "-kw": "-keyword", "rumors": "rumours"})


class SubscriptionError(ValueError):
    """Filters we cannot read; `problems` lists each one, in the user's words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Subscription:
    """A channel's filters. Empty tuples / None mean "no filter of that kind"."""

    channel: str = ""
    min_usd: float | None = None
    max_usd: float | None = None
    rounds: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    not_sectors: tuple[str, ...] = ()
    not_rounds: tuple[str, ...] = ()
    not_keywords: tuple[str, ...] = ()
    rumours: str = ""  # "", "no" (leave rumours out) or "only"
    roundup: str = ""  # "weekly": the channel gets its own roundup of what its filters pass
    company: str = ""  # a person's follow: one company ("SenseTime") …
    investor: str = ""  # … or an investor's deals ("Sequoia")
    created_by: str = ""
    created_at: str = ""


def canonical_location(value: str) -> str | None:
    """A region name ("europe" → "Europe"), a known place ("Indian" → "India"), or any
    country by name or ISO code ("DE", "FRA", "Viet Nam"; pycountry), in the spelling deals
    are stored with; else None."""
    want = value.strip().strip("\"'").lower()
    for region in REGIONS:
        if region.lower() == want:
            return region
    return place_name(want) or _country(want)


_USUAL = {"GB": "UK", "TR": "Turkey", "CZ": "Czech Republic", "RU": "Russia"}


def _country(value: str) -> str | None:
    """Any ISO 3166 country by its name, official name or two- or three-letter code."""
    import pycountry

    if not value or len(value) > 60:
        return None
    try:
        country = pycountry.countries.lookup(value)
    except LookupError:
        return None
    names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
    usual = _USUAL.get(country.alpha_2)  # where the everyday name is none of ISO's
    for name in [usual, *names, country.alpha_2, country.alpha_3]:
        if name and place_name(name):
            return place_name(name)
    return next(n for n in names if n)


def parse_filters(text: str | None, *, channel: str = "", created_by: str = "") -> Subscription:
    """Read the words after `/deal subscribe`; raise SubscriptionError naming every problem."""
    raw = (text or "").strip()
    if len(raw) > MAX_QUERY:
        raise SubscriptionError([f"the filters are too long (over {MAX_QUERY} characters)"])
    values: dict[str, list[str]] = {
        "round": [],
        "keyword": [],
        "location": [],
        "sector": [],
        "-sector": [],
        "-keyword": [],
        "rumours": [],
        "roundup": [],
    }
    amounts: dict[str, float] = {}
    problems: list[str] = []
    current: str | None = None  # keyword:/location: keep reading words until the next filter
    for word in raw.split():
        m = _FILTER.match(word)
        if not m:
            if current in ("keyword", "-keyword", "location") and values[current]:
                first, *rest = word.split(",")
                values[current][-1] += " " + first
                values[current] += rest
                continue
            problems.append(f"`{word}` (filters look like `min:5M` or `round:seed`)")
            continue
        key = m.group(1).lower()
        key, value = _KEY.get(key, key), m.group(2)
        current = key
        if not value:
            if key in ("keyword", "-keyword", "location"):
                values[key].append("")  # the value follows as the next word
                continue
            problems.append(f"`{key}:` needs a value")
            continue
        if key in ("min", "max"):
            try:
                amounts[key] = parse_amount(value)
            except QueryError as exc:
                problems.append(str(exc))
            continue
        parts = value.split(",")
        if key in ("keyword", "-keyword", "location") and values[key] and not values[key][-1]:
            values[key][-1] = parts.pop(0)
        values[key] += parts
    wanted = [v for v in values["round"] if not v.strip().startswith("-")]
    rounds = _rounds(wanted, problems)
    not_rounds = _rounds(
        [v.strip()[1:] for v in values["round"] if v.strip().startswith("-")], problems
    )
    keywords = _keywords(values["keyword"], problems)
    not_keywords = _keywords(values["-keyword"], problems)
    sectors = _sectors([v for v in values["sector"] if not v.startswith("-")], problems)
    not_sectors = _sectors(
        values["-sector"] + [v[1:] for v in values["sector"] if v.startswith("-")], problems
    )
    roundup = ""
    for value in values["roundup"]:
        if value.strip().lower() in ("weekly", "yes", "on"):
            roundup = "weekly"
        elif value.strip().lower() not in ("no", "off", "none"):
            problems.append(f"`roundup:{value}` (write roundup:weekly)")
    rumours = ""
    for value in values["rumours"]:
        try:
            rumours = parse_rumours(value)
        except QueryError as exc:
            problems.append(str(exc))
    locations = _locations(values["location"], problems)
    low, high = amounts.get("min"), amounts.get("max")
    if low is not None and high is not None and low > high:
        problems.append(f"min ({money(low, 'USD')}) is more than max ({money(high, 'USD')})")
    if problems:
        raise SubscriptionError(problems)
    return Subscription(
        channel=channel,
        min_usd=low,
        max_usd=high,
        rounds=rounds,
        keywords=keywords,
        locations=locations,
        sectors=sectors,
        not_sectors=not_sectors,
        not_rounds=not_rounds,
        not_keywords=not_keywords,
        rumours=rumours,
        roundup=roundup,
        created_by=created_by,
    )


def _sectors(raw: list[str], problems: list[str]) -> tuple[str, ...]:
    out = []
    for value in (v.strip() for v in raw):
        if not value:
            continue
        try:
            out.append(parse_sector(value))
        except QueryError as exc:
            problems.append(str(exc))
    return _limited(out, "sector", problems)


def _rounds(raw: list[str], problems: list[str]) -> tuple[str, ...]:
    out = []
    for value in (v.strip() for v in raw):
        if not value:
            continue
        try:
            out.append(parse_round(value))
        except QueryError as exc:
            problems.append(str(exc))
    return _limited(out, "round", problems)


def _keywords(raw: list[str], problems: list[str]) -> tuple[str, ...]:
    out = []
    for value in (" ".join(v.strip("\"'“” ").split()) for v in raw):
        if not value:
            continue
        if len(value) > MAX_KEYWORD or not re.search(r"\w", value):
            problems.append(f"the keyword `{value[:MAX_KEYWORD]}`")
            continue
        out.append(value)
    return _limited(out, "keyword", problems)


def _locations(raw: list[str], problems: list[str]) -> tuple[str, ...]:
    out = []
    for value in (v.strip() for v in raw):
        if not value:
            continue
        name = canonical_location(value)
        if name is None:
            problems.append(f"the location `{value}` (try a region: {', '.join(REGIONS)})")
        else:
            out.append(name)
    return _limited(out, "location", problems)


def _limited(values: list[str], kind: str, problems: list[str]) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(values))
    if len(unique) > MAX_VALUES:
        problems.append(f"more than {MAX_VALUES} {kind} values")
    return unique[:MAX_VALUES]


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Case-insensitive, on word boundaries ("AI" matches "AI-powered", not "Thai" or "said");
    lookarounds rather than \\b so keywords that end in a symbol ("C++") still work."""
    words = r"\s+".join(re.escape(w) for w in keyword.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def matches(sub: Subscription, deal: Deal, story_texts: Iterable[str] = ()) -> bool:
    """Does `deal` pass every filter of `sub`? Keywords look at the company and `story_texts`
    (the titles and summaries of the stories that reported it)."""
    if sub.company and not same_company_name(sub.company, deal):
        return False
    if sub.investor and not backed_by(sub.investor, deal):
        return False
    amount = deal.amount_usd
    if sub.min_usd is not None and (amount is None or amount < sub.min_usd):
        return False
    if sub.max_usd is not None and (amount is None or amount > sub.max_usd):
        return False
    if sub.rounds and deal.round not in sub.rounds:
        return False
    if sub.not_rounds and deal.round in sub.not_rounds:
        return False
    if sub.sectors and not set(sub.sectors) & set(deal.sectors):
        return False
    if set(sub.not_sectors) & set(deal.sectors):
        return False
    if sub.rumours == "no" and deal.is_rumor or sub.rumours == "only" and not deal.is_rumor:
        return False
    if sub.locations and not any(in_region(deal.location, loc) for loc in sub.locations):
        return False
    if sub.keywords or sub.not_keywords:
        haystack = "\n".join([deal.company or "", *story_texts])
        if sub.keywords and not any(keyword_pattern(k).search(haystack) for k in sub.keywords):
            return False
        if any(keyword_pattern(k).search(haystack) for k in sub.not_keywords):
            return False
    return True


def same_company_name(name: str, deal: Deal) -> bool:
    """Is `name` the deal's company, or a product it is known by ("Cursor")?"""
    want = set(company_keys(name))
    return bool(want) and bool(
        want & {k for n in (deal.company, *deal.aliases) if n for k in company_keys(n)}
    )


def backed_by(investor: str, deal: Deal) -> bool:
    """Did `investor` lead or join the round? "Sequoia" means "Sequoia Capital" too."""
    want = investor_key(investor)
    if not want:
        return False
    keys = {investor_key(n) for n in (*deal.lead_investors, *deal.investors)}
    return any(k == want or (len(want) >= 4 and k.startswith(want)) for k in keys)


def describe(sub: Subscription) -> str:
    """The filters in words: "at least $5M · seed or series-a · keywords fintech, AI"."""
    parts = []
    if sub.company:
        parts.append(f"“{sub.company}”")
    if sub.investor:
        parts.append(f"investor “{sub.investor}”")
    if sub.min_usd is not None and sub.max_usd is not None:
        parts.append(f"{money(sub.min_usd, 'USD')} to {money(sub.max_usd, 'USD')}")
    elif sub.min_usd is not None:
        parts.append(f"at least {money(sub.min_usd, 'USD')}")
    elif sub.max_usd is not None:
        parts.append(f"at most {money(sub.max_usd, 'USD')}")
    if sub.rounds:
        parts.append(" or ".join(sub.rounds))
    if sub.keywords:
        parts.append("keywords " + ", ".join(sub.keywords))
    if sub.locations:
        parts.append("in " + " or ".join(sub.locations))
    if sub.sectors:
        parts.append("sector " + " or ".join(sub.sectors))
    parts += [f"not {v}" for v in (*sub.not_sectors, *sub.not_rounds)]
    if sub.not_keywords:
        parts.append("without " + ", ".join(sub.not_keywords))
    if sub.rumours:
        parts.append("no rumours" if sub.rumours == "no" else "rumours only")
    if sub.roundup:
        parts.append("its own weekly roundup")
    return " · ".join(parts) or "every deal"


def to_json(sub: Subscription) -> str:
    """The filters as stored in subscriptions.filters (channel and author have columns)."""
    return json.dumps(
        {
            "min_usd": sub.min_usd,
            "max_usd": sub.max_usd,
            "rounds": list(sub.rounds),
            "keywords": list(sub.keywords),
            "locations": list(sub.locations),
            "sectors": list(sub.sectors),
            "not_sectors": list(sub.not_sectors),
            "not_rounds": list(sub.not_rounds),
            "not_keywords": list(sub.not_keywords),
            "rumours": sub.rumours,
            "roundup": sub.roundup,
            "company": sub.company,
            "investor": sub.investor,
        }
    )


def from_row(row: dict) -> Subscription:
    """A subscriptions row back into a Subscription; unknown JSON keys are ignored."""
    data = json.loads(row.get("filters") or "{}")
    return Subscription(
        channel=row["channel"],
        min_usd=data.get("min_usd"),
        max_usd=data.get("max_usd"),
        rounds=tuple(data.get("rounds") or ()),
        keywords=tuple(data.get("keywords") or ()),
        locations=tuple(data.get("locations") or ()),
        sectors=tuple(data.get("sectors") or ()),
        not_sectors=tuple(data.get("not_sectors") or ()),
        not_rounds=tuple(data.get("not_rounds") or ()),
        not_keywords=tuple(data.get("not_keywords") or ()),
        rumours=str(data.get("rumours") or ""),
        roundup=str(data.get("roundup") or ""),
        company=str(data.get("company") or ""),
        investor=str(data.get("investor") or ""),
        created_by=row.get("created_by") or "",
        created_at=row.get("created_at") or "",
    )


_INVESTOR = re.compile(r"(?i)^(?:investor|investors|inv)[:=](.*)$")


def parse_follow(text: str | None, *, channel: str = "", created_by: str = "") -> Subscription:
    """A person's follow: a company ("SenseTime"), `investor:Sequoia Capital`, and any of the
    subscription filters (`sector:climate round:seed min:2M`). Raises SubscriptionError."""
    words = (text or "").split()
    company: list[str] = []
    investor: list[str] = []
    filters: list[str] = []
    reading = "company"
    for word in words:
        m = _INVESTOR.match(word)
        if m:
            reading = "investor"
            if m.group(1):
                investor.append(m.group(1))
        elif _FILTER.match(word):
            reading = "filters"
            filters.append(word)
        elif reading == "investor":
            investor.append(word)
        elif reading == "filters":
            filters.append(word)  # keyword:/location: values spanning words
        else:
            company.append(word)
    sub = parse_filters(" ".join(filters), channel=channel, created_by=created_by)
    name, backer = " ".join(company).strip("\"'“”"), " ".join(investor).strip("\"'“”")
    if len(name) > MAX_KEYWORD or len(backer) > MAX_KEYWORD:
        raise SubscriptionError([f"a name longer than {MAX_KEYWORD} characters"])
    if not (name or backer or filters):
        raise SubscriptionError(["nothing to follow (try `SenseTime` or `investor:Sequoia`)"])
    return replace(sub, company=name, investor=backer)
