"""Is this story a deal we already know? Pure decisions over dataclasses; storage is the caller's.

A story joins a deal when the company is the same (normalised, fuzzy at a high threshold), the
amounts agree within ~10% after conversion (or one is unknown), the rounds agree (or one is
unknown) and the dates are close. Two rounds of one company stay two deals.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from bot.extract.rates import to_usd
from bot.models import Deal, Extraction, Source, Story

WINDOW = timedelta(days=60)
FUZZY_THRESHOLD = 92
AMOUNT_TOLERANCE = 0.10

_SUFFIX = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|gmbh|sas|sa|ag|corp|co|plc|bv|pvt|ai|labs?"
    r"|technologies|technology|tech|hq|app|group|holdings)\b\.?$"
)
_ALIAS = re.compile(r"^(.*?)\s*\((.+?)\)\s*$")


def company_keys(name: str) -> list[str]:
    """Normalised keys for a company name; "Anysphere (Cursor)" gives one key for each name."""
    m = _ALIAS.match(name or "")
    names = [m.group(1), m.group(2)] if m else [name or ""]
    keys = [company_key(n) for n in names]
    return [k for k in dict.fromkeys(keys) if k]


def company_key(name: str) -> str:
    """Case, accents, punctuation, possessives and legal/"AI" suffixes do not matter."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s]+", " ", text).strip()
    for _ in range(3):
        stripped = _SUFFIX.sub("", text).strip()
        if not stripped or stripped == text:
            break
        text = stripped
    return re.sub(r"[\s_]+", "", text)


def story_keys(found: Extraction) -> list[str]:
    """Keys a story can match on: its company's, then its aliases' (product names)."""
    keys = company_keys(found.company or "")
    for alias in found.aliases:
        keys += company_keys(alias)
    return list(dict.fromkeys(keys))


def deal_keys(deal: Deal) -> list[str]:
    """Keys a deal can be matched on: its company key, then its aliases' keys."""
    keys = [deal.company_key] if deal.company_key else []
    for alias in deal.aliases:
        keys += company_keys(alias)
    return list(dict.fromkeys(keys))


def alias_hit(deal: Deal, found: Extraction) -> bool:
    """Do the story and the deal share a product name (an alias on either side)? Weaker than a
    company hit: two companies can ship products of one name, so amounts must agree too."""
    return any(same_company(a, b) for a in story_keys(found) for b in deal_keys(deal))


def key_prefix(key: str) -> str:
    """The indexed bucket for fuzzy candidates: the first three characters of the key."""
    return key[:3]


def same_company(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def name_words(name: str) -> list[str]:
    """A name's words, normalised like company_key but kept apart."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [company_key(w) for w in re.findall(r"[\w'’.&-]+", text) if company_key(w)]


def short_form(a: str, b: str) -> bool:
    """ "Colossal" and "Colossal Biosciences": one name is the other's leading words."""
    wa, wb = name_words(a), name_words(b)
    short, long = sorted((wa, wb), key=len)
    return 0 < len(short) < len(long) and long[: len(short)] == short and len(short[0]) >= 4


def acronym_like(name: str | None) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,5}", name or ""))


def acronym_of(short: str, name: str) -> bool:
    """ "SSI" for "Safe Superintelligence" (Inc.): an all-capitals short name spelling the
    initials of a name of two or more words, perhaps with one more letter for a legal suffix."""
    if not acronym_like(short):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", name or "")
    initials = "".join(w[0] for w in words).upper()
    return len(words) >= 2 and short.startswith(initials) and len(short) - len(initials) <= 1


def amounts_compatible(a_usd: float | None, b_usd: float | None) -> bool:
    if a_usd is None or b_usd is None:
        return True
    return abs(a_usd - b_usd) <= AMOUNT_TOLERANCE * max(a_usd, b_usd)


# Money that is not equity: a story naming one of these is a separate financing unless its
# amount says otherwise ("also secured a credit line" is not the equity round of last week).
INSTRUMENTS = {"debt", "grant"}


def rounds_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def is_same_deal(deal: Deal, found: Extraction, when: datetime) -> bool:
    """Would a story with `found`, published `when`, report this deal?"""
    keys = company_keys(found.company or "")
    usd = found.amount_usd if found.amount_usd is not None else to_usd(found.amount, found.currency)
    if not any(same_company(k, deal.company_key) for k in keys):
        # a short form of the name, or a shared product name (alias), is the same company only
        # when the amounts say so too
        agreeing = deal.amount_usd is not None and usd is not None
        if not (
            agreeing
            and (
                short_form(found.company or "", deal.company)
                or alias_hit(deal, found)
                or acronym_of(found.company or "", deal.company)
                or acronym_of(deal.company, found.company or "")
            )
        ):
            return False
    if abs(when - deal.announced) > WINDOW:
        return False
    if not (
        amounts_compatible(deal.amount_usd, usd) and rounds_compatible(deal.round, found.round)
    ):
        return False
    both_amounts = deal.amount_usd is not None and usd is not None
    if (deal.round in INSTRUMENTS) != (found.round in INSTRUMENTS) and not both_amounts:
        return False
    # Without both amounts, a valuation is the only evidence left: two confirmed rounds at
    # clearly different valuations are two rounds. With both amounts agreeing, a different
    # valuation is usually pre- vs post-money, and a rumoured one often moves before the close.
    if not both_amounts and deal.status == "confirmed" and found.kind == "funding":
        a = to_usd(deal.valuation, deal.valuation_currency)
        b = to_usd(found.valuation, found.valuation_currency)
        return amounts_compatible(a, b)
    return True


