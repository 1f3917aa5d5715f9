"""What kind of story a headline tells: funding, rumor, acquisition, ipo, fund or other.

A headline is funding when its main clause has a *funding core*: a completed money verb with a
money object ("raises $5M", "lands seed funding", "snaps up $7M"), an investor acting on a named
company ("Accel leads $9M round in X", "Google backs X"), a round named with its size ("X's $40M
round"), or a new valuation ("hits $3B valuation"). Words around the core decide the rest: a
modal or progressive ("in talks to raise", "seeks", "may invest") makes it a rumor, a fund as
the object makes it a VC fund, a purchase or a listing said first makes it an acquisition or an
IPO. Subordinate clauses ("After raising $100M, X shuts down", "X, which raised $5M, ...") and
aggregate subjects ("European AI startups raised $8B") are not a deal.

The word lists and patterns live in `bot.lexicon`; this module holds the reading logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import (
    ACQUISITION,
    AFTER_CLAUSE,
    AGGREGATE,
    APPOSITIVE,
    BASE_FORMS,
    CLUB,
    COMPANY_BACKED_BY,
    COMPANY_NOUN,
    CONTROL,
    CORE_VERB,
    DEAL_WORD,
    FOREIGN,
    FUND,
    FUND_SOURCE,
    IN_IPO,
    INTO_MANY,
    INVEST_TARGET,
    INVESTOR_ACT,
    INVESTOR_FIRM,
    IPO,
    LISTICLE,
    MODAL,
    MONEY_NOUN,
    MONEY_NOUN_AFTER,
    NOT_ROUND_AFTER,
    NOT_ROUND_BEFORE,
    NOUN_RE,
    OBJECT,
    OTHER,
    PARTS,
    PENDING_DEAL,
    PLURAL_SUBJECT,
    POSSESSIVE_ROUND,
    PREP_VERBS,
    RELATIVE,
    ROUNDUP_PREFIX,
    RUMOR,
    RUMOR_ALONE,
    RUMOR_OBJECT,
    SIZED_ROUND,
    STRONG_OTHER,
    SUBORDINATE,
    TIGHT_OBJECT,
    TIME_AFTER,
    UNICORN,
    VALUATION_EVENT,
    VALUATION_WORD,
    WEAK_VERBS,
    WITH_MONEY,
)
from bot.extract.money import Money, find_money

__all__ = ["UNICORN", "VALUATION_EVENT", "Reading", "classify", "read", "round_money"]


# Money raised to buy a named company is a purchase, not a round: "KKR raises $2B to buy out
# Acme", "raises $500M to take Acme private" (but "to acquire startups" is a round's purpose).
_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}"
PURCHASE_PURPOSE = re.compile(
    rf"\b(?i:to (?:help )?take)\s+{_NAME}\s+(?i:private)\b"
    r"|\b(?i:to (?:help )?(?:buy out|buy|acquire|purchase))\s+"
    r"(?!(?i:more|other|rival|rivals|smaller|startups|companies|firms|businesses|brands|assets"
    r"|stakes|land|equipment|hardware|chips|gpus|inventory|properties|homes|back|up|out|a|an"
    rf"|the)\b){_NAME}"
)


def round_money(text: str, money: list[Money]) -> list[Money]:
    """Money that can be a round: not a valuation, price, contract, fund or small sum."""
    out = []
    for m in money:
        after = text[m.end : m.end + 40]
        if m.amount < 100_000 and not MONEY_NOUN_AFTER.match(after):
            continue  # "$500", "$30,000": a price
        if NOT_ROUND_AFTER.search(after):
            continue
        if m.currency is None and not MONEY_NOUN_AFTER.match(after):
            continue  # "780 million queries": a count, not money
        before = text[max(0, m.start - 40) : m.start]
        if NOT_ROUND_BEFORE.search(before):
            continue
        out.append(m)
    return out


def non_latin(text: str) -> bool:
    """Mostly non-Latin script: foreign-language headlines are left alone, not misread."""
    head = text[:400]
    if head.isascii():  # the common case, decided without looking at each letter in Python
        return _ASCII_LETTER.search(head) is None
    letters = len(_LETTER.findall(head))
    if not letters:
        return True
    return len(_LATIN_LETTER.findall(head)) / letters < 0.6


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def main_text(title: str) -> str:
    """The headline's news clause: no prefixes, no question before the news, no asides."""
    parts = [p.strip() for p in PARTS.split(title.strip()) if p.strip()]
    statements = [p for p in parts if not p.endswith("?")]
    if not statements:
        return ""
    text = statements[0]
    if len(statements) > 1:
        for i, p in enumerate(statements):
            if (
                CORE_VERB.search(p)
                or INVESTOR_ACT.search(p)
                or find_money(p)
                or ACQUISITION.search(p)
            ):
                text = p
                if i and re.match(r"(?:and|but|now|so)\b", p):
                    # "X's agents took off - and attracted funding": keep the subject
                    text = statements[i - 1] + ", " + p
                break
    text = SUBORDINATE.sub("", text, count=1)
    text = TIME_AFTER.sub("", text)
    text = RELATIVE.sub(",", text)
    text = APPOSITIVE.sub(",", text)
    return text.strip(" ,")


