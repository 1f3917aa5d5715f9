"""Is this story a deal we already know? Pure decisions over dataclasses; storage is the caller's.

A story joins a deal when the company is the same (normalised, fuzzy at a high threshold), the
amounts agree within ~10% after conversion (or one is unknown), the rounds agree (or one is
unknown) and the dates are close. Two rounds of one company stay two deals. A story of money
added to a round (an extension, a second close) joins that round's deal within a year.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from bot.extract.places import places_agree
from bot.extract.rates import to_usd
from bot.keys import company_keys, name_words
from bot.models import Deal, Extraction

WINDOW = timedelta(days=60)
EXTENSION_WINDOW = timedelta(days=365)  # a round's extension can come most of a year later
UNNAMED_WINDOW = timedelta(days=7)
ANOTHER_GAP = timedelta(days=2)  # other outlets' reports of "another $X" come within a day or two
UNNAMED_TOLERANCE = 0.02
FUZZY_THRESHOLD = 92
AMOUNT_TOLERANCE = 0.10


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


def same_company(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b) >= FUZZY_THRESHOLD


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
    if found.addition:
        return extends(deal, found, when)
    if found.another and when - deal.announced > ANOTHER_GAP:
        return False  # "raises another $1bn" a week on is a second financing, not the first
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
        any(amounts_compatible(a, usd) for a in round_amounts(deal))
        and rounds_compatible(deal.round, found.round)
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


def round_amounts(deal: Deal) -> list[float | None]:
    """The USD amounts a report of this round can give: its total, and for a round that grew
    later, its first amount too (a late report of the first figure is the same round)."""
    if not deal.additions or deal.amount_usd is None:
        return [deal.amount_usd]
    added = sum(to_usd(a, c) or 0.0 for a, c in deal.additions)
    return [deal.amount_usd, deal.amount_usd - added]


def extends(deal: Deal, found: Extraction, when: datetime) -> bool:
    """Does an extension story ("adds $60M to its Series D") grow this deal? The same company by
    name, the same round (or one side's unknown), announced before the story and within
    EXTENSION_WINDOW: months can pass between a round and its extension, and the added money
    is not the round's amount, so amounts are not compared."""
    keys = story_keys(found)
    if not any(same_company(k, d) for k in keys for d in deal_keys(deal)):
        return False
    both_rounds = deal.round is not None and found.round is not None
    window = EXTENSION_WINDOW if both_rounds else WINDOW
    if not timedelta(days=-1) <= when - deal.announced <= window:
        return False  # without both rounds named, only a recent round can be the one extended
    return rounds_compatible(deal.round, found.round) and deal.round not in INSTRUMENTS


def pairs_unnamed(deal: Deal, found: Extraction, when: datetime) -> bool:
    """Exactly one side names the company ("Indian insurtech raises $45M" and "Acko raises $45M
    Series C"): the same round only on the same amount within 2%, rounds that do not disagree,
    both done or both rumoured, the same place when both say one, and dates within a week, or
    within two days for a common round figure ($4M, $30M, $150M: many companies raise those the
    same week). Amount alone never joins two named companies: this is only ever asked with one
    side unnamed."""
    if bool(deal.company_key) == bool(company_keys(found.company or "")):
        return False
    usd = found.amount_usd if found.amount_usd is not None else to_usd(found.amount, found.currency)
    if deal.amount_usd is None or usd is None:
        return False
    if abs(deal.amount_usd - usd) > UNNAMED_TOLERANCE * max(deal.amount_usd, usd):
        return False
    near = ANOTHER_GAP if _common_figure(found.amount or usd) else UNNAMED_WINDOW
    if abs(when - deal.announced) > near:
        return False
    if deal.is_rumor != (found.kind == "rumor"):
        return False
    if deal.location and found.location and not places_agree(deal.location, found.location):
        return False
    same_instrument = (deal.round in INSTRUMENTS) == (found.round in INSTRUMENTS)
    return rounds_compatible(deal.round, found.round) and same_instrument


def _common_figure(amount: float) -> bool:
    """At most two significant digits: "$4M", "$35M", "$150M" (not "$255M" or "$14.3B")."""
    digits = f"{amount:.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits) <= 2


def unnamed_partner(candidates: list[Deal], found: Extraction, when: datetime) -> Deal | None:
    """The one deal an unnamed story (or a named story, for an unnamed deal) pairs with; none
    when two could: a guess between two companies is worse than a second card."""
    matching = [d for d in candidates if pairs_unnamed(d, found, when)]
    return matching[0] if len(matching) == 1 else None


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
