"""A follow-up: a story about a deal already carded that does not itself read as a round.

"New details emerge on Meta's $14.3B deal for Scale", "Ryan Breslow's lofty $450M Bolt deal is in
trouble", "X responds to funding reports": each is news about a round dealbot already announced.
It belongs in that card's thread, not in no place at all (and never on a card of its own).

A follow-up must name the deal's company in its headline and either repeat one of the deal's
amounts or talk about the money in words (funding, round, valuation, 融资 …). Money in the
headline that matches none of the deal's amounts says it is another deal: no follow-up.
Pure decisions over dataclasses; the store lookups are the pipeline's.
"""

from __future__ import annotations

import re

from bot.extract.money import find_money
from bot.extract.rates import to_usd
from bot.keys import company_key
from bot.match.same import amounts_compatible, round_amounts, same_company, short_form
from bot.models import Deal

# what a follow-up's source row says, and what its thread reply shows
NOTE = "Follow-up"
# the headline talks about a deal's money
MONEY_TALK = re.compile(
    r"(?i)\b(?:fund(?:ing|raise|raising)|round|raise[sd]?|raising|investments?|invest(?:s|ed)?"
    r"|valuation|valued|backing|financing|deal|stake|investors?)\b"
    r"|融资|投资|估值|資金調達|出資|評価額|투자|밸류"
)
# a name said in a headline: capitalised words (1-3), a possessive's owner, CJK-bracketed names
_LATIN_NAME = re.compile(r"\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}")
_BRACKETED = re.compile(r"[「『“\"'‘]([^」』”\"'’]{2,20})[」』”\"'’]")
# lower-case-led names with a capital or a digit inside: "eBay", "iFlytek", "a16z"
_ODD_NAME = re.compile(r"\b[a-z][a-z]*[A-Z0-9][\w.&-]*")
_MAX_NAMES = 8


def worth_a_look(title: str) -> bool:
    """Cheap gate: only headlines that talk about money are looked up as follow-ups."""
    return MONEY_TALK.search(title) is not None


def names_in(title: str) -> list[str]:
    """Names a headline may give a company by, longest first for each place, at most eight."""
    out: list[str] = []
    for m in _LATIN_NAME.finditer(title):
        words = re.sub(r"['’]s$", "", m.group(0)).split()
        for n in range(len(words), 0, -1):
            out.append(" ".join(words[:n]))
            out.append(" ".join(words[-n:]))
    out += [m.group(1) for m in _BRACKETED.finditer(title)]
    out += [m.group(0) for m in _ODD_NAME.finditer(title)]
    keys: dict[str, str] = {}
    for name in out:
        key = company_key(name)
        if len(key) >= 3 and key not in keys:
            keys[key] = name
    return list(keys.values())[:_MAX_NAMES]


def names_deal(deal: Deal, name: str) -> bool:
    """Is `name` (from a headline) this deal's company or one of its other names?"""
    key = company_key(name)
    for known in (deal.company or "", *deal.aliases):
        other = company_key(known)
        if other and (same_company(key, other) or short_form(name, known)):
            return True
    return False


def follows_up(deal: Deal, title: str) -> bool:
    """Does this headline tell news about `deal`'s money (and not about another deal)?"""
    if deal.removed:
        return False
    monies = [usd for m in find_money(title) if (usd := to_usd(m.amount, m.currency)) is not None]
    if not monies:
        return True  # named, money talked about, no figure that says otherwise
    valuation = to_usd(deal.valuation, deal.valuation_currency or deal.currency)
    known = [a for a in (*round_amounts(deal), valuation) if a]
    if not known:
        return True  # "a significant investment", then the follow-up names the figure
    return any(amounts_compatible(usd, a) for usd in monies for a in known)


def pick(candidates: list[Deal], title: str) -> Deal | None:
    """The one deal a headline follows up, or None when none or several could be meant."""
    names = names_in(title)
    hits = {
        d.id: d for d in candidates if any(names_deal(d, n) for n in names) and follows_up(d, title)
    }
    return next(iter(hits.values())) if len(hits) == 1 else None
