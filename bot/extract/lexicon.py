"""The words funding headlines are made of, and the patterns built from them.

Kept apart from the logic in `bot.kinds` so a new verb or cue is a one-word change here. Long
alternations are word tuples joined at import time; order matters where one entry is a prefix
of another (the regex engine takes the first that fits).
"""

from __future__ import annotations

import re


def alt(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words` (each already a regex fragment), in the order given."""
    return "|".join(words)


# --- money verbs and their objects -------------------------------------------------------

# Completed money verbs, present and past (and base forms for plural subjects: "engineers land").
MONEY_VERBS = (
    "raises", "raised", "raise", "secures", "secured", "secure", "lands", "landed", "land",
    "nabs", "nabbed", "nab", "bags", "bagged", "bag", "snags", "snagged", "snag", "grabs",
    "grabbed", "grab", "scores", "scored", "score", "closes", "closed", "close", "pulls in",
    "pulled in", "pull in", "picks up", "picked up", "pick up", "gets", "got", "get",
    "receives", "received", "attracts", "attracted", "collects", "collected", "banks", "banked",
    "hauls in", "hauled in", "rakes in", "raked in", "takes in", "took in", "brings in",
    "brought in", "draws", "drew", "wins", "won", "clinches", "clinched", "nets", "netted",
    "tops up", "topped up", "adds", "added", "completes", "completed", "announces", "announced",
    "unveils", "unveiled", "reveals", "revealed", "books", "locks in", "locked in", "mops up",
    "amasses", "amassed", "reels in", "reeled in", "notches", "snares", "inks", "inked", "signs",
    "attains", "attained", "pockets", "pocketed", "scoops up", "scooped up",
    "signed", "seals", "sealed", "wraps up", "obtains", "obtained", "fetches", "fetched",
    "garners", "garnered", "racks up", "corrals", "captures", "captured", "unlocks", "unlocked",
    "swallows", "gobbles up", "confirms", "confirmed", "finalizes", "finalises", "finalized",
    "nabs", "lures", "lured", "taps", "tapped", "commands", "commanded", "secures", "bags",
    "clinches", "hauls", "scoops", "scooped", "launches with", "launched with", "launch with",
    "debuts with", "emerges from stealth with", "emerges with", "exits stealth with",
    "comes out of stealth with", "out of stealth with",
    # "mops up", "snapped up" (but "ties up with", "teams up", "sets up" name no money)
    r"(?!(?:ties|tied|teams|teamed|sets|shakes|steps|stepped|opens|opened|ramps|ramped|speeds"
    r"|signs|signed|gears|geared|backs|backed|sums|summed|follows|followed|picks|picked)\b)"
    r"(?:\w+s|\w+ed) up",
    # trade-press verbs: "Pulls $475K in Seed", "Tacks on $15M", "Expands C Round to $5M"
    "pulls", "pulled", "sees", "saw", "hops to", "sips", "unearths", "claims", "claimed",
    "ropes in", "roped in", "tacks on", "tacked on", "expands", "expanded", "extends",
    "extended", "pockets", "pocketed", "reaps", "reaped", "lassos", "hooks", "hooked",
)  # fmt: skip
CORE_VERB = re.compile(
    rf"(?<![\w-])(?-i:has |have |had |just |also |quietly |reportedly )*(?:{alt(MONEY_VERBS)})\b",
    re.I,
)
# Reporting verbs take money only as their direct object ("confirms $100M raise").
WEAK_VERBS = frozenset(
    """
    confirms confirmed reveals revealed announces announced unveils unveiled gets got get wins
    won adds added banks banked draws drew books signs signed completes completed inks inked
    seals sealed taps tapped commands commanded captures captured pulls pulled sees saw sips
    unearths claims claimed expands expanded extends extended pockets pocketed reaps reaped
    lassos hooks hooked
    """.split()  # noqa: SIM905 - a word list reads better as text
) | {"takes in", "took in"}

# What such a verb must take for the headline to be about new money.
# nouns a headline describes a company with, just before its name ("AI startup Anthropic",
# "data analytics firm Palantir", "3LAU's NFT platform Royal")
COMPANY_NOUNS = (
    "startup", "start-up", "company", "firm", "platform", "provider", "maker", "app", "venture",
    "outfit", "upstart", "unicorn", "developer", "specialist",
)  # fmt: skip
COMPANY_NOUN = rf"(?i:{alt(COMPANY_NOUNS)})"
MONEY_NOUNS = (
    "funding", "financing", "investment", "investments", "round", "rounds", "raise", "backing",
    "seed", "pre-seed", "pre-series [a-h]", r"series [a-h]\d?", "capital", "cash", "funds",
    "money", "war chest", "injection", "venture debt", "debt", "loans?", "credit", "grant",
    "grants", "investors?", "backers?", "check", "cheque", "valuation", "tranche", "extension",
    "infusion", "boost", "(?:tens|hundreds) of millions", "bucks(?= from)", "factoring", "millions",
    "billions", "crores?",
)  # fmt: skip
MONEY_NOUN = alt(MONEY_NOUNS)
OBJECT = re.compile(
    rf"^(?:[\s,]+(?:[\w'’‘“”.,-]+\s+){{0,5}}?)?[‘“'\"]?(?:{MONEY_NOUN})\b"
    r"|^\W*(?:[\w'’.-]+\s+){0,3}?\$",
    re.I,
)
NOUN_RE = re.compile(rf"\b(?:{MONEY_NOUN})\b", re.I)
MONEY_NOUN_AFTER = re.compile(rf"^\W*(?:in |of )?(?:\w+ )?(?:{MONEY_NOUN})\b", re.I)
TIGHT_OBJECT = re.compile(
    r"^\s*(?:its |a |an |the |new |fresh |another |first |over |nearly |up to |more than |about )*"
    rf"(?:[$€£₹¥]|\S+ (?:million|billion|crore)|[‘“'\"]?(?:[\w'’‘“”-]+ )?(?:{MONEY_NOUN})\b)",
    re.I,
)

# --- investors acting on a company ---------------------------------------------------------

# "X leads $Y round in Z", "X backs Z", "X puts $1M into Z".
INVESTOR_VERBS = (
    "leads", "co-leads", "led", "co-led", "lead", "backs", "backed", "back", "invests",
    "invested", "invest", "pours", "poured", "pour", "injects", "pumps", "ploughs", "plows",
    "doubles down on", "doubled down on", "double down on", "bankrolls", "funds", "puts", "put",
    "bets", "bet", "sinks", "commits", "committed", "gave", "gives", "give", "investing",
    "spends", "spent", "pony up", "ponies up", "ponied up",
    "boosts (?:its )?investment in", "ups (?:its )?stake in",
    "(?:takes|take|took) (?:a |an )?(?:minority )?stakes? in", "makes",
    "made",
)  # fmt: skip
INVESTOR_ACT = re.compile(rf"(?<![\w-])(?:{alt(INVESTOR_VERBS)})(?![\w-])(?! by)", re.I)
INVEST_TARGET = re.compile(
    r"^\s+(?:(?:an?|its|\$\S+|\S*\d\S*|[\w'’-]+)\s+){0,6}?"
    r"(?i:round|seed|series [a-h]|investment|stake)?"
    r"\s*(?i:in|into|on|for|behind)\s+\S|^\s+(?:[A-Z]|a16z|(?:an?|the|his|her|its|their)\s+\S)"
    r"|^\s+(?:(?:an?|its|\$\S+|\S*\d\S*|[\w'’-]+)\s+){0,4}?(?i:funding|financing|round) of\s+\S"
    r"|^\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?i:startup|app|company|firm|maker|platform|rival|provider|\w+tech)\b",
)
# Base forms need a plural subject ("Sequoia and Accel back X", not "to back X").
BASE_FORMS = frozenset({"lead", "back", "invest", "pour", "put", "bet", "give", "double down on"})
PREP_VERBS = ("doubles down on", "doubled down on", "double down on")
PLURAL_SUBJECT = re.compile(
    r"(?:\band\s+(?:[A-Z]|[a-z]{1,2}[A-Z])[\w-]*(?:\s+[A-Z][\w-]*)?"
    r"|,\s+(?:[A-Z]|[a-z]{1,2}[A-Z])[\w-]*(?:\s+[A-Z][\w-]*){0,2}"  # "Microsoft, eBay lead"
    r"|\b(?:[Tt]hey|[Ww]e|[Ii]nvestors|[Bb]ackers|VCs|[Ff]unds|[Ff]irms)|[a-z]ors|[a-z]ers|[A-Z]s)"
    r"\s+(?:just |also |all |reportedly )?$"
)
BACKED_BY = re.compile(r"(?<![\w-])(?i:backed|funded) by (?:[A-Z]|a16z)")
# ... said of a company: at the start, after a comma, or after a company word ("startup backed
# by", "exits stealth backed by"); not "Undersea Data Link Backed by Google"
COMPANY_BACKED_BY = re.compile(
    r"(?:^|,\s*(?:now\s+)?|(?i:startup|start-up|company|firm|brand|venture|maker|app|platform|lab"
    r"|stealth|fintech|biotech)\s+(?:(?i:now|just|newly|also)\s+)?)(?i:backed|funded) by "
    r"(?:[A-Z]|a16z)"
)

# --- valuations ----------------------------------------------------------------------------

VALUATION_EVENT = re.compile(
    r"\b(?:hits|hit|reaches|reached|lands|nabs|snags|notches|secures|scores|gets|grows to|jumps to"
    r"|jumped to|soars to|leaps to|doubles|doubled|triples|tripled|quadruples|quintuples|rockets to"
    r"|rises to|rose to|increases to|swells to|balloons to"
    r"|climbs to|surges to|now worth|valued at|valuing|confirms new|boosts? valuation|tops|topped"
    r"|surpasses|crosses|is worth|are worth|is now an?|becomes an?|doubles value)\b",
    re.I,
)
VALUATION_WORD = re.compile(
    r"\bvaluation\b|\bvalued at\b|\bvaluing\b"
    r"|\b(?:is|are|now) worth (?:over |more than |nearly |about )?[$€£₹¥]"
    # "Stripe Is Now a $20 Billion Company", "Doubles Value to $1 Billion"
    r"|\b(?:is|are|becomes?) (?:now )?an? [$€£₹¥][\d.,]+\s?(?:[mb]n?|million|billion|trillion)\b"
    r"[\s-]+(?:dollar\s+)?(?:company|startup|business|firm|unicorn)"
    r"|\bvalue to [$€£₹¥]",
    re.I,
)
UNICORN = re.compile(
    r"\b(?:(?:becomes|became|just became) (?:a |an )?(?:[\w'’-]+\s){0,5}?"
    r"(?:unicorn(?!s)|billion-dollar (?:startup|company))"
    r"|turns (?:a |an )?unicorn|unicorn status"
    r"|joins the unicorn|\bis (?:\w+['’]s )?(?:latest|newest|first|next|youngest) unicorn)",
    re.I,
)
CLUB = re.compile(
    r"\b(?:joins|enters|drives into|makes it to|gets into) (?:the )?(?:[\w-]+ ){0,4}"
    r"(?:unicorns?|unicorn club)\b|\bjoins (?:the )?[$€£]1 ?(?:billion|bn|b) club\b",
    re.I,
)

# --- rumors --------------------------------------------------------------------------------

RUMOR_CUES = (
    "in (?:early |advanced |final )?talks", "(?:holds?|held|holding) (?:early |advanced )?talks",
    "in discussions", "is raising", "are raising",
    "was raising", "seeks?", "seeking", "sought", "looks? to raise", "looking to raise",
    "aims? to raise", "aim(?:s|ed)? for", "plans? to raise", "planning to raise",
    "set to (?:raise|close|secure|land)", "sets out to raise", "nears?", "nearing", "eyes",
    "eyeing", "could raise", "may raise", "might raise", "would value", "could value",
    "in the process of raising", "closing in on", "closes in on", "(?:is|are) close to", "mulls",
    "weighs",
    "wants to raise", "hopes to raise", "pitching investors", "courting investors",
    "trying to raise", "reportedly raising", "to raise", "fundraising", "tries to raise",
    "explores? (?:a )?(?:raise|funding)", "targets?", "targeting", "may invest", "might invest",
    "could invest", "to invest", "propose[sd]?", "about to", "expected to", "shopping around",
    "on track to", "poised to", "up (?:its|their) investment", "reportedly valued",
    "set for", "poised for", "finali[sz]ing",
    r"to (?:double|triple|quadruple|hit|reach|top) (?:its |their )?valuation", "to be valued at",
    "floats?", "floated", r"(?:new )?(?:funding|round|raise) nears",
    # Title Case headline-ese drops "is": "Anthropic Raising Funds Valuing It at $60B" (what
    # may come before it is checked in kinds._rumor_at, out of this regex: lookbehinds here
    # would be tried at every position of every headline)
    r"raising(?=\s+(?:[$€£₹¥]|\d|(?i:funds|money|capital|cash|new|fresh|a|an|up|more|another|at"
    r"|its|series|seed)\b))",
)  # fmt: skip
RUMOR = re.compile(rf"\b(?:{alt(RUMOR_CUES)})\b", re.I)
# Cues that are a rumor on their own, without a money object after them.
RUMOR_ALONE = frozenset(
    {"to raise", "fundraising", "about to", "expected to", "on track to", "poised to"}
)
# A rumor verb needs a money object ("nears release" is not a rumor).
RUMOR_OBJECT = re.compile(
    rf"^\W*(?:[\w'’.$€£₹¥-]+\s+){{0,6}}?(?:{MONEY_NOUN}|unicorn|deal)\b"
    r"|^\W*(?:[\w'’.-]+\s+){0,4}?\$",
    re.I,
)
MODAL = re.compile(
    r"\b(?:could|may|might|would|will|set to|to|plans to|aims to|hopes to|wants to)\s+"
    r"(?:just |also |quickly |soon |finally )?$",
    re.I,
)

# --- other kinds of story ------------------------------------------------------------------

ACQUISITION_CUES = (
    "acquires", "acquired", "acquire", "acquiring", "acquisition", "acquisitions", "buys",
    "bought", "to buy", "buying", "snaps up", "snapped up", "merges with", "merger", "merge",
    "acqui-?hires?", "acquihires?", "takeover", "takes over", "sells to", "sold to",
    "agrees to sell", "to sell", "selling to", "sells (?:its|itself)", "sells in", "sale to",
    r"(?:\$\S+|billion) sale", "bid for", r"(?:\$\S+|billion) bid", r"purchase of",
    r"paid \$\S+ for", r"pays \$\S+ for",
    r"picks up [A-Z]\w*(?! \$)", r"scoops up [A-Z]\w*(?! \$)", r"exits to [A-Z]",
    r"management buy-?outs?", r"MBO",
)  # fmt: skip
# A buyer taking control, whatever verb carries it: "receives majority investment from PE firm".
CONTROL = re.compile(r"\b(?:majority|controlling) (?:investment|stake|interest|ownership)\b", re.I)
ACQUISITION = re.compile(rf"\b(?:{alt(ACQUISITION_CUES)})\b", re.I)
IPO_CUES = (
    "IPO", "IPOs", "initial public offering", "goes public", "going public", "go public",
    "went public", "public debut", "stock market debut", "market debut", "trading debut",
    "direct listing", "SPAC", "lists on", "listing on", "to list on", "files? to list",
    "files? (?:confidentially )?for", "Nasdaq debut", "NYSE debut",
    "shares (?:soar|jump|pop|fall|sink|surge)",
    # British: "lines up £500m float", "plans London float"
    r"(?:\d[\d.,]*\s?(?:[mb]n?|million|billion)|London|stock market|market|share|blockbuster"
    r"|planned) float",
)  # fmt: skip
IPO = re.compile(rf"\b(?:{alt(IPO_CUES)})\b")
IN_IPO = re.compile(
    r"\b(?:in|for|via|through) (?:its |an? |the )?(?:[\w.-]+ ){0,2}(?:IPO|listing"
    r"|public offering)\b"
)
DEAL_WORD = re.compile(r"[$€£₹¥]|\d|\b(?:round|funding|investment|series|seed|raise|stake)", re.I)
FUND_ADJECTIVES = (
    "new", "first", "debut", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "inaugural", "latest", "flagship", "maiden", "oversubscribed",
    "opportunity", "opportunities", "growth", "seed", "venture", "early-stage", "late-stage",
    "climate", "continuity", "evergreen", "secondaries", "rolling", "pre-seed", "impact",
    "deep tech", "deeptech", "fintech", "vc", "debut", "largest", "biggest", "solo", "creator",
    "eleventh", "twelfth", r"\w+teenth", "twentieth", r"\d+(?:st|nd|rd|th)",
)  # fmt: skip
FUND = re.compile(
    r"\bfund (?:[IVX]+|\d+)\b(?!-led|-backed)"
    rf"|\b(?:{alt(FUND_ADJECTIVES)})(?: [\w-]+)? fund\b(?![-\w])"
    r"|\b(?:its|her|his|their|a) (?:[\w-]+ ){0,3}fund\b(?![-\w])"
    r"|(?<![\w$€£])(?:\$|€|£)\S+ (?:(?!round|led|by|from|in)[\w-]+ ){0,3}fund\b(?![-\w])"
    r"(?! ?rais)"
    r"|\b(?:early|late|growth|seed|venture)-stage funds\b"
    r"|\b(?:its|their) (?:new |latest |[\w-]+ )?funds\b"
    r"|\bfunds? (?:to|that will|for) (?:back|invest in|support) (?:\w+ ){0,3}?"
    r"(?:startups|founders|companies)"
    r"|\bvc firm\b|\bventure firm\b"
    # "raises €400M for AI-driven venture strategy": money to invest, not to build with
    r"|\bfor (?:its |a |an |the |new )?(?:[\w-]+ ){0,3}(?:venture|investment|investing)"
    r" (?:strategy|vehicle|programme|program)\b"
    # "closes $975M across two new funds", "raises $1.3bn for new early-stage and growth funds"
    r"|\b(?:across |for (?:its |their |new |two |three |\w+ new )+)(?:[\w-]+ ){0,4}?funds\b"
    r"(?! (?:platform|app|startup|company|management|transfers?|tool)s?\b)",
    re.I,
)
FUND_SOURCE = re.compile(
    r"\b(?:from|by|with|and) (?:[\w'’.&-]+ ){0,4}?(?:new |\$\S+ )?(?:[\w-]+ )?fund\b", re.I
)
INVESTOR_FIRM = re.compile(
    r"(?:\bVC|Ventures|Capital|Partners|VC firm|venture firm|Investments)\s*$"
    r"|\b(?:VCs?|VC firm|venture firm|investment firm|investor)\s+[A-Z][\w.-]*"
    r"(?:\s+[A-Z][\w.-]*)?\s*$"
)
OTHER_CUES = (
    "lays? off", "laid off", "layoffs?", r"cuts? (?:\d+% of )?(?:jobs|staff|workforce)",
    "shuts? down", "shutting down", "shutters", "shuttering", r"bankrupt\w*", "insolvency",
    "tender offer", "secondary", "secondaries", "sues", "sued", "lawsuit", "revenue", r"arr\b",
    r"refinanc\w*",
    "valuation (?:cut|slashed|haircut|drop|crash)", r"cuts? (?:[\w'’]+ ){0,5}valuation",
    r"valuation of \w+", "lose (?:its|their) unicorn", "writes? down", "marks? down",
    "markdown", "value of (?:its|their) stake", "podcast", "newsletter",
    "biggest (?:funding )?rounds", "funding round-?up", "week in review", "startups weekly",
    "this week in", "daily crunch", "pitch deck teardown", "investors (?:say|share|predict|want)",
    "the week'?s", "here are", "here'?s", "these are the", r"top \d+",
    r"\d+ (?:[\w-]+ ){0,3}(?:startups|companies) (?:that|to|have|raised)",
    r"every \w+ (?:startup|company)", "full list", "contract", "settlement", "patent",
    "fine[sd]?", "penalty", "tickets?", "passes", r"save \$", "savings", r"disrupt 20\d\d",
    "all stage", "sessions?", "webinar", "state of", r"defraud\w*", "pays? (?:top )?execs",
    "salar(?:y|ies)", "pay early employees", "bounces back", "collapsed?", "collapses",
    r"cancel\w*", r"helps? (?:[\w-]+ ){0,3}(?:startups|founders|companies|rivals) raise",
    r"bonds?", "bond (?:sale|issue|offering)", "box office", r"exploits?", "hacked", "drained",
    "stolen", "missing", r"breach(?:es)?", "lesson", "shelved", r"stake (?:is |now )?worth",
    r"bet(?:s|ting)? against", "gift", "donation", "endowment", r"market cap\w*",
    r"(?:&|and) more$", r"adds \$\S+ (?:[\w-]+ ){0,2}(?:firm|advisor|advisers?|team|practice)",
    r"(?:backs|supports|endorses) (?:a |an |the )?(?:[\w.-]+['’]s )?(?:[\w-]+ ){0,4}"
    r"(?:ban|bill|law|plan|proposal|measure|policy|rule|regulation|candidate|campaign|moratorium|call)\b",
    r"invests? in (?:two|three|four|five|\d+) (?:[\w-]+ ){0,3}(?:companies|startups|firms)",
    r"invest(?:s|ed)? (?:\S+ ){0,4}(?:in|into) (?:[\w-]+ ){0,2}"
    r"(?:companies|startups|firms|projects)",
    r"(?:deal|contract|agreement|package|partnership|pact) (?:is )?valued at",
    r"says (?:it|its [\w-]+) (?:is|was) (?:now )?worth",
    r"invests? in (?:[\w'’.-]+ ){0,4}funds\b",
)  # fmt: skip
OTHER = re.compile(rf"\b(?:{alt(OTHER_CUES)})\b", re.I)
# Cues that make a headline not a new round whatever else it says.
STRONG_OTHER = re.compile(
    r"\b(?:tender offer|secondary (?:sale|share|shares|round|transaction|deal|market)|share sale"
    r"|rights (?:issue|offering)|registered direct offering|at-the-market|public offering"
    r"|(?:share|stock) (?:repurchase|buyback)s?|buybacks?|senior notes|notes offering"
    r"|rais(?:es|ed|ing) more (?:money|cash)\b[^.;]{0,80}\bthan\b"  # a campaign's comparison
    r"|\d+(?:\.\d+)?x returns?\b|returns? \d+(?:\.\d+)?x\b"  # an investor's return on a round
    # a valuation on a secondary marketplace is no round
    r"|private (?:market|marketplace) exchange|on (?:Forge Global|Forge|Hiive|EquityZen|Caplight)"
    r"|convertible notes offering"
    r"|(?:investment|spending|buying) spree|shareholder sale|personal loan"
    r"|(?:investor|founder) pass|[$€£]\d+\+? off\b"
    r"|meme ?coins?|token (?:pre)?sale|\bICO\b"
    r"|investments in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|employee shares|writes? (?:off|down)|write-?(?:off|down)|(?:raises|cuts|lowers|slashes"
    r"|marks? (?:up|down)) (?:its |the )?valuation of"
    r"|(?:in|during) (?:Q[1-4]|H[12]|[1-4]Q\d{2}|[12]H\d{2})\b"
    r"|\bin (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) 20\d\d\b"
    r"|funding in 20\d\d|(?:\w+-year|record|all-time|multi-year) (?:low|high)"
    r"|funding (?:sinks|falls|drops|plunges|slumps|declines|dips|rebounds|climbs|surges|slows)\b"
    # a sports team bought by a consortium is not a startup's round
    r"|expansion (?:team|franchise|club)|(?:soccer|football|basketball|baseball|hockey|rugby)"
    r" (?:team|club|franchise)\b"
    # debt of a listed company, gifts, prices, totals over a period, property: not a round
    r"|bonds?\b|bond (?:sale|issue|offering)|gift|donation|endowment|market cap\w*|loan guarantees?"
    r"|subsid(?:y|ies)\b|(?<=[$€£₹¥])\d\S* (?:\S+ ){0,3}contracts?\b|profits?\b|bount(?:y|ies)\b"
    r"|trading volume|(?:a|per) day\b|(?:revenue|sales) (?:up|rise|rises|rose|grow|grows|jump"
    r"|jumps|fall|falls|down)\b|^shares of\b"
    # money spent on things, not put into a company
    r"|\b(?:on|in|into) (?:new |more |its |their )?(?:data cent(?:er|re)s|factories|plants"
    r"|infrastructure|stocks|bonds|bitcoin|research|projects)\b"
    r"|(?<![\w-])tariffs?\s+(?:hit|cost|impact|war|weigh)"
    r"|(?:rais\w*|hikes?|cuts?) (?:\S+ ){0,3}prices|bankruptcy|creditor protection"
    r"|(?:in|during|for) (?:19|20)\d\d\b|(?:this|last) (?:week|month|quarter)\b|hits? (?:a )?record"
    r"|office building|square-?foot|real estate portfolio|[’']s [^,]{0,40}& more\s*$"
    r"|(?:I\.P\.O\.))",
    re.I,
)
ROUNDUP_OPENERS = (
    "startups weekly", "week in review", "this week in", "the week", "daily crunch",
    r"techcrunch \w+", "equity", "the exchange", "deal dive", "pitch deck teardown",
    "the interview", "found", "raising", "how to", "here are", "here'?s", "every ", "why vcs",
    "inside ", "who ", "what ", "when ", "should ", "can ", "do ", "does ", "did ", "will ",
    "is ", "are ",
    # newsletters and briefings: several stories under one title
    "daily briefing", "morning briefing", "evening briefing", "top headlines", "top stories",
    "top news",
    "morning brief", "dealflow", r"[\w.]+ #\d+", "weekly roundup", "funding roundup",
    r"funding (?:wrap|recap|round-?up)\s?[:—–-]", r"deals? (?:wrap|recap) ?[:—–-]",
    r"[\w ,&-]{0,40}\bround-?up\s?[:—–|-]",
    r"(?:weekly|daily|monthly) (?:funding|deals?) (?:wrap|recap|round-?up)",
    r"[\w-]+ report\s?[—–:]", r"startup digest", "digest:",
)  # fmt: skip
ROUNDUP_PREFIX = re.compile(rf"^(?:{alt(ROUNDUP_OPENERS)})", re.I)
LISTICLE = re.compile(r"\b(?:here are|here'?s the|full list|top \d+|these are the)\b", re.I)
# Plural generic subjects tell about many companies, not one deal.
AGGREGATE = re.compile(
    r"^(?:(?:the )?\d+\s+)?(?:[\w'’-]+\s+){0,4}?(?:startups|start-ups|companies|firms|unicorns"
    r"|projects)"
    r"\s+(?:that |which |who |with [^,]{0,40}?|(?:in|from|across) (?:the )?[A-Z][\w-]*"
    r"(?: [A-Z][\w-]*)? )?(?:have |had |just |also |collectively |together )*"
    r"(?:raised?|attract(?:ed)?|got|get|secured?|drew|draw|landed|land|bag(?:ged)?|net(?:ted)?|amass(?:ed)?|close|closed"
    r"|pull(?:ed)? in|rake[sd]? in)\b",
    re.I,
)
# money put into many at once: "Investors Pour $27B Into AI Start-Ups", "Investing in Start-Ups"
INTO_MANY = re.compile(
    r"\b(?:pour|pours|poured|pouring|invest|invests|invested|investing|pump|pumps|pumped"
    r"|plow|plows|sink|sinks|bet|bets|betting)\s+(?:\S+\s+){0,3}?(?:into|in|on)\s+"
    r"(?:[\w.'’-]+\s+){0,3}?(?:start-?ups|companies|firms|founders|businesses)\b"
    r"(?!\s*(?:like|such as|including)\b)",
    re.I,
)
FOREIGN_WORDS = (
    "recauda", "levée", "lève", "millones", "millions d'euros", "Millionen", "sammelt", "erhält",
    "investimento", "rodada", "capta", "ronda", "financiación", "finanziamento", "raccoglie",
    "miljoen", "haalt", "miljoner", "rejst", "inwestycj", "yatırım", "milyon", "juta", "triệu",
)  # fmt: skip
FOREIGN = re.compile(rf"\b(?:{alt(FOREIGN_WORDS)})\b|亿|融资|万元|資金調達|億円|투자|억원", re.I)

# --- clause structure ----------------------------------------------------------------------

SUBORDINATE = re.compile(
    r"^(?:(?:just |only |some |about |nearly |less than |more than |a |an |\w+ )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)?\s*"
    r"(?:days?|weeks?|months?|years?)\s+)?(?:after|once|since|following|before|months after)"
    r"\s[^,]{1,120},\s*",
    re.I,
)
RELATIVE = re.compile(
    r",\s*(?:which|who|that|once|after)\s[^,]{1,120}(?:,|$)"
    r"|\b(?:that|which|who) (?:has |have |had |once |previously )*"
    r"(?:raised|secured|landed|got|closed)\b[^,]{0,80}",
    re.I,
)
PARTS = re.compile(r"\s+[–—|]\s+|\s+-\s+|(?<=[\w’'])[:;]\s+|(?<=\?)\s+|\s+//\s+")
# "... just 6 months after an $11M seed": the past, not this round.
TIME_AFTER = re.compile(
    r"\s(?:just |only |barely )?(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a few|several) )?(?:days?|weeks?|months?|years?) (?:after|since)\b.*$",
    re.I,
)
# ", a Berlin-based fintech,"; ", a Santa Monica, Calif.-based platform for ...,"
APPOSITIVE = re.compile(
    r",\s*(?:an?|the)\s(?:[^,]{1,40},\s*(?=[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-based\b))?[^,]{1,120},"
)
AFTER_CLAUSE = re.compile(
    r"\b(?:after|when|before|since|once|because) (?:it|they|he|she|we)\s+(?:\w+ )?$", re.I
)

# --- money that is not a round -------------------------------------------------------------

NOT_ROUND_NOUNS = (
    "contract", "challenge", "competition", "contest", "prize", "project", "order", "orders",
    "deal", "gpu", "fee", "bid", "ipo", "case", "settlement", "sale", "arr", "revenue", "offers?",
    "pay", "package", "compensation", "fund", "valuation", "a month", "per", "award", "market",
    "acquisition", "loss", "losses", "budget", "fine", "penalty", "tickets?", "savings", r"off\b",
    "impact", "privacy",
    # a plant or an office, not a "credit facility" (debt is a round)
    r"(?<!credit )(?<!debt )(?<!loan )(?<!factoring )(?<!lending )(?<!warehouse )(?<!financing )"
    "facility", "in (?:annual )?revenue", "in sales", "in bitcoin",
    "in federal",
)  # fmt: skip
NOT_ROUND_AFTER = re.compile(
    r"^\+?\s*(?:(?!(?:to|for|in|with|from|at|as|and|of|on|by|led|round|seed|series|funding)\b)"
    rf"[\w-]+\s+){{0,3}}?(?:{alt(NOT_ROUND_NOUNS)})\b",
    re.I,
)
NOT_ROUND_BEFORE = re.compile(
    r"\b(?:valued at|valuation of|valuation to|valuing [\w\s'’-]{0,40}at|worth|up from|from"
    r"|after (?:reaching|hitting)|his|her|their|than|as little as|for)"
    r"\s*(?:over |nearly |about |around |more than )?$",
    re.I,
)
POSSESSIVE_ROUND = re.compile(
    r"\w(?:'s|’s) (?:\S+ ){0,4}?(?:series [a-h]\d?|seed round|funding round"
    r"|(?:[$€£₹¥]|Rs)\S* (?:\S+ )?(?:round|raise|seed))\b",
    re.I,
)
WITH_MONEY = re.compile(r"\bwith (?:a |an |fresh |new |another |nearly |over |more than )*$", re.I)
SIZED_ROUND = re.compile(
    r"(?:[$€£₹¥]\s?[\d.,]+\s?[mbk]\w*|\d+ (?:million|billion))\+?\s+(?:\w+\s+)?"
    rf"(?:{MONEY_NOUN})\b",
    re.I,
)


# A deal that is only hoped for: its company's possessive, then the money, never "deal for X"
# (that is usually an acquisition).
PENDING_DEAL = re.compile(
    r"\w(?:'s|’s) (?:hoped-for|proposed|planned|potential|pending|mooted|rumou?red) "
    r"(?:[$€£₹¥]\S+ )?(?:\w+ )?(?:deal|investment|round|raise|funding)\b(?! (?:for|to|with)\b)",
    re.I,
)


# --- the body ------------------------------------------------------------------------------
# Summary and content sentences are read more loosely than headlines: any of these words marks
# a sentence that may name this round's amount, round or backers (the headline already decided
# the kind of story).
BODY_FUNDING_VERB = re.compile(
    r"\b(?:raises|raised|raise|raising|has raised|secures|secured|secure|lands|landed|nabs|nabbed"
    r"|bags|bagged|snags|snagged|grabs|grabbed|scores|scored|closes|closed|pulls in|pulled in"
    r"|picks up|picked up|gets|got|receives|received|attracts|attracted|collects|banks|hauls in"
    r"|rakes in|takes in|brings in|draws|wins|clinches|scoops up|scoops|nets|netted|gains|tops up"
    r"|adds|extends|completes|announces|unveils|books|locks in|lands|emerges from stealth with"
    r"|emerges with|launches with|debuts with|comes out of stealth with|exits stealth with"
    r"|mops up|amasses|reels in|notches|snares|inks|seals|wraps|wraps up|obtains|fetches"
    r"|garners|racks up|rounds up|corrals|taps|bolsters|boosts)\b",
    re.I,
)
BODY_INVESTOR_VERB = re.compile(
    r"\b(?:leads|led|co-leads|co-led|backs|backed|invests|invested|pours|poured|bets|puts|injects"
    r"|pumps|ploughs|plows|doubles down on|commits|funds|fuels|bankrolls|sinks)\b",
    re.I,
)
BODY_FUNDING_NOUN = re.compile(
    r"\b(?:funding|financing|investment|round|raise|backing|seed|pre-seed|series [a-h]\d?"
    r"|capital|cash|war chest|injection|venture debt|debt|loan|grant|valuation|investors?)\b",
    re.I,
)
