"""Money added to a round already announced: an extension, a further tranche, a second close.

"Databricks adds $60M to its Series D", "Series D extended to $750M", "raises another $100M,
bringing the round to $600M": each is news about a round dealbot may have carded weeks ago, not
a new round. The headline says which (the added amount) and sometimes the round's new total;
matching then joins the story to the round's deal whatever its amount, and the card shows the
total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.money import Money, find_money

# What marks added money. "adds $60M to its Series D" needs the amount and the round: "adds
# $60M" alone is also how outlets say "raises", and "adds features to its app with a $25M
# round" is a round of its own.
_ROUND_WORD = r"(?:series[ -]?[a-h]\b|round|seed|funding|financing|raise|pre-series)"
# "the round to", "its Series D to", "total round size to": a round's total, never the
# company's ("bringing total funding to $45M" is its lifetime raise, no addition)
_ROUND_NOUN = (
    r"(?:the |its |their )?(?:total |overall )?(?:round|raise|series[ -]?[a-h]|\w+ round)\b"
    r"(?: size| total)?"
)
_ROUND_TO = _ROUND_NOUN + r"\s+to\b"
_BRING = r"(?:bringing|brings|taking|takes|pushing|pushes|lifting|lifts)"
_ADDED = re.compile(
    rf"\b(?:(?:{_ROUND_WORD}|\d\S*|million|billion|crore)\s+extension"
    rf"|extension (?:of|to) (?:its |the |their )?[^.;]{{0,20}}?{_ROUND_WORD}"
    r"|extension (?:round|funding|financing)|(?:in|as) an? extension\b"
    rf"|(?:extends?|extended|extending)\b[^.;]{{0,30}}?{_ROUND_WORD}"
    rf"|{_ROUND_WORD}[^.;]{{0,20}}?\bextended\b"
    r"|(?:second|third|final) close"
    r"|(?:second|third|new|another|further|additional|follow-on) tranche|tranche (?:two|2|three|3)"
    r"|top-?up|tops up|topped up"
    rf"|{_BRING} {_ROUND_TO}"
    r"|(?:adds?|added|adding) [^.;]{0,25}?\d[^.;]{0,20}?\bto (?:its |the |their )?(?:[\w-]+ ){0,2}?"
    rf"{_ROUND_WORD}"
    r"|erweiter\w* (?:\w+ )?(?:\w*runde|serie|seed)|(?:runde|finanzierung)\w* erweitert"
    r"|aufgestockt|stockt\b[^.;]{0,60}\bauf\b|rallonge|extensión|ampliaci[oó]n"
    r"|amplía|ampliação)",
    re.I,
)

# The round's new total: "bringing the round to $600M", "Series D extended to $750M",
# "extends its Series A to $30M", "second close at $500M".
_TOTAL = re.compile(
    rf"\b(?:{_BRING} {_ROUND_TO}"
    rf"|(?:extended|extends?|expanded|upsized|grows|grown) (?:it |{_ROUND_NOUN} )?to"
    r"|(?:round|series [a-h]) (?:now )?(?:stands at|totals|reaches|hits)"
    r"|(?:second|final|third) close\b[^.;]{0,30}?\b(?:at|of))\s*$",
    re.I,
)


@dataclass(frozen=True)
class Addition:
    """Added money read from a headline: what kind, and the round's total when it is said."""

    label: str  # "extension", "second close", "final close", "tranche", "top-up"
    total: Money | None = None


def read_addition(title: str) -> Addition | None:
    """The addition a headline reports, or None for a headline about a round of its own."""
    m = _ADDED.search(title or "")
    if m is None:
        return None
    return Addition(_label(m.group(0)), _total(title))


def _label(words: str) -> str:
    w = words.lower()
    if "close" in w:
        return "final close" if "final" in w else "second close"
    if "tranche" in w:
        return "tranche"
    if "top" in w:
        return "top-up"
    return "extension"


def _total(title: str) -> Money | None:
    """The money right after "bringing the round to" and the like."""
    for money in find_money(title):
        if _TOTAL.search(title[max(0, money.start - 60) : money.start]):
            return money
    return None
