"""Is a story about a funding round, and what are its facts? Pure functions over text.

The headline decides the kind and carries most facts; the summary and content fill in what the
headline leaves out (round, valuation, investors), and only from sentences about *this* round,
so another company's size, an earlier round or a total raised to date never become the deal's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extract import names
from bot.extract.additions import read_addition
from bot.extract.aliases import aliases_in
from bot.extract.cjk import extract_cjk
from bot.extract.european import FOREIGN_FUNDING, LEXICON, extract_european
from bot.extract.headlines import normalise, tidy_company
from bot.extract.hindi import extract_hindi
from bot.extract.investors import investors_in_body
from bot.extract.kinds import Reading, read, round_money
from bot.extract.language import CJK, detect
from bot.extract.lexicon import (
    BODY_FUNDING_NOUN,
    BODY_FUNDING_VERB,
    BODY_INVESTOR_VERB,
    COMPANY_NOUN,
    CORE_VERB,
    INVESTOR_ACT,
)
from bot.extract.lexicon import PARTS as _PARTS
from bot.extract.listed import is_listed
from bot.extract.money import Money, find_money
from bot.extract.namewords import COMMON, DESCRIPTORS
from bot.extract.places import location_in, place_name
from bot.extract.rates import to_usd
from bot.extract.rounds import ROUND as _ROUND
from bot.extract.rounds import find_round, is_round, round_of
from bot.extract.subject import find_subject
from bot.models import DEAL_KINDS, Extraction, Story
from bot.text import plain_text

MAX_BODY = 6_000  # facts about the round sit in the first paragraphs

# --- the kind of story -------------------------------------------------------------------

# A round as the subject of its sentence: "The Series B values ...", "Acme's Series D brings".
_ROUND_SUBJECT = re.compile(
    r"^(?:The|Its|This)?\s*(?:[\w'’-]+\s+){0,4}?(?:Series [A-H]\w*|seed round)\s+"
    r"(?:values|valued|brings|was|is|round|values?)\b"
)
_PAST_AFTER = re.compile(
    r"^\W*(?:round\s+|funding\s+)?(?:(?:in|last|earlier|this) (?:20\d\d|year|\w+ 20\d\d|january"
    r"|february|march|april|may|june|july|august|september|october|november|december)"
    r"|(?:a|\w+) (?:years?|months?) ago|earlier|previously)\b",
    re.I,
)
# --- money in context --------------------------------------------------------------------

_VAL_BEFORE = re.compile(
    r"\b(?:valued? (?:it |the \w+ )?at"
    r"|valuation (?:(?:\w+ ){0,4}?(?:of|to|at|hits|reaches|tops|passes|soars to|jumps to"
    r"|climbs to|rises to|near|nears|above|over|north of))?"
    r"|values? (?:[\w'’.,-]+ ){0,9}at|valuing (?:[\w'’.,-]+ ){0,9}at|worth|at an?|pegged at"
    r"|post-money of|(?:is|are|becomes?) (?:now )?an?|value to"
    r"|(?:money|funding|round|raise[sd]?|cash|capital|funds"
    r"|\d+(?:\.\d+)?\s?(?:million|billion|[mbk]n?)?) at"
    r"|(?:doubles|triples|quadruples|quintuples) (?:its )?valuation to"
    r"|(?:grows|leaps|jumps|soars) to)"
    r"\s*(?:over|more than|nearly|almost|about|around|roughly|some"
    r"|approximately|close to|up to|as much as|at least|north of|above|\+)?\s*$",
    re.I,
)
_VAL_AFTER = re.compile(
    r"^\s*(?:\+\s*)?(?:post-money |pre-money )?(?:valuation\b|value\b(?! of))", re.I
)
_OLD = re.compile(
    r"\b(?:once valued at|previous|prior|last|earlier|most recent|former|up from|down from"
    r"|was|had)\s+(?:\w+\s+){0,2}$"
    r"|\bfrom\s+(?:about |around |nearly |over |just |roughly )?$",
    re.I,
)
_NOT_ROUND_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s){0,2}?(?:fund|in (?:annual |lifetime |total )?(?:revenue|sales)|revenue"
    r"|arr|market|deal|acquisition|contract|valuation|total|to date|in total|so far|last year"
    r"|in 20\d\d|previously|e-commerce|company|giant|conglomerate|firm|budget|loss|losses"
    r"|profit)\b",
    re.I,
)
_SALES_AFTER = re.compile(
    r"\s+(?:in\s+)?(?:annual\s+|lifetime\s+|total\s+|yearly\s+)?(?:sales|revenue|ARR|GMV)\b", re.I
)
_NOT_ROUND_BEFORE = re.compile(
    r"(?:total(?:ing)?|to date|bringing|brings|bring|a total of|overall|previous|prior|last"
    r"|earlier|most recent|revenue of|arr of|fund of|worth|valued at|valuation of|the|its"
    r"|spend|spent|invest|sales of|over|than)\s+$",
    re.I,
)
_RAISED_BEFORE = re.compile(r"(?:raised?|raising|secured?|closed?|of|with)\s+(?:an?\s+)?$", re.I)
_FUNDING_AROUND = re.compile(
    r"^\W{0,3}(?:\w+\s){0,3}?(?:round|funding|financing|investment|series|seed|pre-seed|raise"
    r"|debt|loan|in new|in fresh|from|led|to|for)\b",
    re.I,
)


def _is_valuation(text: str, m: Money) -> bool:
    before = text[max(0, m.start - 90) : m.start]
    after = text[m.end : m.end + 30]
    return bool(_VAL_AFTER.search(after) or _VAL_BEFORE.search(before))


def _is_old(text: str, m: Money) -> bool:
    """An earlier figure: "up from $2B", "raised $2.75B at an $11.75B valuation a year ago"."""
    return bool(
        _OLD.search(text[max(0, m.start - 40) : m.start])
        or _OLD_AFTER.match(text[m.end : m.end + 40])
    )


_OLD_AFTER = re.compile(
    r"^\s*(?:(?:post-money |pre-money )?valuation\s+)?(?:a year ago|last year|in 20\d\d"
    r"|(?:\w+ )?(?:years?|months?) ago|earlier|previously)\b",
    re.I,
)


def _valuation_in(text: str) -> float | None:
    for m in find_money(text):
        if _is_valuation(text, m) and not _is_old(text, m):
            return m.amount
    return None


def _round_amount(text: str, monies: list[Money], after: int = 0, strict: bool = False):
    """The money that is the round itself: not a valuation, fund size, revenue or old round."""
    for m in monies:
        if m.start < after or _is_valuation(text, m) or _is_old(text, m):
            continue
        before = text[max(0, m.start - 40) : m.start]
        rest = text[m.end : m.end + 40]
        if _NOT_ROUND_AFTER.search(rest):
            continue
        if (
            strict
            and (_NOT_ROUND_BEFORE.search(before) or not _FUNDING_AROUND.search(rest))
            and not _RAISED_BEFORE.search(before)
        ):
            continue
        return m
    return None


# --- sentences of the body ---------------------------------------------------------------

# A sentence ends at . ! ? but not after an initial ("T. Rowe Price", "J.P. Morgan") or a
# common abbreviation ("Blu Smart Mobility Pvt. Ltd, …").
_SENTENCE = re.compile(
    r"(?<=[.!?”\"])(?<!\b[A-Z]\.)(?<!Pvt\.)(?<!Ltd\.)(?<!Inc\.)(?<!Co\.)(?<!Corp\.)(?<!Mr\.)"
    r"(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!No\.)(?<!Jr\.)(?<!Sr\.)\s+(?=[A-Z“\"])|\n+"
)
_ROUND_TALK = re.compile(
    r"\b(?:this|the|its|new|latest|current) (?:\w+ ){0,3}?(?:round|raise|investment|financing"
    r"|funding)\b|\bparticipa\w*|\bjoined by\b|\bbackers\b|\binvestors\b|\bled by\b|\bled\b",
    re.I,
)


def _title_sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _sentences(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece  # "Acme Inc. raises ...": not a sentence end
        else:
            out.append(piece)
    return out or [text]


_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|vs|No|Mr|Ms|Dr)\.$")


def _sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(body[:MAX_BODY]) if s and s.strip()]


def extract(title: str, summary: str = "", content: str = "") -> Extraction:
    """Extract the deal a story reports. Never raises; unusable input gives kind `other`.

    The reader is chosen by the story's language (bot.extract.language). A headline whose
    letters are all ASCII goes to the English reader first, the common case: it sets aside
    words of other languages ("sammelt", "capta"), so a deal it finds is English; the detector
    is asked only when it finds none and the headline uses another reader's funding words.
    """
    title, summary, content = title or "", summary or "", content or ""
    try:
        return _with_addition(_read(title, summary, content), title)
    except RecursionError:  # pragma: no cover - defensive, the rules do not recurse
        return Extraction()


def _with_addition(found: Extraction, title: str) -> Extraction:
    """A round's extension or further close is marked, with the round's total if said; "raises
    another $1bn" is marked as new money (not a retelling of the last round)."""
    if found.kind != "funding":
        return found
    added = read_addition(plain_text(title, limit=400))
    if added is None:
        return replace(found, another=True) if _ANOTHER.search(title) else found
    total = added.total
    same_currency = total is not None and total.currency in (None, found.currency)
    return replace(
        found,
        addition=added.label,
        round_total=total.amount if total is not None and same_currency else None,
        rules=(*found.rules, ("addition", f"{added.label} wording")),
    )