def plausible(found: Extraction, rows: list[tuple]) -> list[int]:
    """Ids among (id, key, company) rows whose company could be the found one; a row's key is
    its company key or one of its aliases' keys, and the story's aliases count too."""
    keys = story_keys(found)
    return list(
        dict.fromkeys(
            deal_id
            for deal_id, key, company in rows
            if any(same_company(k, key) for k in keys) or short_form(found.company or "", company)
        )
    )


def best_match(candidates: list[Deal], found: Extraction, when: datetime) -> Deal | None:
    """The closest known deal, preferring the same round and nearest date."""
    matching = [d for d in candidates if is_same_deal(d, found, when)]
    if not matching:
        return None
    return min(
        matching,
        key=lambda d: (d.round != found.round, abs((when - d.announced).total_seconds())),
    )


def new_deal(found: Extraction, story: Story, when: datetime) -> Deal:
    keys = company_keys(found.company or "")
    return Deal(
        company=found.company or "",
        company_key=keys[0] if keys else "",
        status="rumor" if found.kind == "rumor" else "confirmed",
        announced=when,
        amount=found.amount,
        currency=found.currency,
        amount_usd=found.amount_usd,
        round=found.round,
        valuation=found.valuation,
        valuation_currency=found.valuation_currency,
        location=found.location,
        lead_investors=found.lead_investors,
        investors=found.investors,
        aliases=_aliases(found.aliases, keys[:1]),
        sources=[_source(story)],
    )


def _source(story: Story) -> Source:
    return Source(story.outlet, story.title, story.link, story.published)


def merge(
    deal: Deal, found: Extraction, story: Story, amounts_seen: list[float] | None = None
) -> Deal:
    """The deal with a new story folded in: confirmed beats rumour, unknown fields get filled.

    Amounts: a confirmation replaces a rumoured figure; otherwise the most common figure across
    sources wins, and on a tie the first one stays.
    """
    confirming = deal.is_rumor and found.kind == "funding"
    amount, currency, usd = deal.amount, deal.currency, deal.amount_usd
    if found.amount is not None:
        if amount is None or confirming:
            amount, currency, usd = found.amount, found.currency, found.amount_usd
        elif amounts_seen:
            counts = Counter(round(a, -3) for a in [*amounts_seen, found.amount])
            top, n = counts.most_common(1)[0]
            if n > counts[round(amount, -3)] and top == round(found.amount, -3):
                amount, currency, usd = found.amount, found.currency, found.amount_usd
    valuation, val_currency = deal.valuation, deal.valuation_currency
    if found.valuation is not None and (valuation is None or confirming):
        valuation, val_currency = found.valuation, found.valuation_currency
    company, key = deal.company, deal.company_key
    found_keys = company_keys(found.company or "")
    alias_keys = {k for a in found.aliases for k in company_keys(a)}
    if found_keys and key in alias_keys and not any(same_company(k, key) for k in found_keys):
        # the deal was named by a product ("Cursor developer ..."): the maker's name wins
        company, key = found.company or company, found_keys[0]
    renamed = (deal.company,) if key != deal.company_key else ()
    aliases = _aliases((*deal.aliases, *renamed, *found.aliases), [key])
    return replace(
        deal,
        company=company,
        company_key=key,
        aliases=aliases,
        status="confirmed" if found.kind == "funding" else deal.status,
        announced=story.published if confirming and story.published else deal.announced,
        amount=amount,
        currency=currency,
        amount_usd=usd,
        round=deal.round or found.round,
        valuation=valuation,
        valuation_currency=val_currency,
        location=deal.location or found.location,
        lead_investors=_union(deal.lead_investors, found.lead_investors),
        investors=_union(deal.investors, found.investors),
        sources=[*deal.sources, _source(story)],
    )


def _aliases(names: tuple[str, ...], company_keys_: list[str]) -> tuple[str, ...]:
    """Names once each (by key), leaving out any that is the company itself."""
    seen = set(company_keys_)
    out = []
    for name in names:
        k = company_key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return tuple(out)


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    seen = {company_key(x) for x in a}
    return (*a, *(x for x in b if company_key(x) not in seen))


def changed_fields(before: Deal, after: Deal) -> list[str]:
    """Which card fields a merge changed (for "updated: valuation, investors")."""
    names = (
        "company",  # a deal first named by its product ("Cursor") takes the maker's name
        "status",
        "amount",
        "round",
        "valuation",
        "location",
        "lead_investors",
        "investors",
    )
    return [n for n in names if getattr(before, n) != getattr(after, n)]
