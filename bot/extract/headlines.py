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

from bot.extract.lexicon import COMPANY_NOUN, CORE_VERB
from bot.extract.money import find_money
from bot.extract.namewords import DESCRIPTORS
from bot.extract.places import place_name

# "Exclusive:", "Sources:", "Deal of the day:", "Breaking:", "New Unicorn!", "Scoop:"
_LABEL = re.compile(
    r"^\s*(?:exclusive|sources?|scoop|breaking|update\s*\d*|report|deal of the day|funding news"
    r"|funding alert|first on \w+|just in|new unicorn|explained|analysis|opinion|watch"
    r"|fintech funding|startup funding|funding roundup)\s*[:!|–—-]+\s*"
    # a company's own announcement: "Announcing StackHawk's $20.7 Million Series B"
    r"|^\s*(?:announcing|introducing|presenting|welcoming|decoding|unpacking|explaining|meet)\s+"
    r"(?=[A-Z])",
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
# "Fresh investment", "Big deal": a sentence-case phrase before a colon is a rubric, not a name
_PHRASE = re.compile(r"[A-Z][a-z]+(?:\s+[a-z]+)+")
# the company a press wire's investor backs: capitalised words up to a possessive or a Title
# Case preposition ("Aura Holdings’ Retirement Village", "Nasta Pet Food To Support")
_NAME_WORD = r"(?!(?:To|In|For|With|On|At|From|Into|As|By|And|Of)\b)[A-Z][\w.&-]*"
_TARGET = re.compile(
    r"\b(?i:for|in|into|to (?:expand|grow|scale|fund|back|support|accelerate)|backing)\s+"
    rf"(?P<target>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|&))*)"
)


_APPOSITIVE = re.compile(
    r",\s+(?:(?:Maker|Developer|Creator|Owner|Operator|Provider|Parent|Backer|Builder)"
    r" of [^,]{2,60}"
    r"|(?:an?\s+|the\s+)?[^,]{0,40}\b(?:Start-?Up|Startup|Company|Firm|Unicorn|Maker|Lab)"
    # "Anysphere, Hailed as Fastest Growing Startup Ever, Raises": a participle's aside
    r"|(?:Hailed|Called|Dubbed|Billed|Known|Described|Touted|Ranked|Once|Formerly|Founded"
    r"|Backed|Started|Launched)\b[^,]{2,80})\s*,\s+"
)
_POSSESSIVE_OWNER = re.compile(
    r"\b(?P<verb>in|into|backs|back)\s+(?P<owner>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)['’]s\s+"
    r"(?=[A-Z][\w.&-]*(?!\S*\s+(?:Series|Seed|Round|Funding|Raise|IPO)))"
)


def _drop_owner(m: re.Match) -> str:
    """ "in Honeywell’s Quantinuum" → "in Quantinuum"; "in China's SenseTime" stays (a place)."""
    return m.group(0) if place_name(m.group("owner")) else m.group("verb") + " "


def strip_labels(title: str) -> str:
    """The headline without an outlet's label before it or the outlet's name after it, an
    appositive after the name ("Notion, Maker of Collaboration Software, Raises"), or a parent
    before the company ("Invests in Honeywell’s Quantinuum" → "in Quantinuum")."""
    text = _LABEL.sub("", title, count=1)
    place = _PLACE_LABEL.match(text)
    if place and place_name(place.group(1)):
        text = text[place.end() :]  # "Nigeria: Mobility-Tech Startup MAX Bags …"
    text = _OUTLET_TAIL.sub("", text).strip() or title
    text = _LEGAL_FORM.sub("", text)
    text = _APPOSITIVE.sub(" ", text, count=1)
    return _POSSESSIVE_OWNER.sub(_drop_owner, text, count=1)


# a wire's country label: "Nigeria: …", "KENYA: …"
_PLACE_LABEL = re.compile(r"^\s*([A-Z][A-Za-z .'-]{2,30}):\s+(?=\S)")
# a legal form inside a headline: "Ola Electric Mobility Pvt Ltd Receives …"
_LEGAL_FORM = re.compile(r"\s+(?:Pvt\.?|Pte\.?|Private)\s+(?:Ltd\.?|Limited)(?=[\s,]|$)")


# what may stand before the money when the deal opens the rest ("Varaha: About $45 Million
# Raised"); anything else there is a headline of its own after an outlet's name ("The Block:
# Berachain raises $100M")
_QUALIFIER = re.compile(
    r"(?i:(?:an?|the|about|around|approximately|over|nearly|almost|roughly|more than|up to"
    r"|close to|just over|just under|some|additional|new|fresh|another|a further|total of"
    r"|a total of|us|usd)\s*)*"
)


def press_wire(title: str) -> str | None:
    """ "X: $N Million Series A Raised To …" → "X raises $N Million Series A To …", and
    "Investor: $N Investment To Expand Y’s …" → "Investor invests $N in Y …"."""
    m = _NAME_BEFORE_COLON.match(title.strip())
    if not m:
        return None
    name, rest = m.group("name").strip(), m.group("rest").strip()
    if _NOT_A_NAME.search(name) or len(name.split()) > 6 or _PHRASE.fullmatch(name):
        return None
    money = find_money(rest[:40])
    # the deal opens the rest ("$N Million Series A Raised", "A $5M Seed"); "Berachain raises
    # $100M" after an outlet's name is a whole headline of its own
    starts_with_deal = bool(money and _QUALIFIER.fullmatch(rest[: money[0].start].strip())) or bool(
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
    # money the named company took ("Raised", "Secured") vs money arranged for another
    taken = re.search(
        r"\b(?:raised|secured|closed|landed|received|bagged|netted|snagged|obtained|completed"
        r"|announced)\b",
        rest[: target.start()],
        re.I,
    )
    return words[0].lower() in generic or bool(taken)


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


_NAME = r"[A-Z0-9][\w.&'’+-]*(?:\s+(?:[A-Z0-9][\w.&'’+-]*|&|of|and))*"
_POSSESSIVE_ROUND = re.compile(
    rf"^(?P<co>{_NAME})['’]s?\s+(?P<deal>(?:\S+\s+){{0,3}}?(?:round|raise|series [a-h]\w*|seed"
    r"|funding|financing|investment|fundraising|fund raising)\b.*)$",
    re.I,
)
_JOINS = re.compile(
    r"^(?P<inv>.+?)\s+(?i:joins?|joined|tops? up|topped up|participates? in|participated in"
    r"|co-leads?|co-led)\s+(?P<rest>.+)$"
)
_DEAL_FOR = re.compile(
    r"^(?P<deal>(?:an?\s+)?(?:\S+\s+){0,3}?(?:round|raise|series [a-h]\w*|seed|funding|financing"
    r"|investment))\s+(?:for|of|in|into)\s+(?P<co>.+)$",
    re.I,
)


def investor_joins(title: str) -> str | None:
    """ "SoftBank Joins Berkshire Grey’s $263M Funding Round" and "Sequoia and Index join $5M
    Series A for Acme" → "Berkshire Grey raises $263M Funding Round from SoftBank"."""
    m = _JOINS.match(title)
    if not m or find_money(m.group("inv")):
        return None
    inv, rest = m.group("inv"), m.group("rest")
    # "Temasek to join Ola Electric's round": not joined yet, so the raise is not done either
    future = re.search(r"\s+(?:is\s+)?(?:to|set to|will|may|could|plans? to|in talks to)$", inv)
    verb = "to raise" if future else "raises"
    inv = inv[: future.start()] if future else inv
    owned = _POSSESSIVE_ROUND.match(rest)
    if owned:
        return f"{owned.group('co')} {verb} {owned.group('deal')} from {inv}"
    named = _DEAL_FOR.match(rest)
    if named:
        return f"{named.group('co')} {verb} {named.group('deal')} from {inv}"
    return None


_BACK_IN_ROUND = re.compile(
    r"^(?P<inv>.+?)\s+(?i:backs?|back)\s+(?P<co>.+?)\s+(?i:in|with)\s+"
    r"(?P<deal>(?:an?\s+)?[$€£₹¥]\S+\s+(?:\w+\s+){0,2}?(?i:pre-)?"
    r"(?i:round|raise|seed|series [a-h]))\b"
)


def investors_back_in_round(title: str) -> str | None:
    """ "Michael Jordan, Multicoin Back Solana NFT Firm Metaplex in $46M Round" → "Metaplex
    raises $46M Round from Michael Jordan, Multicoin" (the description before the name dropped)."""
    m = _BACK_IN_ROUND.match(title)
    if not m:
        return None
    company = _DESCRIBED.sub("", m.group("co"))
    return f"{company} raises {m.group('deal')} from {m.group('inv')}"


_COMMITS = re.compile(
    r"^(?P<inv>.+?)\s+(?:commits|committed|pledges|pledged)\s+(?P<money>\S+(?:\s+(?:million|billion|mn|bn))?)\s+to\s+(?P<co>[A-Z].+)$"
)


def _rewritten(pattern: re.Pattern[str], title: str, money: str, form: str) -> str | None:
    """The headline in `form` (named groups of `pattern`) when it matches and its `money` group
    holds money; the rewriting rules below are each one such form."""
    m = pattern.match(title)
    if not m or not find_money(m.group(money)):
        return None
    return form.format(**m.groupdict())


def investor_commits(title: str) -> str | None:
    """ "Microsoft commits $60m to Acme" → "Microsoft invests $60m in Acme"."""
    return _rewritten(_COMMITS, title, "money", "{inv} invests {money} in {co}")


_TO_INVEST = re.compile(
    r"^(?P<inv>.+?)\s+(?P<how>to|will|plans to|set to|is set to|is reportedly|reportedly"
    r"|is in talks to|in talks to|is|has committed to|have committed to|committed to|commits to)"
    r"\s+invest(?:ing)?\s+(?P<money>(?:up to |about |around |nearly )?"
    r"\S+(?:\s+(?:million|billion|mn|bn))?)\s+in\s+(?P<co>.+)$",
    re.I,
)


def investor_to_invest(title: str) -> str | None:
    """ "Nvidia to Invest Up to $1 Billion in AI Startup Poolside" → "AI Startup Poolside is
    reportedly raising Up to $1 Billion from Nvidia": a planned investment, not yet closed."""
    m = _TO_INVEST.match(title)
    if not m or not find_money(m.group("money")):
        return None
    first = re.match(r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?", m.group("co"))
    for place in (first.group(0), first.group(0).split()[0]) if first else ():
        if place_name(place) and not re.match(r"['’]s\b", m.group("co")[len(place) :]):
            return None  # "Amazon to invest $4B in Chile to …", "… In Singapore Through …"
    company = re.split(r"[;,]|\s[–—-]\s", m.group("co"))[0]  # "SSI; the startup has …"
    # a person's company: "Ilya Sutskever's SSI" → SSI
    company = re.sub(r"^(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*['’]s\s+(?=[A-Z])", "", company)
    company = _DESCRIBED.sub("", company)
    if "commit" in m.group("how").lower():  # a commitment made is money committed: a round
        return f"{company} raises {m.group('money')} from {m.group('inv')}"
    return f"{company} is reportedly raising {m.group('money')} from {m.group('inv')}"


# "AI Startup Poolside": a description before the name (the name is capitalised)
_DESCRIBED = re.compile(r"^(?:[\w-]+\s+){0,3}?(?:startup|start-up|company|firm)\s+(?=[A-Z])", re.I)


_WINS_DEAL = re.compile(
    r"^(?P<inv>.+?)\s+wins\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:deal|sweepstakes|race|battle)\s+"
    r"(?:for|to back|to invest in)\s+(?P<rest>.+)$",
    re.I,
)


def investor_wins_deal(title: str) -> str | None:
    """ "Andreessen Horowitz Wins Deal for Creator Economy Startup Stir at $100M Valuation" →
    "Andreessen Horowitz backs Creator Economy Startup Stir at $100M Valuation"."""
    m = _WINS_DEAL.match(title)
    return f"{m.group('inv')} backs {m.group('rest')}" if m else None


_WELCOMES = re.compile(
    r"^(?P<co>[A-Z].{0,60}?)\s+(?:welcomes|receives|gets|goes independent with|secures"
    r"|announces|lands|closes|completes)\s+"
    r"(?P<kind>(?:(?:an?|new|strategic|growth|minority|majority|significant|follow-on"
    r"|additional)\s+){0,3}(?:equity\s+)?(?:investment|financing|funding|backing))\s+"
    r"(?P<prep>led by|from)\s+(?P<inv>[A-Z].*)$",
    re.I,
)


def minority_investment(title: str) -> str | None:
    """A wire's round with no sum: "Wrexham AFC Welcomes New Minority Investment From Apollo
    Sports Capital", "Acme Announces Strategic Growth Investment Led by Insight Partners" →
    "Wrexham AFC raises minority investment from …" (a majority stake stays a buy-out)."""
    m = _WELCOMES.match(title)
    if not m or "majority" in m.group("kind").lower():
        return None
    kind = re.sub(r"(?i)^(?:an?|new)\s+", "", m.group("kind"))
    return f"{m.group('co')} raises {kind} {m.group('prep').lower()} {m.group('inv')}"


_LAUNCHES = re.compile(
    r"^(?P<parent>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+"
    r"(?i:launches|unveils|debuts|spins out|spins off|incubates)\s+"
    r"(?P<child>(?![A-Z][a-z]+ly\b)[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?i:with)\s+"
    r"(?P<rest>.+)$"
)


def studio_launches(title: str) -> str | None:
    """ "Argobio Launches Enodia With €20.7 Million Seed Round" → "Enodia launches with €20.7
    Million Seed Round from Argobio": a studio or parent starts a company with money."""
    return _rewritten(_LAUNCHES, title, "rest", "{child} launches with {rest} from {parent}")


_PASSIVE = re.compile(
    r"^(?P<money>\S+(?:\s+(?:million|billion|mn|bn|crore))?)\s+(?:is|was|has been)\s+"
    r"(?:raised|secured|bagged|netted)\s+by\s+(?P<co>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
    r"(?P<rest>.*)$",
    re.I,
)


def passive_raise(title: str) -> str | None:
    """ "$28 million is raised by Komaza to expand …" → "Komaza raises $28 million to expand …"."""
    return _rewritten(_PASSIVE, title, "money", "{co} raises {money}{rest}")


# "$100M for Stanford spinout Simile: AI that simulates …": money for a company, no verb
_MONEY_FOR = re.compile(
    r"^(?P<money>(?:US|A|C|S)?[$€£₹¥]\s?\d[\d.,]*\s?(?:[MBK]n?|million|billion|mn|bn|crore)?)"
    r"\s+for\s+(?P<co>(?:[\w-]+\s+){0,3}?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})"
    # after the name: a clause, or what the money is for ("$25M for Lumen to build AI tutors")
    r"(?P<rest>(?:[:,;.]\s.*|\s[–—-]\s.*|\sto\s[a-z].*)?)$"
)


def money_for_a_company(title: str) -> str | None:
    """ "$100M for Stanford spinout Simile: …" → "Stanford spinout Simile raises $100M: …"."""
    return _rewritten(_MONEY_FOR, title, "money", "{co} raises {money}{rest}")


_AMONG = re.compile(
    r"^(?P<inv>[A-Z].{1,60}?)\s+(?:is |are )?among (?:the )?(?:investors|backers)\s+"
    r"(?P<how>pumping|pouring|putting|injecting|backing|behind|in)\s+(?P<rest>\S.*)$",
    re.I,
)
_AMONG_VERB = {
    "pumping": "pumps",
    "pouring": "pours",
    "putting": "puts",
    "injecting": "injects",
    "backing": "backs",
    "behind": "backs",
    "in": "joins",
}


def among_investors(title: str) -> str | None:
    """ "Manulife among investors pumping US$10 million into digital medical platform" →
    "Manulife pumps US$10 million into …": the one named is an investor, not the company."""
    m = _AMONG.match(title)
    if not m:
        return None
    rewritten = f"{m.group('inv')} {_AMONG_VERB[m.group('how').lower()]} {m.group('rest')}"
    return investor_joins(rewritten) or rewritten if m.group("how").lower() == "in" else rewritten


RULES = [
    ("press-wire 'Name: $X raised' headline", press_wire),
    ("an investor among a round's investors", among_investors),
    ("a raise told in the passive", passive_raise),
    ("money for a company, no verb", money_for_a_company),
    ("a studio launches a company with money", studio_launches),
    ("investor joins a company's round", investor_joins),
    ("investor commits money to a company", investor_commits),
    ("investor to invest money in a company", investor_to_invest),
    ("investors back a company in a sized round", investors_back_in_round),
    ("investor wins the deal for a company", investor_wins_deal),
    ("a wire's investment led by or from someone, no sum", minority_investment),
]


def normalise(title: str) -> tuple[str, str]:
    """The headline in the form the reader knows, and the rule that rewrote it ("" if none)."""
    stripped = strip_labels(title)
    for name, rule in RULES:
        rewritten = rule(stripped)
        if rewritten:
            return small_words_lowered(rewritten), name
    lowered = small_words_lowered(stripped)
    if lowered != stripped:
        return lowered, "Title Case small words lowered"
    return stripped, "outlet label removed" if stripped != title else ""


# the small words a Title Case headline capitalises; the reader knows them in lower case
_SMALL_WORDS = frozenset(
    """
    in into on onto to for with from and after as at by of the a an its their his her led amid
    over via behind across despite ahead before toward towards through under following
    including than is are was were be has have had will but or
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_SMALL_WORD = re.compile(r"(?<=\s)(?:[A-Z][a-z]{0,9})(?=\s)")


def small_words_lowered(title: str) -> str:
    """ "Wave Function Ventures Invests In Aerospace Company Natilus To Advance …" → "… Invests
    in Aerospace Company Natilus to Advance …": a wire's Title Case read as a sentence's. Only
    for a headline whose longer words are nearly all capitalised; never its first word."""
    words = title.split()
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if len(words) < 5 or not long:
        return title
    if sum(w[0].isupper() for w in long) < 0.8 * len(long):
        return title
    return _SMALL_WORD.sub(
        lambda m: m.group(0).lower() if m.group(0).lower() in _SMALL_WORDS else m.group(0),
        title,
    )


_QUOTED_BRAND = re.compile(r"[‘'\"“]([A-Z][\w.&+-]{1,30}(?: [A-Z][\w.&+-]*){0,2})[’'\"”]")
_WEAK_VERB_TAIL = re.compile(
    r"\s+(?:Plans|Wants|Aims|Hopes|Looks|Set|Is|Are|Gets|Taps)\b(?:\s+To\b)?.*$"
)
_DESCRIPTION_END = re.compile(r"(?i)\b(?:startup|start-up|spin-out|spinout|spin-off)$")
_ARTICLES = {"the", "a", "an"}
# nouns a real name rarely ends with ("The Browser Company" and "Y Lab" do exist)
_DESCRIPTIVE_END = re.compile(r"\b(?:Maker|Firm|Provider|Developer|Upstart)$")
_GENERIC_END = re.compile(r"(?i)\b(?:company|firm|maker|platform|app|venture|outfit|lab)$")


# "AI Startup Anthropic", "Data Analytics Firm Palantir": a Title Case description, then the name
_DESCRIBED_NAME = re.compile(
    rf"(?:[\w&-]+\s+){{0,4}}{COMPANY_NOUN}\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,2}})$"
)
# after a description word: "AI Startup Cohere Projects …" → Cohere
_NOUN_THEN_NAME = re.compile(rf"\s+(?:[\w-]+\s+)?{COMPANY_NOUN}\s+([A-Z][\w.&-]*)")
# after a possessive: "3LAU's NFT music platform Royal", "Former MLB Pitcher's DC Startup Lands"
_OWNED_DESCRIPTION = re.compile(rf"(?:[\w-]+\s+){{0,3}}?{COMPANY_NOUN}\s+")
_ROUND_NAME = re.compile(r"(?i:series [a-h]\d?\+?|pre-seed|seed round|funding round)")
_PRONOUNS = frozenset(
    {"it", "they", "this", "that", "he", "she", "we", "its", "their", "is", "are", "was", "his"}
)
# "OpenAI Valuation", "Stripe Funding": the round's words are not the name
_ROUND_TAIL = re.compile(r"(?:\s+(?i:valuation|funding|financing|round|raise|investment))+$")


# a description that a participle goes on describing: "AI Chipmaker Vying (With Nvidia)",
# "Startup Favored (by Tech CEOs)"
_DESCRIBED_BY_CLAUSE = re.compile(
    rf"(?:^|\s)(?:{COMPANY_NOUN}|(?i:chipmaker|automaker|carmaker|drugmaker|upstart|rival))\s+"
    r"[A-Z]?[a-z]+(?:ing|ed)$"
)
# the subject follows "<startup> in": it is where the company is, not its name
_NOUN_IN_PLACE = re.compile(rf"{COMPANY_NOUN}\s+(?:in|from|based in)\s+$")
# people, not a company: "Tech CEOs", "Founders", "Investors"
_PLURAL_PEOPLE = re.compile(
    r"(?:[A-Z][\w-]*\s+)?(?:CEOs|CTOs|Founders|Investors|Executives|Engineers|Billionaires"
    r"|Researchers|Students|Employees|Veterans)"
)


# "Machine learning biotech raises …": the first word is capitalised only because it opens the
# sentence; lowercase words and a company noun follow it, then the verb
_OPENING_DESCRIPTION = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{1,3}}(?:{COMPANY_NOUN}|biotech|fintech|insurtech|medtech|healthtech"
    r"|edtech|proptech|agtech|cleantech|chipmaker|drugmaker)\s+(?:[a-z]+\s+)?"
    r"(?:raises|raised|lands|bags|secures|gets|nets|closes|snags|scores|nabs)\b"
)


def tidy_company(name: str | None, clause: str) -> tuple[str | None, str]:
    """The headline's subject made a name, and the rule that changed it ("" if none):
    a person's quoted venture ("Jeffrey Katzenberg’s ‘NewTV’ Startup" → NewTV), a verb phrase
    cut off ("KeyMe Plans To Use" → KeyMe), a description alone named no company
    ("Six-Month-Old AI Coding Startup", "MIT Spin-Out", "hiring" → None)."""
    if not name:
        return name, ""
    if (
        " " not in name
        and clause.startswith(name)
        and _OPENING_DESCRIPTION.match(clause, len(name))
    ):
        return None, "a sentence-case description opens the headline"  # "Machine learning biotech"
    for possessive in ("'s ", "’s "):
        at = clause.find(name + possessive)
        owned = _QUOTED_BRAND.match(clause, at + len(name) + 3) if at >= 0 else None
        if owned and (
            len(name.split()) >= 2 or re.match(rf"\s+{COMPANY_NOUN}\b", clause[owned.end() :])
        ):  # a person's venture; "Deepinfra’s ‘Token Factory’" is the company's product
            return owned.group(1), "quoted brand of the subject"
    for possessive in ("'s ", "’s "):
        at = clause.find(name + possessive)
        owned = _OWNED_DESCRIPTION.match(clause, at + len(name) + 3) if at >= 0 else None
        if owned:
            rest = clause[owned.end() :]
            if CORE_VERB.match(rest):  # "Former MLB Pitcher's DC Startup Lands $23M": unnamed
                return None, "subject only describes the company"
            named = re.match(r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}", rest)
            if named and not CORE_VERB.match(named.group(0)):
                return named.group(0), "the owner's company named after its description"
    if _ROUND_NAME.fullmatch(name):  # "Anthropic's $13bn Series F raise sees …": the owner
        owner = re.search(
            rf"([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)['’]s\s+(?:\S+\s+)?{re.escape(name)}", clause
        )
        return (owner.group(1), "the round's owner") if owner else (None, "a round is no name")
    if len(name.strip()) < 2:
        return None, "one letter is no name"  # "Series I funding"
    if name.lower() in DESCRIPTORS:  # "AI Startup Cohere Projects …": the name after the words
        at = clause.find(name)
        after = _NOUN_THEN_NAME.match(clause, at + len(name)) if at >= 0 else None
        return (after.group(1), "description before the name dropped") if after else (None, "")
    conjunction = re.search(r".*\s(?:As|While|After|Amid|Since|When)\s+", name)
    if conjunction:  # "… the African Fintech Market As Paymob Raises": the clause's subject
        return name[conjunction.end() :] or None, "subject of the clause after a conjunction"
    described_name = _DESCRIBED_NAME.match(name)
    if described_name:
        return described_name.group(1), "description before the name dropped"
    if name.split()[-1].lower() in _PRONOUNS or name.lower() in _PRONOUNS:
        return None, "a pronoun is no name"
    if _ROUND_TAIL.search(name):
        return _ROUND_TAIL.sub("", name) or None, "round words cut from the subject"
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
    if _NOUN_IN_PLACE.search(clause, 0, max(clause.find(name), 0)):
        return None, "a place is no name"  # "AI startup in Grand Rapids secures $3.75M"
    if _DESCRIBED_BY_CLAUSE.search(name) or _PLURAL_PEOPLE.fullmatch(name):
        return None, "subject only describes the company"  # "AI Chipmaker Vying", "Tech CEOs"
    if place_name(name) or (
        len(words) > 1
        and (place_name(words[0]) or _DESCRIPTIVE_END.search(name))
        and _GENERIC_END.search(name)
    ):
        return None, "subject only describes the company"  # "Silicon Valley", "Chinese … Maker"
    return name, ""