_ANOTHER = re.compile(r"\b(?:another|a second|a further)\s+(?:US)?[$€£¥₹]?\s?\d", re.I)


def _read(title: str, summary: str, content: str) -> Extraction:
    english = None
    if not _FOREIGN_LETTER.search(title):
        english = _extract(title, summary, content)
        if english.kind in DEAL_KINDS or not FOREIGN_FUNDING.search(title):
            return english
    language = detect(title, summary)
    if language == "en" and english is not None:
        return english
    return _read_in(language, title, summary, content, english)


# a letter outside ASCII (é, ß, 融, 투): curly quotes and dashes do not count
_FOREIGN_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")


def _read_in(
    language: str, title: str, summary: str, content: str, english: Extraction | None
) -> Extraction:
    """The story read by its language's reader; the English reader where there is none."""
    if language in CJK:
        return extract_cjk(plain_text(title, limit=400), plain_text(summary, limit=4000), language)
    if language == "hi":
        return extract_hindi(plain_text(title, limit=400), plain_text(summary, limit=4000))
    if language in LEXICON:
        found = extract_european(
            plain_text(title, limit=400), plain_text(summary, limit=4000), language
        )
        if found is not None:
            return found
    found = english or _extract(title, summary, content)
    # a deal only the English reader sees was English ("Supabase … raises $80M" can read as
    # French to a detector on one short line)
    return replace(found, language="en" if found.kind in DEAL_KINDS else language)


