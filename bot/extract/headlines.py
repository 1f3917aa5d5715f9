"""Headline forms other outlets use, turned into the plain form the English reader knows.

Press wires and deal newsletters put the company first and the deal after a colon ("Soxton AI:
$2.5 Million Pre-Seed Raised To Launch …", "Exxat: Minority Growth Investment Raised From
Accel-KKR"), or the investor first ("H.I.G. WhiteHorse: €120 Million Financing Arranged For
Nasta Pet Food"). Outlets wrap headlines in labels ("Exclusive:", "New Unicorn!", "| TFN",
"– WSJ"). Each form is a named rule; the first that applies rewrites the headline, and its
name goes with the extraction.
"""

from __future__ import annotations

import re

from bot.extract.money import find_money
from bot.extract.namewords import DESCRIPTORS

# "Exclusive:", "Sources:", "Deal of the day:", "Breaking:", "New Unicorn!", "Scoop:"
_LABEL = re.compile(
    r"^\s*(?:exclusive|sources?|scoop|breaking|update\s*\d*|report|deal of the day|funding news"
    r"|funding alert|first on \w+|just in|new unicorn|explained|analysis|opinion|watch"
    r"|fintech funding|startup funding|funding roundup)\s*[:!|–—-]+\s*",
    re.I,
)
# "… | TFN", "… - Reuters", "… – WSJ", "… | EU-Startups", "(Bloomberg)"
_OUTLET_TAIL = re.compile(
    r"\s+(?:[|｜]\s*[\w .&'’-]{2,30}|[–—-]\s*(?:WSJ|Reuters|Bloomberg|FT|CNBC|Axios|TFN"
    r"|The Information|Business Insider|TechCrunch|Forbes|Fortune))\s*$"
)
_PARTICIPLE = re.compile(
    r"\b(?:raised|secured|closed|landed|received|announced|completed|arranged|committed"
    r"|obtained|bagged|netted|snagged)\b",
    re.I,
)
_DEAL_WORDS = re.compile(
    r"\b(?:round|funding|financing|investment|raise|seed|series [a-h]|pre-seed|capital"
    r"|debt|facility|grant)\b",
    re.I,
)
_NAME_BEFORE_COLON = re.compile(r"^(?P<name>[A-Z0-9][^:]{0,58}?):\s+(?P<rest>\S.*)$")
_NOT_A_NAME = re.compile(
    r"\b(?:exclusive|report|sources?|update|breaking|analysis|opinion|watch|weekly|daily"
    r"|newsletter|podcast|interview|explained|how|why|what|when|this week|today)\b",
    re.I,
)
_TARGET = re.compile(
    r"\b(?:for|in|into|to expand|to back|to support|backing)\s+(?P<target>[A-Z][\w.&'’-]*"
    r"(?:\s+(?:[A-Z][\w.&'’-]*|&|of))*)"
)


def strip_labels(title: str) -> str:
    """The headline without an outlet's label before it or the outlet's name after it."""
    text = _LABEL.sub("", title, count=1)
    return _OUTLET_TAIL.sub("", text).strip() or title


def press_wire(title: str) -> str | None:
    """ "X: $N Million Series A Raised To …" → "X raises $N Million Series A To …", and
    "Investor: $N Investment To Expand Y’s …" → "Investor invests $N in Y …"."""
    m = _NAME_BEFORE_COLON.match(title.strip())
    if not m:
        return None
    name, rest = m.group("name").strip(), m.group("rest").strip()
    if _NOT_A_NAME.search(name) or len(name.split()) > 6:
        return None
    starts_with_deal = bool(find_money(rest[:40])) or bool(
        re.match(r"(?:minority|majority|strategic|growth|seed|pre-seed|series [a-h])\b", rest, re.I)
    )
    participle = _PARTICIPLE.search(rest)
    if not (starts_with_deal and (participle or _DEAL_WORDS.search(rest[:60]))):
        return _described_subject(name, rest)
    target = _TARGET.search(rest)
    if target and not participle_names_self(rest, target):
        # the name before the colon is the investor: "Stonepeak: A$1 Billion Investment To
        # Expand Aura Holdings’ Retirement Village Platform"
        deal = rest[: target.start()].strip()
        company = re.sub(r"['’]s?$", "", target.group("target"))
        return f"{name} invests {_PARTICIPLE.sub('', deal).strip()} in {company}"
    deal = _PARTICIPLE.sub("", rest, count=1)
    return f"{name} raises " + re.sub(r"\s{2,}", " ", deal).strip()