_RELATIVE_BEFORE = re.compile(r"(?i)\b(?:that|who|which)\s+$")
_MONEY_NEAR = re.compile(
    r"(?:\s+\S+){0,6}?\s+(?:[$€£₹¥]|\d[\d.,]*\s?(?i:million|billion|mn|bn|[mb]\b)"
    r"|(?i:investment|stake|bet|funding|round|backing|startup"
    r"|start-up|company|firm|maker|portfolio)\b)"
)
_NOT_BACKING_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|comes?|came|gets?|got|goes|went|bounces?|bounced|fights?"
    r"|pushed|pushes|brings?|brought|looks?|looking|coming)\s+$"
)
_NOT_BACKING_AFTER = re.compile(
    r"(?i)\s+(?:toward|towards|to|in|into|on|at|from|home|up|down|out|off|away|again|after)\b"
)
_POURING = ("injects", "pumps", "pours", "poured", "pour", "ploughs", "plows", "sinks")


# money put into things, not a company: the words after "in"/"into" to the clause's end have no
# capital letter and no company noun ("into electric, self-driving vehicles", "in fintech for
# youth drive")
_INTO_NO_COMPANY = re.compile(  # each part bounded: no pattern here grows with the text
    r"\s+(?:\S+\s+){0,4}?(?:in|into)\s+"
    rf"(?!(?:[^,;:.|–—]{{0,80}}?\b(?:{COMPANY_NOUN}|startups?|companies|firms|nonprofit|non-profit"
    r"|organi[sz]ation|\w*tech)\b))"
    r"[a-z][^A-Z,;:.|–—]{0,60}(?:$|[,;:.|–—])"
)


# "… Investor Back Jordanian Startup": backers of a company the body names
_BACKED_FIRM = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,3}}?{COMPANY_NOUN}\b")


