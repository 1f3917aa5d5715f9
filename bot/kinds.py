"""What kind of story a headline tells: funding, rumor, acquisition, ipo, fund or other.

A headline is funding when its main clause has a *funding core*: a completed money verb with a
money object ("raises $5M", "lands seed funding", "snaps up $7M"), an investor acting on a named
company ("Accel leads $9M round in X", "Google backs X"), a round named with its size ("X's $40M
round"), or a new valuation ("hits $3B valuation"). Words around the core decide the rest: a
modal or progressive ("in talks to raise", "seeks", "may invest") makes it a rumor, a fund as
the object makes it a VC fund, a purchase or a listing said first makes it an acquisition or an
IPO. Subordinate clauses ("After raising $100M, X shuts down", "X, which raised $5M, ...") and
aggregate subjects ("European AI startups raised $8B") are not a deal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.money import Money, find_money

# Completed money verbs, present and past (and base forms for plural subjects: "engineers land").
_VERBS = (
    r"raises|raised|raise|secures|secured|secure|lands|landed|land|nabs|nabbed|nab|bags|bagged"
    r"|bag|snags|snagged|snag|grabs|grabbed|grab|scores|scored|score|closes|closed|close"
    r"|pulls in|pulled in|pull in|picks up|picked up|pick up|gets|got|get|receives|received"
    r"|attracts|attracted|collects|collected|banks|banked|hauls in|hauled in|rakes in|raked in"
    r"|takes in|took in|brings in|brought in|draws|drew|wins|won|clinches|clinched|nets|netted"
    r"|tops up|topped up|adds|added|completes|completed|announces|announced|unveils|unveiled"
    r"|reveals|revealed|books|locks in|locked in|mops up|amasses|amassed|reels in|reeled in"
    r"|notches|snares|inks|inked|signs|signed|seals|sealed|wraps up|obtains|obtained|fetches|fetched"
    r"|garners|garnered|racks up|corrals|captures|captured|unlocks|unlocked|swallows|gobbles up"
    r"|confirms|confirmed|finalizes|finalises|finalized|nabs|lures|lured|taps|tapped|commands"
    r"|commanded|secures|bags|clinches|hauls|scoops|scooped|launches with|launched with"
    r"|launch with|debuts with|emerges from stealth with|emerges with|exits stealth with"
    r"|comes out of stealth with|out of stealth with|(?:\w+s|\w+ed) up"
)
_CORE_VERB = re.compile(
    rf"(?<![\w-])(?-i:has |have |had |just |also |quietly |reportedly )*(?:{_VERBS})\b", re.I
)
# What such a verb must take for the headline to be about new money.
_MONEY_NOUN = (
    r"funding|financing|investment|investments|round|rounds|raise|backing|seed|pre-seed"
    r"|pre-series [a-h]|series [a-h]\d?|capital|cash|funds|money|war chest|injection"
    r"|venture debt|debt|loans?|credit|grant|grants|investors?|backers?|check|cheque|valuation"
    r"|tranche|extension|infusion|boost|(?:tens|hundreds) of millions|millions|billions|crores?"
)
_OBJECT = re.compile(
    rf"^(?:[\s,]+(?:[\w'’‘“”.,-]+\s+){{0,5}}?)?[‘“'\"]?(?:{_MONEY_NOUN})\b|^\W*(?:[\w'’.-]+\s+){{0,3}}?\$",
    re.I,
)
_NOUN_RE = re.compile(rf"\b(?:{_MONEY_NOUN})\b", re.I)
# Investors acting on a company: "X leads $Y round in Z", "X backs Z", "X puts $1M into Z".
_INVESTOR_ACT = re.compile(
    r"(?<![\w-])(?:leads|co-leads|led|co-led|lead|backs|backed|back|invests|invested|invest|pours"
    r"|poured|pour|injects|pumps|ploughs|plows|doubles down on|doubled down on|double down on"
    r"|bankrolls|funds|puts|put|bets|bet|sinks|commits|committed|gave|gives|give"
    r"|boosts (?:its )?investment in|ups (?:its )?stake in|takes (?:a )?stake in|makes|made)(?![\w-])"
    r"(?! by)",
    re.I,
)
_INVEST_TARGET = re.compile(
    r"^\s+(?:(?:an?|its|\$\S+|\S*\d\S*|[\w'’-]+)\s+){0,6}?(?:round|seed|series [a-h]|investment|stake)?"
    r"\s*(?:in|into|on|for|behind)\s+\S|^\s+(?:[A-Z]|a16z|(?:an?|the|his|her|its|their)\s+\S)"
    r"|^\s+(?:[\w'’-]+\s+){0,4}?(?:startup|app|company|firm|maker|platform|rival|provider|\w+tech)\b",
)
VALUATION_EVENT = re.compile(
    r"\b(?:hits|hit|reaches|reached|lands|nabs|snags|notches|secures|scores|gets|grows to|jumps to"
    r"|jumped to|soars to|leaps to|doubles|doubled|triples|tripled|quadruples|quintuples|rockets to"
    r"|climbs to|surges to|now worth|valued at|valuing|confirms new|boosts? valuation)\b",
    re.I,
)
_VALUATION_WORD = re.compile(r"\bvaluation\b|\bvalued at\b|\bvaluing\b", re.I)
UNICORN = re.compile(
    r"\b(?:becomes (?:a |an )?\S*\s?unicorn|turns (?:a |an )?unicorn|unicorn status|joins the unicorn)",
    re.I,
)
_BACKED_BY = re.compile(r"(?<![\w-])(?i:backed|funded) by (?:[A-Z]|a16z)")

_RUMOR = re.compile(
    r"\b(?:in (?:early |advanced |final )?talks|in discussions|is raising|are raising|was raising"
    r"|seeks?|seeking|sought|looks? to raise|looking to raise|aims? to raise|aim(?:s|ed)? for"
    r"|plans? to raise|planning to raise|set to (?:raise|close|secure|land)|sets out to raise"
    r"|nears?|nearing|eyes|eyeing|could raise|may raise|might raise|would value|could value"
    r"|in the process of raising|closing in on|mulls|weighs|wants to raise|hopes to raise"
    r"|pitching investors|courting investors|trying to raise|reportedly raising|to raise"
    r"|fundraising|tries to raise|explores? (?:a )?(?:raise|funding)|targets?|targeting"
    r"|may invest|might invest|could invest|to invest|propose[sd]?|about to|expected to"
    r"|shopping around|on track to|poised to|up (?:its|their) investment|reportedly valued)\b",
    re.I,
)
# A rumor verb needs a money object ("nears release" is not a rumor).
_RUMOR_OBJECT = re.compile(
    rf"^\W*(?:[\w'’.-]+\s+){{0,6}}?(?:{_MONEY_NOUN}|unicorn|deal)\b|^\W*(?:[\w'’.-]+\s+){{0,4}}?\$",
    re.I,
)
_ACQUISITION = re.compile(
    r"\b(?:acquires|acquired|acquire|acquiring|acquisition|acquisitions|buys|bought|to buy"
    r"|buying|snaps up|snapped up|merges with|merger|merge|acqui-?hires?|acquihires?|takeover"
    r"|takes over|sells to|sold to|agrees to sell|to sell|selling to|sells (?:its|itself)|sells in"
    r"|sale to|(?:\$\S+|billion) sale|bid for|paid \$\S+ for|pays \$\S+ for|picks up [A-Z]\w*(?! \$)"
    r"|scoops up [A-Z]\w*(?! \$))\b",
    re.I,
)
_IPO = re.compile(
    r"\b(?:IPO|IPOs|initial public offering|goes public|going public|go public|went public"
    r"|public debut|stock market debut|market debut|trading debut|direct listing|SPAC"
    r"|lists on|listing on|to list on|files? to list|files? (?:confidentially )?for|Nasdaq debut"
    r"|NYSE debut|shares (?:soar|jump|pop|fall|sink|surge))\b"
)
_FUND_NOUN = r"funds?\b(?![-\w])(?!\s+(?:from|expansion|its|their|growth|the|a|an|further))"
_FUND = re.compile(
    r"\bfund (?:[IVX]+|\d+)\b"
    r"|\b(?:new|first|debut|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural"
    r"|latest|flagship|maiden|oversubscribed|opportunity|opportunities|growth|seed|venture"
    r"|early-stage|late-stage|climate|continuity|evergreen|secondaries|rolling|pre-seed|impact"
    r"|deep tech|deeptech|fintech|vc|debut|largest|biggest|solo|creator)"
    r"(?: [\w-]+)? fund\b(?![-\w])"
    r"|\b(?:its|her|his|their|a) (?:[\w-]+ ){0,3}fund\b(?![-\w])"
    r"|(?<![\w$€£])(?:\$|€|£)\S+ (?:(?!round|led|by|from|in)[\w-]+ ){0,3}fund\b(?![-\w])"
    r"|\b(?:early|late|growth|seed|venture)-stage funds\b|\b(?:its|their) (?:new |latest |[\w-]+ )?funds\b"
    r"|\bfunds? (?:to|that will|for) (?:back|invest in|support) (?:\w+ ){0,3}?(?:startups|founders|companies)"
    r"|\bvc firm\b|\bventure firm\b",
    re.I,
)
_FUND_SOURCE = re.compile(
    r"\b(?:from|by|with|and) (?:[\w'’.&-]+ ){0,4}?(?:new |\$\S+ )?(?:[\w-]+ )?fund\b", re.I
)
_INVESTOR_FIRM = re.compile(
    r"(?:\bVC|Ventures|Capital|Partners|VC firm|venture firm|Investments)\s*$"
    r"|\b(?:VCs?|VC firm|venture firm|investment firm|investor)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*$"
)
_OTHER = re.compile(
    r"\b(?:lays? off|laid off|layoffs?|cuts? (?:\d+% of )?(?:jobs|staff|workforce)|shuts? down"
    r"|shutting down|shutters|shuttering|bankrupt\w*|insolvency|tender offer|secondary"
    r"|secondaries|sues|sued|lawsuit|revenue|arr\b|valuation (?:cut|slashed|haircut|drop|crash)"
    r"|cuts? (?:[\w'’]+ ){0,5}valuation|valuation of \w+|lose (?:its|their) unicorn|writes? down"
    r"|marks? down|markdown|value of (?:its|their) stake|podcast|newsletter|biggest (?:funding )?rounds"
    r"|funding round-?up|week in review|startups weekly|this week in|daily crunch"
    r"|pitch deck teardown|investors (?:say|share|predict|want)|the week'?s"
    r"|here are|here'?s|these are the|top \d+|\d+ (?:[\w-]+ ){0,3}(?:startups|companies) (?:that|to|have|raised)"
    r"|every \w+ (?:startup|company)|full list|contract|settlement|patent|fine[sd]?|penalty"
    r"|tickets?|passes|save \$|savings|disrupt 20\d\d|all stage|sessions?|webinar|state of"
    r"|defraud\w*|pays? (?:top )?execs|salar(?:y|ies)|pay early employees|bounces back|collapsed?"
    r"|collapses|cancel\w*|help (?:[\w-]+ ){0,3}(?:startups|founders|companies) raise)\b",
    re.I,
)
_ROUNDUP_PREFIX = re.compile(
    r"^(?:startups weekly|week in review|this week in|the week|daily crunch|techcrunch \w+"
    r"|equity|the exchange|deal dive|pitch deck teardown|the interview|found|raising|how to"
    r"|here are|here'?s|every |why vcs|inside |who |what |when |should |can |do |does |did |will |is |are )",
    re.I,
)
# Plural generic subjects tell about many companies, not one deal.
_AGGREGATE = re.compile(
    r"^(?:(?:the )?\d+\s+)?(?:[\w'’-]+\s+){0,4}?(?:startups|companies|firms|unicorns)"
    r"\s+(?:that |which |who |with [^,]{0,40}?)?(?:have |had |just |also )*(?:raised?|attracted"
    r"|got|secured|drew|landed)\b",
    re.I,
)
_SUBORDINATE = re.compile(
    r"^(?:(?:just |only |some |about |nearly |less than |more than |a |an |\w+ )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)?\s*"
    r"(?:days?|weeks?|months?|years?)\s+)?(?:after|once|since|following|before|months after)"
    r"\s[^,]{1,120},\s*",
    re.I,
)
_RELATIVE = re.compile(
    r",\s*(?:which|who|that|once|after)\s[^,]{1,120}(?:,|$)|\b(?:that|which|who) (?:has |have |had |once |previously )*(?:raised|secured|landed|got|closed)\b[^,]{0,80}",
    re.I,
)
_FOREIGN = re.compile(
    r"\b(?:recauda|levée|lève|millones|millions d'euros|Millionen|sammelt|erhält|investimento"
    r"|rodada|capta|ronda|financiación|finanziamento|raccoglie|miljoen|haalt|miljoner|rejst"
    r"|inwestycj|yatırım|milyon|juta|triệu)\b|亿|融资|万元|資金調達|億円|투자|억원",
    re.I,
)
_NOT_ROUND_AFTER = re.compile(
    r"^\+?\s*(?:(?!(?:to|for|in|with|from|at|as|and|of|on|by|led|round|seed|series|funding)\b)[\w-]+\s+){0,3}?"
    r"(?:contract|challenge|competition|contest|prize|project|order|orders|deal|gpu|fee|bid|ipo"
    r"|case|settlement|sale|arr|revenue|offers?|pay|package|compensation|fund|valuation|a month|per|award|market|acquisition"
    r"|loss|losses|budget|fine|penalty|tickets?|savings|off\b|impact|privacy|facility"
    r"|in (?:annual )?revenue|in sales|in bitcoin|in federal)\b",
    re.I,
)


# Cues that make a headline not a new round whatever else it says.
_STRONG_OTHER = re.compile(
    r"\b(?:tender offer|secondary (?:sale|share|shares|round|transaction|deal|market)|share sale"
    r"|employee shares|writes? (?:off|down)|write-?(?:off|down)|(?:raises|cuts|lowers|slashes"
    r"|marks? (?:up|down)) (?:its |the )?valuation of|(?:in|during) (?:Q[1-4]|H[12])\b"
    r"|funding in 20\d\d)",
    re.I,
)


def round_money(text: str, money: list[Money]) -> list[Money]:
    """Money that can be a round: not a valuation, price, contract, fund or small sum."""
    out = []
    for m in money:
        after = text[m.end : m.end + 40]
        if m.amount < 100_000 and not re.match(
            rf"^\W*(?:in |of )?(?:\w+ )?(?:{_MONEY_NOUN})\b", after, re.I
        ):
            continue  # "$500", "$30,000": a price
        if _NOT_ROUND_AFTER.search(after):
            continue
        if m.currency is None and not re.match(
            rf"^\W*(?:in |of )?(?:\w+ )?(?:{_MONEY_NOUN})\b", after, re.I
        ):
            continue  # "780 million queries": a count, not money
        before = text[max(0, m.start - 40) : m.start]
        if _NOT_ROUND_BEFORE.search(before):
            continue
        out.append(m)
    return out


_NOT_ROUND_BEFORE = re.compile(
    r"\b(?:valued at|valuation of|valuation to|valuing [\w\s'’-]{0,40}at|worth|up from|from"
    r"|after (?:reaching|hitting)|his|her|their|than|as little as|for)\s*(?:over |nearly |about |around |more than )?$",
    re.I,
)


def non_latin(text: str) -> bool:
    letters = [c for c in text[:400] if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250")
    return latin / len(letters) < 0.6


_PARTS = re.compile(r"\s+[–—|]\s+|\s+-\s+|(?<=[\w’'])[:;]\s+|(?<=\?)\s+|\s+//\s+")
# "... just 6 months after an $11M seed": the past, not this round.
_TIME_AFTER = re.compile(
    r"\s(?:just |only |barely )?(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a few|several) )?(?:days?|weeks?|months?|years?) (?:after|since)\b.*$",
    re.I,
)
_APPOSITIVE = re.compile(r",\s*(?:an?|the)\s[^,]{1,80},")


def main_text(title: str) -> str:
    """The headline's news clause: no prefixes, no question before the news, no asides."""
    parts = [p.strip() for p in _PARTS.split(title.strip()) if p.strip()]
    statements = [p for p in parts if not p.endswith("?")]
    if not statements:
        return ""
    text = statements[0]
    if len(statements) > 1:
        for i, p in enumerate(statements):
            if _CORE_VERB.search(p) or _INVESTOR_ACT.search(p) or find_money(p):
                text = p
                if i and re.match(r"(?:and|but|now|so)\b", p):
                    text = (
                        statements[i - 1] + ", " + p
                    )  # "X's agents took off - and attracted funding"
                break
    text = _SUBORDINATE.sub("", text, count=1)
    text = _TIME_AFTER.sub("", text)
    text = _RELATIVE.sub(",", text)
    text = _APPOSITIVE.sub(",", text)
    return text.strip(" ,")