def participle_names_self(rest: str, target: re.Match) -> bool:
    """ "$22 Million Raised For Audit Verification Platform": "for" names a purpose, not a
    company (its words are lowercase in sentence case, or generic in Title Case)."""
    words = target.group("target").split()
    generic = {"platform", "expansion", "growth", "scaling", "global", "ai", "the", "its", "new"}
    return words[0].lower() in generic or bool(re.search(r"\bRaised\b", rest[: target.start()]))


def _described_subject(name: str, rest: str) -> str | None:
    """ "Dynasty Financial Partners: Wealth Management Platform Closes Minority Capital Raise":
    the rest's subject only describes the company named before the colon."""
    m = re.match(
        r"^(?:[A-Z][\w-]*\s+){0,4}(?:Platform|Company|Startup|Firm|Provider|Maker|Developer)\s+"
        r"(?P<verb>Closes|Raises|Secures|Lands|Gets|Receives)\b(?P<tail>.*)$",
        rest,
    )
    if not m:
        return None
    return f"{name} {m.group('verb').lower()}{m.group('tail')}"


RULES = [("press-wire 'Name: $X raised' headline", press_wire)]


def normalise(title: str) -> tuple[str, str]:
    """The headline in the form the reader knows, and the rule that rewrote it ("" if none)."""
    stripped = strip_labels(title)
    for name, rule in RULES:
        rewritten = rule(stripped)
        if rewritten:
            return rewritten, name
    return stripped, "outlet label removed" if stripped != title else ""


_QUOTED_BRAND = re.compile(r"[‘'\"“]([A-Z][\w.&+-]{1,30}(?: [A-Z][\w.&+-]*){0,2})[’'\"”]")
_WEAK_VERB_TAIL = re.compile(
    r"\s+(?:Plans|Wants|Aims|Hopes|Looks|Set|Is|Are|Gets|Taps)\b(?:\s+To\b)?.*$"
)
_DESCRIPTION_END = re.compile(r"(?i)\b(?:startup|start-up|spin-out|spinout|spin-off)$")
_ARTICLES = {"the", "a", "an"}
_GENERIC_END = re.compile(r"(?i)\b(?:company|firm|maker|platform|app|venture|outfit|lab)$")


def tidy_company(name: str | None, clause: str) -> tuple[str | None, str]:
    """The headline's subject made a name, and the rule that changed it ("" if none):
    a person's quoted venture ("Jeffrey Katzenberg’s ‘NewTV’ Startup" → NewTV), a verb phrase
    cut off ("KeyMe Plans To Use" → KeyMe), a description alone named no company
    ("Six-Month-Old AI Coding Startup", "MIT Spin-Out", "hiring" → None)."""
    if not name:
        return name, ""
    for possessive in ("'s ", "’s "):
        at = clause.find(name + possessive)
        owned = _QUOTED_BRAND.match(clause, at + len(name) + 3) if at >= 0 else None
        if owned:
            return owned.group(1), "quoted brand of the subject"
    cut = _WEAK_VERB_TAIL.sub("", name)
    if cut != name and cut:
        return cut, "verb phrase cut from the subject"
    words = name.split()
    described = _DESCRIPTION_END.search(name) or (
        _GENERIC_END.search(name)
        and any(w.lower() in DESCRIPTORS for w in words[:-1] if w.lower() not in _ARTICLES)
    )
    if described or re.fullmatch(r"[a-z]+ing", name):
        return None, "subject only describes the company"
    return name, ""