def classify(title: str) -> str:
    """The kind of story a headline tells, in any language dealbot reads."""
    return extract(title).kind


def extract_story(story: Story) -> Extraction:
    return extract(story.title, story.summary, story.content)


def _other_money_before(text: str, at: int, chosen: Money | None) -> bool:
    """ "its $200 million Series E", "€132 million in debt": the round named right after a
    different amount belongs to that amount, not to this deal."""
    if chosen is None:
        return False
    for m in find_money(text[max(0, at - 30) : at]):
        if abs(m.amount - chosen.amount) > 0.1 * chosen.amount:
            return True
    return False


_THIS_ROUND = re.compile(
    r"\b(?:the|this|its|the company's|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:round|raise|financing|funding|investment)\b",
    re.I,
)


def _about_other_round(sentence: str, chosen: Money | None) -> bool:
    """A sentence about another round: a different amount named as a round ("It raised a $15M
    pre-seed led by Creandum in February", "two $200 million credit lines, from HSBC") and not
    this deal's amount. Its backers are not this round's."""
    if chosen is None:
        return False
    money = find_money(sentence)
    if any(abs(m.amount - chosen.amount) <= 0.1 * chosen.amount for m in money):
        return False
    named = [m for m in money if _ROUND.search(sentence[m.end : m.end + 25])]
    # "The company's round, led by X, is made up of €468M in equity and €132M in debt": parts
    # of this round, which the sentence names first
    return bool(named) and not _THIS_ROUND.search(sentence[: named[0].start])


# a feed's summary cut short: "… in its Series A round led by Accel,…", "… [...]"
_TRUNCATED = re.compile(r"\s*[,;:]?\s*(?:…|\.{3}|\[(?:…|\.{3})\])\s*$")


# "Music Video Upstart ‘Triller’ Says …": the quoted brand a description introduces
_QUOTED_AFTER_NOUN = re.compile(
    rf"(?:{COMPANY_NOUN}|(?i:upstart|brand|service|label))\s+[‘'\"“]"
    r"([A-Z][\w.&+-]*(?: [A-Z][\w.&+-]*){0,2})[’'\"”]"
)


def _untruncated(summary: str) -> str:
    """A summary cut short ends its sentence where the cut fell: at a clause's end it keeps the
    clause ("led by Accel,…" → "led by Accel."), in mid-phrase it drops the last word, which
    may be half a name ("Existing investors Entrepreneurs ..." → "Existing investors.")."""
    if not summary.rstrip().endswith(("…", "...", "]")):
        return summary  # the common case, without searching the whole summary for its end
    cut = _TRUNCATED.search(summary)
    if not cut:
        return summary
    if re.match(r"\s*[,;:]", cut.group(0)) or re.search(r"[.!?]$", summary[: cut.start()]):
        return summary[: cut.start()].rstrip(".!?") + "."
    return re.sub(r"\s*\S+$", "", summary[: cut.start()]) + "."