_AFTER_CLAUSE = re.compile(
    r"\b(?:after|when|before|since|once|because) (?:it|they|he|she|we)\s+(?:\w+ )?$", re.I
)
_MODAL = re.compile(
    r"\b(?:could|may|might|would|will|set to|to|plans to|aims to|hopes to|wants to)\s+"
    r"(?:just |also |quickly |soon |finally )?$",
    re.I,
)
# Reporting verbs take money only as their direct object ("confirms $100M raise").
_WEAK_VERBS = {
    "confirms",
    "confirmed",
    "reveals",
    "revealed",
    "announces",
    "announced",
    "unveils",
    "unveiled",
    "gets",
    "got",
    "get",
    "wins",
    "won",
    "adds",
    "added",
    "banks",
    "banked",
    "draws",
    "drew",
    "books",
    "signs",
    "signed",
    "completes",
    "completed",
    "inks",
    "inked",
    "seals",
    "sealed",
    "taps",
    "tapped",
    "commands",
    "commanded",
    "captures",
    "captured",
    "takes in",
    "took in",
}
_TIGHT_OBJECT = re.compile(
    rf"^\s*(?:its |a |an |the |new |fresh |another |first |over |nearly |up to |more than |about )*"
    rf"(?:[$€£₹¥]|\S+ (?:million|billion|crore)|[‘“'\"]?(?:[\w'’‘“”-]+ )?(?:{_MONEY_NOUN})\b)",
    re.I,
)
_BASE_FORMS = {"lead", "back", "invest", "pour", "put", "bet", "give", "double down on"}
_PLURAL_SUBJECT = re.compile(
    r"(?:\band\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|,\s+(?:[A-Z][\w-]*\s+){1,3}|\b(?:[Tt]hey|[Ww]e|[Ii]nvestors|[Bb]ackers|VCs|[Ff]unds|[Ff]irms)|[a-z]ors|[a-z]ers|[A-Z]s)"
    r"\s+(?:just |also |all |reportedly )?$"
)
_PREP_VERBS = ("doubles down on", "doubled down on", "double down on")