def _core(text: str, money: list[Money]) -> tuple[int, int, str]:
    """Where the funding core of `text` starts and ends, and its type ("verb", "later",
    "investor"); (-1, -1, "") when there is none."""
    rounds = round_money(text, money)
    best, end, kind = -1, -1, ""
    for m in CORE_VERB.finditer(text):
        if AFTER_CLAUSE.search(text[: m.start()]):
            continue
        rest = text[m.end() : m.end() + 80]
        verb = re.sub(
            r"^(?:(?:has|have|had|just|also|quietly|reportedly) )+", "", m.group(0).lower()
        )
        if verb in WEAK_VERBS and not TIGHT_OBJECT.search(rest):
            if verb in ("taps", "tapped") and _TAPS_FOR.match(rest):
                best, end, kind = m.start(), m.end(), "verb"  # "taps its customers for $9.5M"
                break
            continue
        later = [r for r in rounds if 0 <= r.start - m.end() < 80]
        if OBJECT.search(rest):
            dollar = re.match(r"^\W*(?:[\w'’.-]+\s+){0,3}?(?=[$€£₹¥]|\d)", rest)
            if dollar and not later and not NOUN_RE.search(rest[:50]):
                continue  # "wins $733M contract": money, but not a round
            best, end, kind = m.start(), m.end(), "verb"
            break
        if later:
            best, end, kind = m.start(), m.end(), "later"
            break
    for m in INVESTOR_ACT.finditer(text):
        word = m.group(0).lower()
        rest = text[m.end() :]
        if AFTER_CLAUSE.search(text[: m.start()]) or not m.start():
            continue
        if word in ("back", "backs") and (
            _NOT_BACKING_BEFORE.search(text, 0, m.start()) or _NOT_BACKING_AFTER.match(rest)
        ):
            continue  # "Brin Is Back in the Trenches", "Pushed Consumers Back Toward Piracy"
        if m.group(0) == "Backed" and _OWN_VERB_AFTER.search(text, m.end()):
            continue  # "Mastercard Backed Instamojo Shuts …": a description, its verb after
        if word == "back" and not (_MONEY_NEAR.match(rest) or _BACKED_FIRM.match(rest)):
            continue  # "Apple, Google, Microsoft Back 'FIDO' Tech": no money, no company
        if word in BASE_FORMS and (
            not PLURAL_SUBJECT.search(text[: m.start()])
            or _RELATIVE_BEFORE.search(text, 0, m.start())
        ):
            continue  # "Firms That Invest in US": a relative clause, not the headline's verb
        if word in ("leads", "lead", "co-leads") and not DEAL_WORD.search(rest[:80]):
            continue  # "The U.S. leads in world-changing startups": a ranking, not a round
        if word.endswith("down on") and (
            re.match(r"^\s+\w+ing\b", rest) or not _MONEY_NEAR.match(rest)
        ):
            continue  # "doubles down on keeping …", "Sony doubles down on 8K TVs": no money
        if word in ("led", "co-led") and not re.match(r"^\s+(?:an?|the|\$|\S*\d)", rest):
            continue  # "led by", "a16z-led": descriptive
        if (
            word in ("puts", "put", "bets", "bet", "sinks", "gave", "gives", "give")
            and not re.match(
                r"^\s+(?:\S+\s+){0,3}?(?:money|cash|funds?|investment|capital)\b", rest, re.I
            )
            and not any(0 <= r.start - m.end() < 25 for r in rounds)
        ):
            continue
        if word in ("makes", "made"):
            if re.match(
                r"^\s+(?:its |his |her |their |an? |another )?"
                r"(?:[$€£₹¥]?[\w.,-]+ ){0,3}investment\b",
                rest,
                re.I,
            ) and (best < 0 or m.start() < best):
                best, end, kind = m.start(), m.end(), "investor"
            continue
        if word in ("commits", "committed") and not re.match(
            r"^\s+(?:\S+\s+){1,4}?to\s+(?:[\w.'’-]+\s+){0,6}?(?:startup|company|firm|maker)\b",
            rest,
            re.I,
        ):
            continue
        if word == "funds" and (
            not re.match(r"\s+(?:[A-Z]|[$€£₹¥]|\d|a16z|(?i:an?|the|its)\b)", rest)
            or re.match(r"(?i)\s+(?:are|is|were|was|have|has|had|will|would|can|could)\b", rest)
        ):
            continue  # "Mideast funds in talks": the noun
        if word in _POURING and not re.match(
            rf"\s+(?:\S+\s+){{0,3}}?(?:[$€£₹¥]|[A-Z]{{1,3}}\$|\d|(?i:{MONEY_NOUN}|billions|millions|rs|inr)\b)",
            rest,
        ):
            continue  # "Google Injects Gemini Into Chrome": no money poured
        if word == "funds" and re.search(
            r"(?i)\b(?:raising|raise[sd]?|new|the|its|their|of|in|more|additional)\s+$",
            text[: m.start()],
        ):
            continue  # "Raising Funds", "new funds": the noun, not "X funds Y"
        if word == "investing" and not (
            re.search(r"\b(?!(?:Why|How|What|When|Where)\b)[A-Z][\w.&'’-]*\s+$", text[: m.start()])
            and re.match(r"\s+(?:[$€£₹¥]|\S*\d|(?i:in|into)\b)", rest)
        ):
            continue  # "a fund for investing in …": a gerund, not a headline's verb
        if word.startswith(("invest", "pour", "pump", "inject", "sink")) and _INTO_NO_COMPANY.match(
            rest
        ):
            continue  # "GM investing $2.2B into electric, self-driving vehicles": no company
        if word in ("spends", "spent") and not re.match(
            r"^\s+\S+\s+(?:\w+\s+)?on\s+(?:[\w.'’-]+\s+){0,4}?(?:startup|company|firm|maker)\b",
            rest,
            re.I,
        ):
            continue  # "spends $2.75B on AI startup Anthropic", not "spends $4B on data centres"
        if word not in PREP_VERBS + (
            "commits",
            "committed",
            "spends",
            "spent",
        ) and not INVEST_TARGET.search(rest[:120]):
            continue
        if best < 0 or m.start() < best:
            best, end, kind = m.start(), m.end(), "investor"
        break
    return best, end, kind