def _extract(title: str, summary: str, content: str) -> Extraction:
    """The English reader: the headline's reading first, the body only for what it leaves out."""
    title = plain_text(title, limit=400)
    summary = _untruncated(plain_text(summary, limit=4000))
    content = plain_text(content, limit=MAX_BODY)
    title, form = normalise(title)
    reading = read(title)
    kind = reading.kind
    why = [("headline form", form)] if form else []
    if kind == "other":
        paired = _paired_with_investor(title, summary) or _summary_opens_on_a_round(title, summary)
        if paired is not None:
            return paired
    if kind not in ("funding", "rumor"):
        return Extraction(kind=kind, rules=(*why, ("kind", "english headline reading")))

    text = reading.text
    subject = find_subject(reading)
    company, location = subject.company, subject.location
    why += [("kind", "english headline reading"), ("company", "headline subject")]
    company, tidy = tidy_company(company, reading.text)
    if tidy:
        why[-1] = ("company", tidy)
    if company is None and (quoted := _QUOTED_AFTER_NOUN.search(title)):
        company, why[-1] = quoted.group(1), ("company", "quoted name after a description")
    if company is not None and (
        _written_lowercase(company, summary) or _opens_a_description(company, title, summary)
    ):
        named = _company_from_body(summary, content)
        if named is not None and named[0].lower() != company.lower():
            (company, location), why[-1] = (
                named,
                ("company", "a description, lowercase in the body"),
            )
    if company is None:
        company, location = _company_from_body(summary, content) or (None, location)
        why[-1] = ("company", "summary sentence subject" if company else "")
    if company and (company.isdigit() or company.lower() in _MONEY_TALK_WORDS):
        company = None  # "Fundraising is easier when …", "Elevate your 2025 fundraising …"
    not_a_round = _not_a_round(reading, company)
    if company and _INSTITUTION.search(company):
        not_a_round = "an institution's gift or grant"  # "Michigan State University Receives $401M"
    if (
        is_listed(company)
        and (reading.core_kind != "investor" or reading.text.find(company or "") > reading.core)
        and not INVESTOR_ACT.search(reading.text, reading.text.find(company or "") + 1)
    ):  # not when the listed company is one of the investors ("Volkswagen, Goldman lead …")
        not_a_round = "a long-listed company's money"  # "Intel gets $5.7 billion from …"
    if not_a_round:
        return Extraction(kind="other", rules=(*why[:-2], ("kind", not_a_round)))
    # A headline of whole sentences (trade-press openers): names in its first sentence are
    # read as a headline's, the later sentences ("X led, and was joined by Y") as a body's.
    first, *later = _title_sentences(text)
    leads = list(subject.lead_investors) + names.leads_in(first)
    investors = list(subject.investors) + names.investors_in(first)

    chosen, round_name = _headline_round(text, max(subject.verb_end, 0))
    valuation = _valuation_in(text) or _valuation_in(title)
    if chosen is not None and chosen.amount == valuation:
        chosen = None  # "Cred valued at $2.2 billion with new round": the body says the round
    body = " ".join(x for x in (summary, content) if x)
    sentences = later + (_sentences(body) if body else [])
    if chosen is None:
        relevant = [
            s for s in sentences if not company or _mentions(s, company) or _ROUND_TALK.search(s)
        ]
        chosen, body_round = _body_money(relevant)
        round_name = round_name or body_round
    elif round_name is None:
        round_name = _round_near_amount(sentences, chosen)
    if round_name is None:
        round_name = _round_the_body_names(sentences[:3], chosen)
    if valuation is None:
        valuation = _body_valuation(sentences)
    if location is None:
        location = location_in(" ".join(sentences[:2]), company)

    # Investors from the headline's other clauses ("...; Peak XV and Khosla participate") and
    # from the body, only from sentences about this round.
    title_leads, title_investors = investors_in_body(_PARTS.split(title)[1:], company)
    leads += title_leads
    investors += title_investors
    about_round = [s for s in sentences if not _about_other_round(s, chosen)]
    if about_round:
        body_leads, body_investors = investors_in_body(about_round, company)
        leads = leads or body_leads
        investors = investors + body_investors

    amount = chosen.amount if chosen else None
    if amount is not None and amount == valuation:
        amount = None  # "Cred valued at $2.2 billion with new round": one figure, the valuation
    currency = _currency(chosen, valuation, title + " " + body, location)
    if round_name == "debt" and _DEBT_AND_EQUITY.search(title + " " + body[:400]):
        round_name = None  # "raises $250m debt and equity": no single instrument
    leads = names.unique(leads, exclude=company)
    investors = names.unique(leads + investors, exclude=company)
    if kind == "rumor" and company is None and amount is None and valuation is None:
        # "Fundraising is a lot easier when you have traction": talk of money, no deal named
        return Extraction(kind="other", rules=(*why[:-1], ("kind", "talk of funding, no deal")))
    return Extraction(
        kind=kind,
        company=company,
        location=location,
        amount=amount,
        currency=currency,
        amount_usd=to_usd(amount, currency),
        round=round_name if round_name != "undisclosed" else None,
        valuation=valuation,
        valuation_currency=currency if valuation is not None else None,
        lead_investors=tuple(leads),
        investors=tuple(investors),
        aliases=aliases_in(title, company),
        rules=tuple(why),
    )