def _core(text: str, money: list[Money]) -> tuple[int, int, str]:
    """Where the funding core of `text` starts and ends, and its type ("verb", "later",
    "investor"); (-1, -1, "") when there is none."""
    rounds = round_money(text, money)
    best, end, kind = -1, -1, ""
    for m in _CORE_VERB.finditer(text):
        if _AFTER_CLAUSE.search(text[: m.start()]):
            continue
        rest = text[m.end() : m.end() + 80]
        verb = re.sub(
            r"^(?:(?:has|have|had|just|also|quietly|reportedly) )+", "", m.group(0).lower()
        )
        if verb in _WEAK_VERBS and not _TIGHT_OBJECT.search(rest):
            continue
        later = [r for r in rounds if 0 <= r.start - m.end() < 80]
        if _OBJECT.search(rest):
            dollar = re.match(r"^\W*(?:[\w'’.-]+\s+){0,3}?(?=[$€£₹¥]|\d)", rest)
            if dollar and not later and not _NOUN_RE.search(rest[:50]):
                continue  # "wins $733M contract": money, but not a round
            best, end, kind = m.start(), m.end(), "verb"
            break
        if later:
            best, end, kind = m.start(), m.end(), "later"
            break
    for m in _INVESTOR_ACT.finditer(text):
        word = m.group(0).lower()
        rest = text[m.end() :]
        if _AFTER_CLAUSE.search(text[: m.start()]) or not m.start():
            continue
        if word in _BASE_FORMS and not _PLURAL_SUBJECT.search(text[: m.start()]):
            continue
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
                r"^\s+(?:its |his |her |their |an? |another )?(?:[\w-]+ ){0,2}investment\b",
                rest,
                re.I,
            ):
                if best < 0 or m.start() < best:
                    best, end, kind = m.start(), m.end(), "investor"
            continue
        if word in ("commits", "committed") and not re.match(
            r"^\s+\S+\s+to\s+(?:[\w.'’-]+\s+){0,6}?(?:startup|company|firm|maker)\b", rest, re.I
        ):
            continue
        if word not in _PREP_VERBS + ("commits", "committed") and not _INVEST_TARGET.search(
            rest[:120]
        ):
            continue
        if best < 0 or m.start() < best:
            best, end, kind = m.start(), m.end(), "investor"
        break
    return best, end, kind


