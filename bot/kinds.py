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
    r"|notches|snares|inks|inked|seals|sealed|wraps up|obtains|obtained|fetches|fetched"
    r"|garners|garnered|racks up|corrals|captures|captured|unlocks|unlocked|swallows|gobbles up"
    r"|confirms|confirmed|finalizes|finalises|finalized|nabs|lures|lured|taps|tapped|commands"
    r"|commanded|secures|bags|clinches|hauls|scoops|scooped|launches with|launched with"
    r"|launch with|debuts with|emerges from stealth with|emerges with|exits stealth with"
    r"|comes out of stealth with|out of stealth with|(?:\w+s|\w+ed) up"
)
_CORE_VERB = re.compile(rf"(?<![\w-])(?:has |have |had |just |also |quietly |reportedly )*(?:{_VERBS})\b", re.I)
# What such a verb must take for the headline to be about new money.
_MONEY_NOUN = (
    r"funding|financing|investment|investments|round|rounds|raise|backing|seed|pre-seed"
    r"|pre-series [a-h]|series [a-h]\d?|capital|cash|funds|money|war chest|injection"
    r"|venture debt|debt|loans?|credit|grant|grants|investors?|backers?|check|cheque|valuation"
    r"|tranche|extension|infusion|boost|financing"
)
_OBJECT = re.compile(
    rf"^(?:[\s,]+(?:[\w'’.-]+\s+){{0,6}}?)?(?:{_MONEY_NOUN})\b|^\W*(?:[\w'’.-]+\s+){{0,3}}?\$",
    re.I,
)
_NOUN_RE = re.compile(rf"\b(?:{_MONEY_NOUN})\b", re.I)
# Investors acting on a company: "X leads $Y round in Z", "X backs Z", "X puts $1M into Z".
_INVESTOR_ACT = re.compile(
    r"(?<![\w-])(?:leads|co-leads|led|co-led|backs|backed|invests|invested|pours|poured|injects"
    r"|pumps|ploughs|plows|doubles down on|doubled down on|bankrolls|funds|puts|put|bets|sinks"
    r"|boosts (?:its )?investment in|ups (?:its )?stake in|takes (?:a )?stake in|makes|made)(?![\w-])"
    r"(?! by)",
    re.I,
)
_INVEST_TARGET = re.compile(
    r"^\s+(?:(?:an?|its|\$\S+|\S*\d\S*|[\w'’-]+)\s+){0,6}?(?:round|seed|series [a-h]|investment|stake)?"
    r"\s*(?:in|into|on|for|behind)\s+\S|^\s+(?:[A-Z]|(?:an?|the)\s+\S|[a-z][\w-]*\s+(?:startup|app"
    r"|company|\w+tech|rival|maker)\b)",
)
_VALUATION_EVENT = re.compile(
    r"\b(?:hits|hit|reaches|reached|lands|nabs|snags|notches|secures|scores|gets|grows to|jumps to"
    r"|jumped to|soars to|leaps to|doubles|doubled|triples|tripled|quadruples|quintuples|rockets to"
    r"|climbs to|surges to|now worth|valued at|valuing|confirms new|boosts? valuation)\b",
    re.I,
)
_VALUATION_WORD = re.compile(r"\bvaluation\b|\bvalued at\b|\bvaluing\b", re.I)
_UNICORN = re.compile(r"\b(?:becomes (?:a |an )?\S*\s?unicorn|unicorn status|joins the unicorn)", re.I)
_BACKED_BY = re.compile(r"(?<![\w-])(?:now )?(?:backed|funded) by (?:[A-Z]|a16z)")