_DEBT_AND_EQUITY = re.compile(r"(?i)\b(?:debt and equity|equity and debt)\b")


# "ForwardLane & SEI Ventures to boost …": a company named beside an investment firm, and a
# summary that says the firm's money went in
_PAIRED = re.compile(
    r"^(?P<company>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}) (?:&|and) "
    r"(?P<investor>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2} (?:Ventures|Capital|VC|Partners))\b"
)
_ROUND_SAID = re.compile(
    r"\b(?:investment|funding|financing|seed|series [a-h]) round\b|\bstrategic investment\b"
    r"|\b(?:has |have )?(?:invested|raised)\b",
    re.I,
)


# a round told as the past or a running total, not the news
_PAST_ROUND = re.compile(
    r"(?i)\b(?:last (?:year|month|week|spring|summer|fall|autumn|winter)|earlier this year"
    r"|in 20\d\d|previously|prior|to date|in total|so far|since|which (?:has |had )?raised"
    r"|after raising|had raised|a total of|years? ago|months? ago"
    # a running total from a data source: "has raised over $46 million, according to Crunchbase"
    r"|according to (?:Crunchbase|PitchBook|Tracxn|CB Insights|Dealroom)"
    r"|(?:has|have) raised (?:over|more than|about|nearly|upwards of))\b"
)


# a headline about many deals ("The 10 biggest startup investments in Sweden this year"): its
# summary opens on the first of a list
_MANY_DEALS = re.compile(
    r"(?i)\b(?:investments|deals|rounds|raises|fundings|startups|roundup|round-up|digest|recap"
    r"|weekly|monthly|daily|newsletter|briefing|this (?:week|month|year))\b"
)


_FIGURE_OR_STAGE = re.compile(r"[\d$€£¥₹]|(?i:seed|series|round|million|billion)")
# a stem every raise or investor verb of CORE_VERB / INVESTOR_ACT that such a lead uses holds
_VERB_STEM = re.compile(
    r"(?i)rais|secur|clos|land|bag|nab|net|receiv|get|got|invest|back|led|lead|fund|pick|scor"
    r"|snag|haul|pull|grab|attract|drew|draw|collect|bank|rake|pocket|take|took|win|won|add|inject"
    r"|pour|pump|complet|obtain|emerg|announc|confirm|reveal"
)


def _summary_opens_on_a_round(title: str, summary: str) -> Extraction | None:
    """A feature whose headline says no money ("Mass Production Of A Self-Driving Restaurant
    Robot Is Coming") and whose summary opens on the round: "Bear Robotics has received a
    Series A investment of $32 million …" is the news."""
    # cheap tests first (this runs for every headline read as no deal): a figure or round word
    # where a lead could be, then in the first sentence with a verb stem, then the full patterns
    if not summary or not _FIGURE_OR_STAGE.search(summary, 0, 320):
        return None
    first = (_sentences(summary[:600]) or [""])[0]
    if not (0 < len(first) <= 320 and _FIGURE_OR_STAGE.search(first) and _VERB_STEM.search(first)):
        return None
    if not (CORE_VERB.search(first) or INVESTOR_ACT.search(first)):
        return None
    if find_money(title) or _MANY_DEALS.search(title) or _PAST_ROUND.search(first):
        return None
    if not (find_money(first) or find_round(first)):
        return None
    found = _extract(first, "", "")
    if found.kind != "funding" or not found.company or (found.amount is None and not found.round):
        return None
    return replace(
        found, rules=(*found.rules, ("kind", "a feature whose summary opens on its round"))
    )


def _paired_with_investor(title: str, summary: str) -> Extraction | None:
    m = _PAIRED.match(title)
    if not m or not _ROUND_SAID.search(" ".join(_sentences(summary)[:2])):
        return None
    company, investor = m.group("company"), m.group("investor")
    return Extraction(
        kind="funding",
        company=company,
        investors=(investor,),
        rules=(("kind", "company paired with an investor, round in the summary"),),
    )


# money made on a bet, a trade or a sale: a profit, not a round
_PROFIT_ON = re.compile(
    r"(?i)\b(?:nets?|netted|pockets?|pocketed|makes?|made|earns?|earned|rakes? in|raked in)\s+"
    r"(?:about |nearly |over |more than )?(?:US)?[$€£¥₹]\s?[\d.,]+\s*(?:[mbk]n?|million|billion)?"
    r"\s+(?:on|betting|trading|from (?:betting|trading|selling))\b(?!\s+(?:the back|top))"
)