_LISTICLE = re.compile(r"\b(?:here are|here'?s the|full list|top \d+|these are the)\b", re.I)
_POSSESSIVE_ROUND = re.compile(
    r"\w(?:'s|’s) (?:\S+ ){0,4}?(?:series [a-h]\d?|seed round|funding round"
    r"|(?:[$€£₹¥]|Rs)\S* (?:\S+ )?(?:round|raise|seed))\b",
    re.I,
)
_WITH_MONEY = re.compile(r"\bwith (?:a |an |fresh |new |another |nearly |over |more than )*$", re.I)
_CLUB = re.compile(r"\bjoins (?:the )?(?:[\w-]+ ){0,4}(?:unicorns?|unicorn club)\b", re.I)


@dataclass(frozen=True)
class Reading:
    """How a headline was read: its kind, its news clause and where the funding core sits."""

    kind: str
    text: str = ""
    core: int = -1
    core_end: int = -1
    core_kind: str = ""


def classify(title: str) -> str:
    """The kind of story a headline tells: funding, rumor, acquisition, ipo, fund or other."""
    return read(title).kind


def read(title: str) -> Reading:
    """Read a headline: its kind, and for deals the clause and verb the facts hang on."""
    if not title or _FOREIGN.search(title) or non_latin(title):
        return Reading("other")
    text, core, end, core_kind = "", -1, -1, ""

    def done(kind: str) -> Reading:
        return Reading(kind, text, core, end, core_kind)

    head = title.lstrip("‘'\"“ ")
    if _ROUNDUP_PREFIX.search(head) and not re.match(r"^(?:equity|found)\w", head, re.I):
        return done("other")
    if _LISTICLE.search(title):
        return done("other")
    text = main_text(title)
    if not text or _AGGREGATE.search(text) or _STRONG_OTHER.search(text):
        return done("other")
    money = find_money(text, bare=True)
    core, end, core_kind = _core(text, money)
    val_event = VALUATION_EVENT.search(text) is not None and (
        _VALUATION_WORD.search(text) is not None
        or re.search(r"\b(?:grows|jumps|soars|leaps) to [$€£₹¥]", text) is not None
    )

    fund = _FUND.search(text)
    if fund and core_kind != "investor" and not _FUND_SOURCE.search(text):
        if not re.search(r"\bto fund\b", text, re.I):
            return done("fund")
    if (
        core >= 0
        and core_kind == "verb"
        and not re.search(r"\b(?:from|in|into|for)\b", text[core:], re.I)
    ):
        if _INVESTOR_FIRM.search(text[:core].strip()):
            return done("fund")

    rumor = _rumor_at(text)
    if core >= 0 and _MODAL.search(text[:core]):
        rumor = core if rumor < 0 else min(rumor, core)
    acq = _ACQUISITION.search(text)
    if acq and (core < 0 or acq.start() < core or core_kind == "later"):
        if not (
            re.match(r"(?:snaps|snapped|scoops) up", acq.group(0), re.I)
            and round_money(text, money)
        ):
            return done("acquisition")
    ipo = _IPO.search(text)
    if ipo and (
        core < 0 or ipo.start() < core or re.search(r"[$€£₹¥]\S+\s+(?:\w+\s+)?IPO\b", text)
    ):
        return done("ipo")
    if rumor >= 0 and (core < 0 or rumor <= core):
        return done("rumor")
    other = _OTHER.search(text)
    if other and not (
        core >= 0
        and core < other.start()
        and not (re.match(r"secondar", other.group(0), re.I) and other.start() - core < 40)
    ):
        if not (val_event and re.match(r"(?:revenue|arr)", other.group(0), re.I)):
            return done("other")
    if core >= 0:
        return done("funding")
    if val_event and re.search(r"[$€£₹¥]\s?\d", text):
        return done("funding")
    if UNICORN.search(text) or _CLUB.search(text):
        return done("funding")
    rounds = round_money(text, money)
    if (
        re.search(
            rf"(?:[$€£₹¥]\s?[\d.,]+\s?[mbk]\w*|\d+ (?:million|billion))\+?\s+(?:\w+\s+)?(?:{_MONEY_NOUN})\b",
            text,
            re.I,
        )
        and rounds
    ):
        return done("funding")
    if _POSSESSIVE_ROUND.search(text):
        return done("funding")
    if rounds and any(_WITH_MONEY.search(text[max(0, r.start - 30) : r.start]) for r in rounds):
        return done("funding")
    if re.search(
        r"\b(?:in|with|on) (?:new|fresh|latest) (?:funding|round|investment)\b", text, re.I
    ):
        return done("funding")
    if _BACKED_BY.search(text):
        return done("funding")
    return done("other")


def _rumor_at(text: str) -> int:
    for m in _RUMOR.finditer(text):
        word = m.group(0).lower()
        if word in (
            "to raise",
            "fundraising",
            "about to",
            "expected to",
            "on track to",
            "poised to",
        ):
            if word == "to raise" and re.search(
                r"\b(?:raises|raised|closes|secures)\b", text[: m.start()], re.I
            ):
                continue
            return m.start()
        if _RUMOR_OBJECT.search(text[m.end() : m.end() + 80]):
            return m.start()
    return -1
