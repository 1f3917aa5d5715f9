"""Which round a text names: "Series C extension" → series-c, "Seed & Series A" → series-a."""

from __future__ import annotations

import re

from bot.extract.lexicon import CORE_VERB

MAX_TEXT = 6_000  # rounds are named in the first paragraphs

ROUND = re.compile(
    r"\b(?P<preseed>pre-?seed)\b"
    r"|\b(?P<presa>pre-?series[\s-]?a)\b"
    r"|\bseries[\s-]?(?P<series>[a-hA-H])(?:[\s-]?\d|\+)?(?![\w-])"
    r"|\b(?P<letter>(?-i:[A-H]))\d? round\b"
    r"|\b(?P<seed>seed)\b(?!-stage investors| investors| funds?\b| vc)"
    r"|\b(?P<growth>growth (?:round|equity|funding|financing|capital|investment|stage round))\b"
    r"|\b(?P<debt>venture debt|debt(?! collection| management| relief| recovery)|credit facility"
    r"|credit line|line of credit|loan|loans|debt financing|factoring(?: facility)?)\b"
    r"|\b(?P<bridge>bridge (?:round|loan|financing|funding|note)|bridge)\b(?! the| a | gaps?\b)"
    r"|\b(?P<conv>convertible notes?|convertible|SAFE notes?)\b"
    r"|\b(?P<grant>grants?)\b",
    re.I,
)


def round_of(m: re.Match) -> str:
    if m.group("preseed"):
        return "pre-seed"
    if m.group("presa"):
        return "pre-series-a"
    if m.group("series"):
        return f"series-{m.group('series').lower()}"
    if m.group("letter"):
        return f"series-{m.group('letter').lower()}"
    for group, name in (
        ("seed", "seed"),
        ("growth", "growth"),
        ("debt", "debt"),
        ("bridge", "bridge"),
        ("conv", "convertible"),
        ("grant", "grant"),
    ):
        if m.group(group):
            return name
    return "undisclosed"


def find_round(text: str, near: int | None = None) -> str | None:
    """The round named in `text`; with `near`, the mention closest to that position."""
    found = [
        (m.start(), m.end(), round_of(m))
        for m in ROUND.finditer(text[:MAX_TEXT])
        if is_round(text, m)
    ]
    if not found:
        return None
    if near is not None:
        return min(found, key=lambda f: abs(f[0] - near))[2]
    # "Series A and B", "Seed & Series A": two rounds closed together → the later one
    for (_, end, first), (start, _, second) in zip(found, found[1:], strict=False):
        if _JOINED.fullmatch(text[end:start]) and first in _ORDER and second in _ORDER:
            return max(first, second, key=_ORDER.index)
    both = re.search(r"\bseries ([a-h])\d?\s*(?:and|&|/|or|to)\s*([a-h])\b", text, re.I)
    if both:
        return f"series-{max(both.group(1), both.group(2)).lower()}"
    return found[0][2]


_JOINED = re.compile(r"\s*(?:and|&|/|\+|plus)\s*(?:a\s+|an\s+)?", re.I)
_ORDER = ["pre-seed", "seed", "pre-series-a"] + [f"series-{c}" for c in "abcdefgh"]


def is_round(text: str, m: re.Match) -> bool:
    """Drop round words that are a name ("Susquehanna Growth Equity", "North Bridge Venture
    Partners" are investors) or one part of a mix ("raised equity and debt" is not debt)."""
    if m.group("debt") and _MIXED.search(text[max(0, m.start() - 20) : m.end() + 20]):
        return False
    word = m.group("growth") or (m.group("bridge") if m.group(0) == "Bridge" else None)
    if not word or not word[0].isupper():
        return True
    before = re.search(
        r"(?:^|\s)([A-Z][A-Za-z&.'’-]*)\s$", text[max(0, m.start() - 30) : m.start()]
    )
    if before and not CORE_VERB.fullmatch(before.group(1)):
        return False  # a capitalised word before it that is not a verb: part of a name
    after = re.match(r"\s+([A-Z]\w*)", text[m.end() : m.end() + 30])
    return not (m.group("bridge") and after and not ROUND_NOUN.match(after.group(1)))


ROUND_NOUN = re.compile(
    r"(?i:round|funding|financing|loan|note|notes|investment|capital|extension|deal|facility)$"
)


_MIXED = re.compile(r"\bequity (?:and|&) debt\b|\bdebt (?:and|&) equity\b", re.I)