# money from a product's backers or from donors, not investors: Kickstarter campaigns, fans,
# charity (equity crowdfunding on Crowdcube, Seedrs or Republic is an investment)
_PLEDGES = re.compile(
    r"(?i)\b(?:(?:on|via|through|with) (?:a |its |their )?"
    r"(?:Kickstarter|Indiegogo|GoFundMe|Patreon)|crowdfunding campaign|for charity"
    r"|from (?:fans|donors)|in donations)\b"
    r"|^GoFundMe (?:for|campaign)\b"
)


_A_COMPANY_DESCRIBED = re.compile(rf"(?:-backed|-funded)\s|\b{COMPANY_NOUN}\W*$")
_SUBJECT_PART = re.compile(
    r"(?i)\s(?:raises|raised|secures|secured|gets|bags|lands|nabs|closes|snags|nets|pulls in)\b"
)


def _not_a_round(reading: Reading, company: str | None) -> str | None:
    """The rule that makes a funding-worded headline no round, if one does."""
    text = reading.text
    said_before = text[: reading.core]
    if (
        company is None
        and reading.core_kind in ("verb", "later")
        and not _ENTITY.search(said_before)
        and not re.match(r"(?i)(?:an?|the|this|one)\s", said_before)
        and not _A_COMPANY_DESCRIBED.search(_SUBJECT_PART.split(text, 1)[0])
        # ("Grab-backed startup raises …": a company described, not a sector)
    ):
        return "a sector as the subject"  # "AI-powered coding pulls in $1bn"
    if _PROFIT_ON.search(text):
        return "money made on something"  # "Insider nets $1 million on Polymarket"
    if _PLEDGES.search(text):
        return "pledges, pre-orders or donations"  # "Exploding Kittens raises $8M on Kickstarter"
    placed = _INVEST_IN.search(text)
    if placed and _spent_in_a_place(text, placed):
        return "investment in a place"  # "GM to invest $2.2B in Detroit"
    return None


def _headline_round(text: str, anchor: int) -> tuple[Money | None, str | None]:
    """The headline's round money (the first after the verb, not a valuation or an old figure)
    and the round named beside it, or anywhere in the headline."""
    title_money = find_money(text, bare=True)
    rounds = [
        m
        for m in round_money(text, title_money)
        if not _is_valuation(text, m)
        and not _is_old(text, m)
        and not _SALES_AFTER.match(text, m.end)  # "Crosses $1 Billion in Lifetime Sales"
    ]
    after = [m for m in rounds if m.start >= anchor]
    chosen = (after or rounds)[0] if rounds else None
    round_name = find_round(text[chosen.start : chosen.end + 40]) if chosen is not None else None
    return chosen, round_name or find_round(_EARLIER_ROUND.sub("", text))


# "… 5 months after $100M Series A", "following its Series B": an earlier round, not this one
_EARLIER_ROUND = re.compile(
    r"\b(?:(?:\w+ )?(?:days?|weeks?|months?|years?) after|after|following|since|on top of)\s"
    r"[^,;:]*",
    re.I,
)


def _body_money(relevant: list[str]) -> tuple[Money | None, str | None]:
    """A headline without money: the first body sentence about this company's funding that
    names the round's money, and the round beside it."""
    for s in relevant:
        if not BODY_FUNDING_VERB.search(s) and not BODY_FUNDING_NOUN.search(s):
            continue
        m = _round_amount(s, find_money(s), strict=True)
        if m is not None:
            return m, find_round(s[m.start : m.start + 60])
    return None, None


def _round_near_amount(sentences: list[str], chosen: Money) -> str | None:
    """The round a body sentence names beside the headline's amount ("$50M Series B")."""
    for s in sentences:
        for m in find_money(s):
            if abs(m.amount - chosen.amount) <= 0.02 * chosen.amount and not _is_old(s, m):
                found = find_round(s[m.end : m.end + 40]) or find_round(
                    s[max(0, m.start - 30) : m.start]
                )
                if found:
                    return found
    return None


def _round_the_body_names(opening: list[str], chosen: Money | None) -> str | None:
    """ "8VC led the Series A", "The Series B values it at $552M": a round the body's opening
    sentences name for this deal, not one from its past ("its $200M Series B in 2022")."""
    for s in opening:
        if BODY_FUNDING_VERB.search(s) or BODY_INVESTOR_VERB.search(s) or _ROUND_SUBJECT.search(s):
            candidate = [
                r
                for r in _ROUND.finditer(s)
                if is_round(s, r)
                and not _OLD.search(s[max(0, r.start() - 30) : r.start()])
                and not _PAST_AFTER.match(s[r.end() : r.end() + 40])
                and not _other_money_before(s, r.start(), chosen)
            ]
            if candidate:
                return round_of(candidate[0])
    return None