@dataclass(frozen=True)
class Reading:
    """How a headline was read: its kind, its news clause and where the funding core sits."""

    kind: str
    text: str = ""
    core: int = -1
    core_end: int = -1
    core_kind: str = ""


# several stories in one headline: "X raises $5M; Twitter may back Y", "MaxAB raises $40M. + No
# one is budging in OPEC+ meeting"
_DIGEST = re.compile(
    r"\s\+\s+[A-Z]"
    r"|;\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+(?:may|will|could|raises|raised|launches"
    r"|acquires|buys|cuts|lays|files|gets|eyes|plans|sells|shuts|hires|names)\s+[a-z$]"
)


# one clause of a digest: a name of one or two words and its own present-tense verb
_STORY_CLAUSE = re.compile(r"^[A-Z0-9][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)?\s[a-z]+s\s\S")


def _three_stories(title: str) -> bool:
    """A digest's line of three stories: "Goldman leads $30M Twiga raise, China grows tech
    influence, Jumia weathers lockup-expiry", or clauses ending "… and more"."""
    parts = [p.strip() for p in re.split(r",\s+|\s+and more\s*$", title) if p.strip()]
    if len(parts) < 3:
        return False
    if re.search(r"\band more\s*$", title) and all(len(p.split()) >= 3 for p in parts):
        return True
    if re.search(r":\s+[A-Z][\w’']*(?:\s[A-Z][\w’']*){0,3}\s*$", title):
        return True  # "…, China's AI sector, Huobi battle: Asia Express": a column's stories
    if re.match(r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s+on\s+\S+(?:\s\S+)*?\s[a-z]", parts[0]):
        return True  # "Ndubuisi Ekekwe on Africa's future, …, and Andela's $200m": a talk
    return sum(bool(_STORY_CLAUSE.match(p)) for p in parts) >= 3


def classify(title: str) -> str:
    """The kind of story a headline tells: funding, rumor, acquisition, ipo, fund or other."""
    return read(title).kind


def read(title: str) -> Reading:
    """Read a headline: its kind, and for deals the clause and verb the facts hang on."""
    if not title or FOREIGN.search(title) or non_latin(title):
        return Reading("other")
    head = title.lstrip("‘'\"“ ")
    if ROUNDUP_PREFIX.search(head) and not re.match(r"^(?:equity|found)\w", head, re.I):
        return Reading("other")
    if LISTICLE.search(title) or _DIGEST.search(title) or _three_stories(title):
        return Reading("other")
    text = main_text(title)
    if not text or AGGREGATE.search(text) or _strong_other(text):
        return Reading("other", text)
    money = find_money(text, bare=True)
    core, end, core_kind = _core(text, money)
    kind = _kind(text, money, core, core_kind)
    if kind == "funding" and _REPORTED.search(title):
        kind = "rumor"  # "… With A $350 Million Capital Raise: Report": said by others, unconfirmed
    return Reading(kind, text, core, end, core_kind)


# a completed round told first: "Anduril raised a $5B Series H led by …"
_ROUND_TOLD = re.compile(
    r"^[^,;]{1,60}?\b(?:raised|raises|closed|closes|secured|secures|landed|lands)\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:[$€£¥₹]\s?[\d.,]+\s?(?i:[mbk]n?|million|billion|trillion)?\s+)"
    r"(?:(?i:series [a-h]\d?|seed|pre-seed|funding round|round)\b)"
)


def _strong_other(text: str) -> bool:
    """A cue that makes the headline no new round, unless it only stands in a later clause of
    a round told first ("Anduril raised a $5B Series H …, up from $30.5B in June 2025, …")."""
    strong = STRONG_OTHER.search(text)
    if strong is None:
        return False
    told = _ROUND_TOLD.match(text)
    if told is None:
        return True
    clause_end = re.search(r"[,;]|\s[–—]\s", text[told.end() :])
    later = told.end() + clause_end.start() if clause_end else len(text)
    return STRONG_OTHER.search(text[:later]) is not None


_REPORTED = re.compile(r"[:–—-]\s*(?:report|reports|sources|sources say)\s*$", re.I)


def _kind(text: str, money: list[Money], core: int, core_kind: str) -> str:
    """The kind, by ordered checks: a fund, a purchase, a listing, a rumour, another story,
    and only then a round."""
    if _is_fund(text, core, core_kind):
        return "fund"
    if _is_purchase(text, money, core, core_kind):
        return "acquisition"
    if _is_listing(text, core):
        return "ipo"
    if INTO_MANY.search(text):
        return "other"  # money into many startups at once is no one deal
    rumor = _rumor_at(text)
    if core >= 0 and MODAL.search(text[:core]):
        rumor = core if rumor < 0 else min(rumor, core)
    if rumor >= 0 and (core < 0 or rumor <= core):
        return "rumor"
    if core < 0 and PENDING_DEAL.search(text) and money:
        return "rumor"  # "Bolt's hoped-for $450M deal": money talked about, not closed
    # the cheap test first: most headlines name no valuation at all
    val_event = (
        VALUATION_WORD.search(text) is not None or _GROWS_TO.search(text) is not None
    ) and VALUATION_EVENT.search(text) is not None
    if _is_other_story(text, core, val_event):
        return "other"
    if core >= 0 or _round_without_verb(text, money, val_event):
        return "funding"
    return "other"


_GROWS_TO = re.compile(r"\b(?:grows|jumps|soars|leaps) to [$€£₹¥]")


def _is_fund(text: str, core: int, core_kind: str) -> bool:
    """A VC fund's close ("Accel closes $650M fund"), or an investor firm raising money."""
    lower = text.lower()  # every FUND alternative holds one of these words: skip it cheaply
    maybe = "fund" in lower or "firm" in lower or "invest" in lower or "venture" in lower
    fund = FUND.search(text) if maybe else None
    if fund and re.search(r"(?i)\b(?:series [a-h]\d?|seed|pre-seed|round)\s+fund\b", text):
        fund = None  # "raises £8M in Series A fund": a round's money, said loosely
    if (
        fund
        and core_kind != "investor"
        and not FUND_SOURCE.search(text)
        and not re.search(r"\bto fund\b", text, re.I)
    ):
        return True
    return (
        core >= 0
        and core_kind == "verb"
        and not re.search(r"\b(?:from|in|into|for)\b", text[core:], re.I)
        and INVESTOR_FIRM.search(text[:core].strip()) is not None
    )


_POSSESSIVE_BID = re.compile(
    r"['’]s [$€£]\S+ (?:\S+ )?(?:bid|takeover|buyout|acquisition|purchase)\b", re.I
)


def _is_purchase(text: str, money: list[Money], core: int, core_kind: str) -> bool:
    """A buyer taking control, a purchase said before the round, or money raised to buy a
    named company."""
    bought_before = _BOUGHT_BEFORE.search(text)
    if bought_before and 0 <= core < bought_before.start():
        return False  # "Dutch Clean Tech raises €15 million after acquiring 25% stake in …"
    if CONTROL.search(text) or _POSSESSIVE_BID.search(text):
        return True  # "… back Musk's $44bn bid for Twitter": the money is a buyer's
    if _EXITS_TO.search(text):
        return True  # "raises €1 billion and exits to SAP": the news is the sale
    if core >= 0 and PURCHASE_PURPOSE.search(text, core):
        return True
    acq = ACQUISITION.search(text)
    if acq and _ACQUIRES_MONEY.match(text, acq.end()):
        return False  # "Fintern Acquires £32M in Capital": money acquired is money raised
    return bool(
        acq
        and (core < 0 or acq.start() < core or core_kind == "later")
        and not (
            re.match(r"(?:snaps|snapped|scoops) up", acq.group(0), re.I)
            and round_money(text, money)
        )
    )


_TAPS_FOR = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?for\s+(?:an?\s+)?(?:[$€£₹¥]|(?:US|A|C|S)\$|\d)")
# a purchase told as what came before the round
_BOUGHT_BEFORE = re.compile(
    r"\b(?:after|following|having)\s+"
    r"(?:acquiring|buying|acquired|bought|(?:its|the) acquisition of)\b",
    re.I,
)
_EXITS_TO = re.compile(r"\b(?:exits|exited) to [A-Z]|\band (?:is|gets) (?:being )?acquired by\b")
_ACQUIRES_MONEY = re.compile(
    r"\s+(?:[$€£₹¥]|(?:US|A|C|S)\$)\s?\d[\d.,]*\s?(?:[mbk]n?|million|billion|crore)?\s+"
    r"(?:in\s+)?(?:new\s+|fresh\s+)?(?:capital|funding|financing|investment)\b",
    re.I,
)


# "$200M IPO", "$1.5bn Hong Kong IPO" (not "raises $700M, looks to IPO")
_MONEY_IPO = re.compile(
    r"[$€£₹¥][^\s,;]+\s+(?:(?!to\b|looks\b|plans\b|eyes\b|ahead\b|before\b)\w+\s+){0,2}IPO\b"
)


def _is_listing(text: str, core: int) -> bool:
    ipo = IPO.search(text)
    told = _ROUND_TOLD.match(text)
    if ipo and told and ipo.start() >= told.end():
        return False  # "OpenAI closes … $122 billion funding round as anticipation builds for IPO"
    return bool(
        ipo
        and (
            core < 0
            or ipo.start() < core
            or _MONEY_IPO.search(text)
            or IN_IPO.search(text)  # "targets a $90B valuation in US IPO": the IPO's money
            or ipo.group(0).endswith("float")  # "lines up £500m float": the float is the money
        )
    )


# a cue word that is only part of the subject's description: "<cue> [two words] company Name"
_DESCRIBES_SUBJECT = re.compile(rf"(?:[\s-]+[\w&-]+){{0,3}}?\s+{COMPANY_NOUN}\s+[A-Z0-9]")


def _is_other_story(text: str, core: int, val_event: bool) -> bool:
    """Another kind of news (lay-offs, lawsuits, revenue, tender offers) said before the round,
    or with no round at all."""
    other = OTHER.search(text)
    if other and core >= 0 and other.end() <= core and _DESCRIBES_SUBJECT.match(text, other.end()):
        other = None  # "Revenue Growth AI company X raises": the cue describes the subject
    return bool(
        other
        and not (
            core >= 0
            and core < other.start()
            and not (re.match(r"secondar", other.group(0), re.I) and other.start() - core < 40)
        )
        and not (val_event and re.match(r"(?:revenue|arr)", other.group(0), re.I))
    )


_MONEY_FROM = re.compile(
    r"[$€£₹¥]\s?\d[\d.,]*\s?(?:[mbk]n?|million|billion|mln|bln|crore|cr)?\b\s+"
    r"(?:(?:in|of) (?:new |fresh )?(?:funding|capital|investment) )?from\s+(?!\$)[A-Z]"
)
_NAMED_ROUND = re.compile(
    r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}(?:['’]s)?\s+"
    r"(?i:(?:funding|financing|investment) round)\b"
)


def _round_without_verb(text: str, money: list[Money], val_event: bool) -> bool:
    """A round told without a funding verb: a valuation event with money, a new unicorn, a
    sized or possessive round, "in new funding", "backed by"."""
    if val_event and re.search(r"[$€£₹¥]\s?\d", text):
        return True
    if UNICORN.search(text) or CLUB.search(text):
        return True
    if _NAMED_ROUND.match(text) and money:
        return True  # "SpaceX Funding Round at $74 Billion Valuation Was Led by Sequoia"
    rounds = round_money(text, money)
    if SIZED_ROUND.search(text) and rounds:
        return True
    if POSSESSIVE_ROUND.search(text):
        return True
    if rounds and any(WITH_MONEY.search(text[max(0, r.start - 30) : r.start]) for r in rounds):
        return True
    if _MONEY_FROM.search(text):
        return True  # "Gojek calls in $300m from Telkomsel": money from a named backer
    if re.search(
        r"\b(?:in|with|on) (?:new|fresh|latest) (?:funding|round|investment)\b"
        r"|\bin (?:its |a )?series [a-z]\w* (?:funding|round)\b",
        text,
        re.I,
    ):
        return True
    backed = COMPANY_BACKED_BY.search(text)
    # "Stealthy battery company backed by Bill Gates, Jeff Bezos has a lot to prove": the
    # headline's own verb comes after the backers, so "backed by" only describes
    return backed is not None and not _OWN_VERB_AFTER.search(text, backed.end())


_OWN_VERB_AFTER = re.compile(
    r"\b(?:has|have|is|are|was|were|wants|plans|says|said|faces|looks|hopes|aims|will|could|may"
    r"|can|needs|struggles|shuts|lays|cuts|sues|launches|unveils|debuts)\b",
    re.I,
)


_AFTER_DONE = re.compile(r"\bafter (?:its |the |a )?(?:latest |recent |new |last )?$", re.I)


_DONE_BEFORE_RAISING = re.compile(r"\b(?:after|by|from|for|since|of|while|in)\s+$", re.I)


def _rumor_at(text: str) -> int:
    """Where the first rumor cue that governs money starts, or -1."""
    for m in RUMOR.finditer(text):
        word = m.group(0).lower()
        if word.endswith(" nears"):
            return m.start()  # "… as New Funding Nears": the round itself is what nears
        if word == "raising" and _DONE_BEFORE_RAISING.search(text, 0, m.start()):
            continue  # "after raising $5M": done before the news
        if word in RUMOR_ALONE:
            if word == "fundraising" and _AFTER_DONE.search(text[: m.start()]):
                continue  # "valuation soars after latest fundraising": the round is done
            if word == "to raise" and re.search(
                r"\b(?:raises|raised|closes|secures)\b", text[: m.start()], re.I
            ):
                continue
            return m.start()
        if RUMOR_OBJECT.search(text[m.end() : m.end() + 80]):
            return m.start()
    return -1