_RUMOR = re.compile(
    r"\b(?:in (?:early |advanced |final )?talks|in discussions|is raising|are raising|was raising"
    r"|seeks?|seeking|sought|looks? to raise|looking to raise|aims? to raise|aim(?:s|ed)? for"
    r"|plans? to raise|planning to raise|set to (?:raise|close|secure|land)|sets out to raise"
    r"|nears?|nearing|eyes|eyeing|could raise|may raise|might raise|would value|could value"
    r"|in the process of raising|closing in on|mulls|weighs|wants to raise|hopes to raise"
    r"|pitching investors|courting investors|trying to raise|reportedly raising|to raise"
    r"|fundraising|tries to raise|explores? (?:a )?(?:raise|funding)|targets?|targeting"
    r"|may invest|might invest|could invest|to invest|propose[sd]?|about to|expected to"
    r"|shopping around|on track to|poised to|up (?:its|their) investment)\b",
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
    rf"\bfund (?:[IVX]+|\d+)\b"
    rf"|\b(?:new|first|debut|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural"
    rf"|latest|flagship|maiden|oversubscribed|opportunity|opportunities|growth|seed|venture"
    rf"|early-stage|late-stage|climate|continuity|evergreen|secondaries|rolling|pre-seed|impact"
    rf"|deep tech|deeptech|fintech|vc|debut|largest|biggest|solo|creator)"
    rf"(?: [\w-]+)? fund\b(?![-\w])"
    rf"|\b(?:its|her|his|their|a) (?:[\w-]+ ){{0,3}}fund\b(?![-\w])"
    rf"|(?<![\w$€£])(?:\$|€|£)\S+ (?:[\w-]+ ){{0,2}}fund\b(?![-\w])"
    rf"|\bfunds? (?:to|that will|for) (?:back|invest in|support) (?:\w+ ){{0,3}}?(?:startups|founders|companies)"
    rf"|\bvc firm\b|\bventure firm\b",
    re.I,
)
_FUND_SOURCE = re.compile(r"\bfrom (?:[\w'’.&-]+ ){0,4}?(?:new |\$\S+ )?(?:[\w-]+ )?fund\b", re.I)
_INVESTOR_FIRM = re.compile(
    r"(?:\bVC|Ventures|Capital|Partners|Venture Partners|VC firm|venture firm|Investments)\s*$"
)
_OTHER = re.compile(
    r"\b(?:lays? off|laid off|layoffs?|cuts? (?:\d+% of )?(?:jobs|staff|workforce)|shuts? down"
    r"|shutting down|shutters|shuttering|bankrupt\w*|insolvency|tender offer|secondary"
    r"|secondaries|sues|sued|lawsuit|revenue|arr\b|valuation (?:cut|slashed|haircut|drop|crash)"
    r"|cuts? (?:[\w'’]+ ){0,5}valuation|valuation of \w+|lose (?:its|their) unicorn|writes? down"
    r"|marks? down|markdown|value of (?:its|their) stake|podcast|newsletter|biggest (?:funding )?rounds"
    r"|funding round-?up|week in review|startups weekly|this week in|daily crunch"
    r"|pitch deck teardown|how to|tips for|investors (?:say|share|predict|want)|the week'?s"
    r"|here are|here'?s|these are the|top \d+|\d+ (?:[\w-]+ ){0,3}(?:startups|companies) (?:that|to|have|raised)"
    r"|every \w+ (?:startup|company)|full list|contract|settlement|patent|fine[sd]?|penalty"
    r"|tickets?|passes|save \$|savings|disrupt 20\d\d|all stage|sessions?|webinar|state of"
    r"|defraud\w*|pays? (?:top )?execs|salar(?:y|ies)|pay early employees|bounces back)\b",
    re.I,
)
_ROUNDUP_PREFIX = re.compile(
    r"^(?:startups weekly|week in review|this week in|the week|daily crunch|techcrunch \w+"
    r"|equity|the exchange|deal dive|pitch deck teardown|the interview|found|raising|how to"
    r"|here are|here'?s|every |why vcs|what |when |should |can |do |does |did |will |is |are )",
    re.I,
)
# Plural generic subjects tell about many companies, not one deal.
_AGGREGATE = re.compile(
    r"^(?:(?:the )?\d+\s+)?(?:[\w'’-]+\s+){0,4}?(?:startups|companies|firms|unicorns|founders)"
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
_RELATIVE = re.compile(r",\s*(?:which|who|that|once|after)\s[^,]{1,120}(?:,|$)|\b(?:that|which|who) (?:has |have |had |once |previously )*(?:raised|secured|landed|got|closed)\b[^,]{0,80}", re.I)
_FOREIGN = re.compile(
    r"\b(?:recauda|levée|lève|millones|millions d'euros|Millionen|sammelt|erhält|investimento"
    r"|rodada|capta|ronda|financiación|finanziamento|raccoglie|miljoen|haalt|miljoner|rejst"
    r"|inwestycj|yatırım|milyon|juta|triệu)\b|亿|融资|万元|資金調達|億円|투자|억원",
    re.I,
)
_NOT_ROUND_AFTER = re.compile(
    r"^\+?\s*(?:[\w-]+\s+){0,2}?(?:contract|project|order|orders|deal|gpu|fee|bid|ipo|case"
    r"|settlement|sale|arr|revenue|fund|valuation|a month|per|award|prize|market|acquisition"
    r"|offer|loss|losses|budget|fine|penalty|tickets?|savings|off\b|impact|privacy|facility"
    r"|in (?:annual )?revenue|in sales|in bitcoin|in federal)\b",
    re.I,
)


def round_money(text: str, money: list[Money]) -> list[Money]:
    """Money that can be a round: not a valuation, price, contract, fund or small sum."""
    out = []
    for m in money:
        if m.amount < 20_000:
            continue
        if _NOT_ROUND_AFTER.search(text[m.end : m.end + 40]):
            continue
        before = text[max(0, m.start - 40) : m.start]
        if re.search(r"(?:valued at|valuation of|valuation to|valuing [\w\s'’-]{0,40}at|worth|once valued at|up from|from|after (?:reaching|hitting))\s*(?:over |nearly |about |around |more than )?$", before, re.I):
            continue
        out.append(m)
    return out


def non_latin(text: str) -> bool:
    letters = [c for c in text[:400] if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250")
    return latin / len(letters) < 0.6


def main_text(title: str) -> str:
    """The headline without prefixes, questions before the news, and subordinate clauses."""
    text = title.strip()
    parts = [p for p in re.split(r"\s+[–—|]\s+|\s+-\s+|(?<=[\w’'])[:;]\s+|(?<=\?)\s+|\s+//\s+", text) if p.strip()]
    if len(parts) > 1:
        scored = [p for p in parts if not p.rstrip().endswith("?")]
        for p in scored:
            if _CORE_VERB.search(p) or _INVESTOR_ACT.search(p) or find_money(p):
                text = p
                break
        else:
            text = scored[0] if scored else parts[0]
    text = _SUBORDINATE.sub("", text, count=1)
    text = _RELATIVE.sub(",", text)
    return text.strip(" ,")


def _core(text: str, money: list[Money]) -> int:
    """Position of the funding core in `text`, or -1."""
    rounds = round_money(text, money)
    best = -1
    for m in _CORE_VERB.finditer(text):
        rest = text[m.end() : m.end() + 80]
        if _OBJECT.search(rest):
            dollar = re.match(r"^\W*(?:[\w'’.-]+\s+){0,3}?(?=[$€£₹¥]|\d)", rest)
            if dollar and not any(r.start >= m.end() and r.start - m.end() < 40 for r in rounds):
                if not _NOUN_RE.search(rest[:50]):
                    continue  # "wins $733M contract": money, but not a round
            best = m.start()
            break
        if rounds and any(0 <= r.start - m.end() < 30 for r in rounds):
            best = m.start()
            break
    for m in _INVESTOR_ACT.finditer(text):
        word = m.group(0).lower()
        rest = text[m.end() :]
        if word in ("led", "co-led", "backed") and not re.match(r"^\s+(?:an?|the|\$|\S*\d)", rest):
            continue  # "a16z-led", "led by": descriptive
        if word in ("puts", "put", "bets", "sinks", "makes", "made") and not re.match(
            r"^\s+(?:\S+\s+){0,3}?(?:\$\S+|money|cash|funds?|investment|bet)\b.{0,40}?\b(?:in|into|on|behind)\s+[A-Za-z]|^\s+(?:its |his |her |their |an? )?(?:\w+ ){0,2}(?:investment|angel investment|bet)\b", rest, re.I
        ):
            continue
        if not m.start() or not _INVEST_TARGET.search(rest):
            continue
        if best < 0 or m.start() < best:
            best = m.start()
        break
    return best


def classify(title: str) -> str:
    """The kind of story a headline tells: funding, rumor, acquisition, ipo, fund or other."""
    if not title or _FOREIGN.search(title) or non_latin(title):
        return "other"
    if _ROUNDUP_PREFIX.search(title.lstrip("‘'\"“")) and not re.match(r"^here'?s how much \w+ raised", title, re.I):
        if not re.match(r"^(?:equity|found)\w", title, re.I):
            return "other"
    text = main_text(title)
    if _AGGREGATE.search(text):
        return "other"
    money = find_money(text, bare=True)
    core = _core(text, money)
    val_event = _VALUATION_EVENT.search(text) is not None and (
        _VALUATION_WORD.search(text) is not None or re.search(r"\b(?:grows|jumps|soars|leaps) to \$", text) is not None
    )

    fund = _FUND.search(text)
    if fund and not _FUND_SOURCE.search(text) and not re.search(r"\bto fund\b", text, re.I):
        if core < 0 or not re.match(r"(?:leads|co-leads|backs|invests)", text[core:], re.I):
            return "fund"
    if core >= 0 and not re.search(r"\b(?:from|in|into|for)\b", text[core:], re.I):
        subject = text[:core].strip()
        if _INVESTOR_FIRM.search(subject) and re.match(r"\W*(?:\w+\s+){0,2}raise", text[core:], re.I):
            return "fund"

    rumor = _rumor_at(text)
    acq = _ACQUISITION.search(text)
    if acq and (core < 0 or acq.start() < core) and not re.match(r"(?:snaps|snapped|scoops) up", acq.group(0), re.I):
        return "acquisition"
    if acq and core >= 0 and re.match(r"(?:snaps|snapped|scoops) up", acq.group(0), re.I):
        pass
    ipo = _IPO.search(text)
    if ipo and (core < 0 or ipo.start() < core or re.search(r"\$\S+\s+(?:\w+\s+)?IPO\b", text)):
        return "ipo"
    other = _OTHER.search(text)
    if rumor >= 0 and (core < 0 or rumor < core):
        return "rumor"
    if other and not (core >= 0 and core < other.start() and not re.match(r"secondary", other.group(0), re.I)):
        if not (val_event and re.match(r"(?:revenue|arr)", other.group(0), re.I)):
            return "other"
    if core >= 0:
        return "funding"
    if val_event and re.search(r"[$€£₹¥]\s?\d", text):
        return "funding"
    if _UNICORN.search(text):
        return "funding"
    if re.search(rf"(?:[$€£₹¥]\s?[\d.,]+\s?[mbk]\w*|\d+ (?:million|billion))\+?\s+(?:\w+\s+)?(?:{_MONEY_NOUN})\b", text, re.I):
        return "funding"
    if re.search(r"\b(?:new|fresh|latest|more) (?:funding|round|investment|cash|capital|backing)\b", text, re.I):
        return "funding"
    if _BACKED_BY.search(text):
        return "funding"
    return "other"


def _rumor_at(text: str) -> int:
    for m in _RUMOR.finditer(text):
        word = m.group(0).lower()
        if word in ("to raise", "fundraising", "about to", "expected to", "on track to", "poised to"):
            if word == "to raise" and re.search(r"\b(?:raises|raised|closes|secures)\b", text[: m.start()], re.I):
                continue
            return m.start()
        if _RUMOR_OBJECT.search(text[m.end() : m.end() + 80]):
            return m.start()
    return -1