def _body_valuation(sentences: list[str]) -> float | None:
    for s in sentences:
        if re.search(r"\b(?:round|raise|funding|investment|valu)", s, re.I):
            valuation = _valuation_in(s)
            if valuation is not None:
                return valuation
    return None


def _currency(
    chosen: Money | None, valuation: float | None, text: str, location: str | None
) -> str | None:
    """The round's currency: its money's, else the valuation's or a guess from the text; a yen
    sign on a Chinese company is yuan."""
    currency = chosen.currency if chosen else None
    if chosen is None and valuation is not None:
        currency = _valuation_currency(text)
    if chosen is not None and currency is None:
        currency = _guess_currency(text)
    if currency == "JPY" and location and location in ("China", "Beijing", "Shanghai", "Shenzhen"):
        currency = "CNY"
    return currency


# who, when the headline names no company, can still have raised: a company described, or people
_ENTITY = re.compile(
    r"\b(?i:startups?|start-ups?|company|companies|firm|maker|provider|developer|platform|app"
    r"|lender|insurer|neobank|marketplace|operator|brand|unicorn|business|venture|spin-?out"
    r"|spin-?off|lab|studio|team|outfit|project|\w+tech|fintech|biotech|chipmaker|founders?"
    r"|co-?founders?|alums?|alumni|execs?|executives?|veterans?|vets?|engineers?|researchers?"
    r"|scientists?|dropouts?|creators?|duo|trio|pair|CEO|designer|manufacturer|producer"
    r"|supplier|retailer|chain|network|agency|clinic|school|carrier|airline|builder)\b"
    r"|(?<![\w-])[A-Z][\w.&'’]*[a-z][\w.&'’]*(?![\w-])"  # a capitalised name, not "AI-powered"
    r"|(?<![\w-])[A-Z]{2,}(?![\w-])"  # an initialism ("MIT", "UK")
)
_INVEST_IN = re.compile(
    r"\b(?i:invest\w*|pour\w*|pump\w*|inject\w*)\s+(?:[\w$€£.,]+\s+){0,4}?(?i:in(?:to)?)\s+"
    r"([A-Z][\w-]+)"
)


def _spent_in_a_place(text: str, m: re.Match) -> bool:
    """ "to invest $2.2B in Detroit to build …": a place itself, not "in Indian e-commerce giant
    Flipkart", "in India's CoinDCX", "in Singapore Airlines" or "in Brazil, a $4M seed for …"."""
    word = m.group(1)
    after = text[m.end() :]
    return (
        place_name(word) == word
        and not re.match(r"[’']s\b|\s+(?!" + _TITLE_SMALL + r"\b)[A-Z][a-z]", after)
        and not _FIRM_AFTER.match(after)  # "in Berlin startup Acme"
        and not DEAL_AFTER.search(after)
    )


# Title Case small words after a place end the phrase ("In Singapore Through New MOUs")
_TITLE_SMALL = r"(?:Through|To|For|With|As|By|And|In|On|At|From|Via|After|Under|Over|Amid)"
_FIRM_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{COMPANY_NOUN}\b")
DEAL_AFTER = re.compile(r"[$€£₹¥]|\b(?:seed|series|round|stake)\b", re.I)


def _company_from_body(summary: str, content: str) -> tuple[str, str | None] | None:
    """The company a description-only headline means, named by the story's first sentences
    ("Indian insurtech raises $45M" / "Mumbai-based Acme has raised $45M …")."""
    body = " ".join(x for x in (summary, content) if x)
    for sentence in _sentences(body)[:3]:
        reading = read(sentence[:300])
        if reading.kind in ("funding", "rumor"):
            found = find_subject(reading)
            placed = _PLACE_THEN_FIRM.search(sentence)
            if placed and placed.group("place").startswith(found.company or ""):
                return placed.group("name").rstrip("."), placed.group("place").split(",")[0]
            if (
                found.company
                and not place_name(found.company)
                and not _WHEN.fullmatch(found.company)
                and not re.fullmatch(r"[A-Z][a-z]+ing", found.company)  # "Designing …"
            ):
                return found.company, found.location
    for sentence in _sentences(body)[:3]:
        named = _OPENS_WITH_NAME.match(sentence) or _THE_FIRM_NAMED.search(sentence)
        if named and not _NOT_A_FIRM_NAME.match(named.group("name")):
            return named.group("name"), None
    for sentence in _sentences(body)[:2]:
        named = _NAME_THEN_VERB.match(sentence)  # "MioTech also offers …", "Nines Radiology is …"
        if named and _looks_like_a_name(named.group("name")):
            return named.group("name"), None
    return None


def _written_lowercase(company: str, summary: str) -> bool:
    """A Title Case headline's description ("Malaysian Healthy Snacks E-commerce Platform …"):
    the summary writes the same words in lowercase ("a Malaysian healthy snacks e-commerce
    platform") and never as a name."""
    if " " not in company or not all(w[:1].isupper() for w in company.split()):
        return False
    lowered = summary.lower().find(company.lower())
    return lowered >= 0 and company not in summary and summary[lowered].islower()


_WORD = re.compile(r"[\w'’-]+")


def _opens_a_description(company: str, title: str, summary: str) -> bool:
    """ "Cancer medtech tops up Series B": one capitalised word that opens the headline before
    lowercase words is a description's first word when the summary writes it only in lowercase
    ("… AI-powered cancer care")."""
    rest = title[len(company) :]
    if " " in company or not title.startswith(company) or not re.match(r"\s+[a-z]", rest):
        return False
    words = set(_WORD.findall(summary))  # plain string tests: no pattern built per story
    return company not in words and company.lower() in {w.lower() for w in words}


def _looks_like_a_name(name: str) -> bool:
    """A brand, not a sentence's first common word: CamelCase, several capitalised words, a
    digit, or one word that is neither common nor a description."""
    if _NOT_A_FIRM_NAME.match(name):
        return False
    words = name.split()
    if len(words) > 1 or re.search(r"[a-z][A-Z]|\d", name):
        return not any(w.lower() in DESCRIPTORS for w in words)
    return name.lower() not in COMMON and name.lower() not in DESCRIPTORS


# "Berkshire Grey, which creates robotics …", "The firm, Placer.ai, uses …": the body names the
# company the headline only describes
_FIRM_NAME = r"(?P<name>[A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|&)){0,3})"
_OPENS_WITH_NAME = re.compile(
    _FIRM_NAME + r",\s(?:which|a|an|the|based|founded|headquartered|whose|[A-Z][\w-]*['’]s)\b"
)
_THE_FIRM_NAMED = re.compile(
    r"(?:\b[Tt]he|[’']s(?:\s[\w-]+){0,3}|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s[\w-]+){0,3})"
    r" (?:firm|company|startup|start-up|business|platform),\s" + _FIRM_NAME + r","
)
_MONEY_TALK_WORDS = frozenset({"fundraising", "funding", "investment", "investing", "raising"})
# a university, school, hospital or museum is given money, it raises no venture round
_INSTITUTION = re.compile(
    r"\b(?:University|College|School|Hospital|Museum|Foundation|Library|Zoo|Orchestra|Church"
    r"|County|Council|Ministry|Department|Act|Congress|Senate|Parliament|Government)$"
)  # "CHIPS Act clears Congress, ensuring $52 billion boost": a law's money is no round
# "for Berkeley, California, startup Anyscale": a city and its state, then the company
_PLACE_THEN_FIRM = re.compile(
    r"\b(?P<place>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?,\s[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?),\s"
    r"(?:[\w-]+\s){0,2}(?:startup|start-up|company|firm)\s" + _FIRM_NAME
)
# a day or a month is never the company ("… on Thursday, the startup said …")
_WHEN = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Today|Yesterday|Tomorrow"
)
_NOT_A_FIRM_NAME = re.compile(
    r"(?:The|This|That|It|Its|In|On|At|For|But|And|However|Meanwhile|Today|Now|Last|Earlier"
    r"|According|After|Before|While|With|Founded|Based)\b"
)

_NAME_THEN_VERB = re.compile(
    _FIRM_NAME + r"\s(?:is|was|has|have|also|uses|offers|provides|builds|makes|develops|helps"
    r"|said|says|announced|raised|secured|closed|launched|was founded|operates|sells)\b"
)


def _valuation_currency(text: str) -> str | None:
    for m in find_money(text):
        if _is_valuation(text, m):
            return m.currency
    return None


def _mentions(sentence: str, company: str) -> bool:
    return company.split()[0].lower() in sentence.lower()


def _guess_currency(text: str) -> str | None:
    if re.search(r"\b(?:crore|lakh|rupees?|INR)\b|₹|\bRs\b", text, re.I):
        return "INR"
    if re.search(r"\b(?:euros?)\b|€", text, re.I):
        return "EUR"
    if re.search(r"\b(?:dollars?)\b|\$", text, re.I):
        return "USD"
    return None


def is_funding_story(story: Story) -> bool:
    """Does this story announce a funding round? (What `feeds add` counts.)"""
    return extract_story(story).is_funding
