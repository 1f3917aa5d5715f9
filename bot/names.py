"""Who raised, who led, who joined: names of companies and investors in headlines and sentences.

Headlines name the company just before the verb ("China's SenseTime raises"), after a list of
descriptors we drop ("Berlin-based fintech startup"), or after a preposition when an investor is
the subject ("Alibaba leads $600M round in SenseTime").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.places import place_name

_ADVERBS = set(
    """
    reportedly quietly officially just now finally also has have had is was will today again
    already still successfully recently newly formally only who which that itself says said
    it
    """.split()  # noqa: SIM905 - a word list reads better as text
)
DESCRIPTORS = set(
    """
    startup start-up startups company companies firm platform maker makers app provider
    developer unicorn giant rival challenger spinout spin-off spinoff upstart newcomer
    fintech edtech healthtech insurtech proptech agritech agtech cleantech climatetech
    climate-tech deeptech deep-tech biotech medtech foodtech legaltech regtech adtech
    martech saas b2b d2c dtc b2c ev neobank marketplace stealth operator lender insurer
    retailer brand darling player builder creator owner manufacturer producer supplier
    chipmaker automaker carmaker drugmaker tool service solution solutions venture outfit
    specialist pioneer leader e-commerce ecommerce quick-commerce web3 crypto exchange
    network software tech technology ai genai gen-ai robotics defense defence healthcare
    logistics mobility gaming security cybersecurity fashion food delivery travel energy
    battery space drone chip semiconductor analytics data cloud payments payment lending
    banking insurance wealth wealthtech hr hrtech agentic coding voice video audio music
    media social dating beauty pet legal climate carbon solar nuclear fusion quantum
    biotechnology health mental fitness education learning new former ex the a an its based
    backed led owned founded indie consumer enterprise open-source open source agent agents
    app-based online digital mobile electric autonomous self-driving
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that end a company name but are also descriptors: kept when part of the name's run.
_NAME_TAILS = set(
    """
    ai labs robotics bio health energy technologies systems space security data cloud pay
    finance capital tech media network exchange software therapeutics motors aerospace
    fusion quantum payments analytics games studios foods mobility logistics technology
    company group lab
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_HYPHEN_STOP = re.compile(
    r"-(?:based|backed|led|owned|founded|powered|focused|first|native|centric|driven|enabled"
    r"|era|focused|friendly|made|born|linked|funded|supported|style|killer|rival|alternative"
    r"|competitor|challenger|like|sized|style|specific|grade|ready)$",
    re.I,
)
_SUFFIXES = re.compile(
    r"(?:,?\s+(?:Inc|Inc\.|Incorporated|Ltd|Ltd\.|Limited|LLC|L\.L\.C\.|GmbH|SAS|S\.A\.|SA|AG"
    r"|Corp|Corp\.|Co\.|PLC|plc|BV|B\.V\.|Pvt|Pvt\.|Private Limited))+$"
)
LOWER_BRANDS = {"a16z", "e.ventures", "b2venture", "500", "iyo", "n8n", "tldraw"}
# Lowercase brands carry a digit, dot or slash: "n8n", "daily.co", "/dev/agents", "1mind".
_BRAND = re.compile(r"^/?[a-z0-9][a-z0-9]*[./\d][\w./]*$")
# Capitalised first words that belong to the name when a name follows ("The Rounds").
_NAME_OPENERS = {"the", "new", "general", "open", "next", "united", "national", "global"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z0-9][\w.'’&+!-]*|[a-z]+[-.]?[A-Z][\w.'’&+-]*|&)$")
_CONNECTORS = {"&", "of", "de", "da", "la", "du", "von", "van", "der", "del", "y", "for"}
COMMON = set(
    """
    the a an this that these those it its in on at by for with from to of and or but as if
    beyond principally however perhaps indeed also meanwhile today yesterday now then after
    before while when where why how what who which there here their our we they he she his
    her following according despite since though although because so still yet even more
    most many some several other others another all both each every no not new last first
    next earlier later previously currently recently together instead besides additionally
    including existing notably separately overall finally once under over into about among
    between other-wise amid against one during founded launched backed led based mr ms dr
    ceo cto coo cfo founder co-founder chief president partner managing investors investor
    backers series seed round funding round's monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december techcrunch bloomberg reuters forbes axios cnbc information wsj fortune
    sifted crunchbase pitchbook inc42 yourstory entrackr finsmes eu-startups tech.eu
    venturebeat business insider wired verge engadget ft financial times economic mint
    statement sources source report reports filing filings said says told spokesperson press
    release government state federal national international global world u.s. uk eu us
    """.split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass(frozen=True)
class Subject:
    company: str | None = None
    location: str | None = None
    verb_end: int = 0
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = field(default_factory=tuple)


def _tokens(text: str) -> list[str]:
    return text.split()


def _bare(token: str) -> str:
    return token.strip('.,;:!?"“”‘’()[]{}')


def _possessive(token: str) -> str | None:
    m = re.match(r"^(.+?)(?:'s|’s|'|’)$", _bare(token) if not token.endswith(("'", "’")) else token)
    return m.group(1) if m else None


def title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text)][1:]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def is_brand(token: str) -> bool:
    """A lowercase brand with a digit, dot or slash ("n8n", "/dev/agents", "1mind")."""
    word = _bare(token)
    return bool(_BRAND.match(word)) and sum(c.isalpha() for c in word) >= 2


def _strip_adverbs(tokens: list[str]) -> list[str]:
    while tokens and _bare(tokens[-1]) in _ADVERBS:
        tokens = tokens[:-1]
    return tokens


def _is_name_token(token: str, titled: bool, first: bool) -> bool:
    word = _bare(token)
    if not word:
        return False
    lower = word.lower()
    if lower in LOWER_BRANDS or is_brand(word):
        return True
    if re.match(r"^(?:ex|former)-", lower):
        return False
    if not _NAME_TOKEN.match(word):
        return False
    if _HYPHEN_STOP.search(word):
        return False
    if (titled or first) and lower in DESCRIPTORS and lower not in _NAME_TAILS:
        return False
    if first and lower in COMMON:
        return False
    return True


def trailing_name(text: str) -> tuple[str | None, str | None]:
    """The company name that ends `text`, and a place named before it."""
    titled = title_case(text)
    tokens = _strip_adverbs(_tokens(text))
    location = _location_from_tokens(tokens)
    run: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if _possessive(token) is not None and run:
            break
        if not _is_name_token(token, titled, first=(i == 0)):
            if (
                _bare(token) in _CONNECTORS
                and run
                and i > 0
                and _is_name_token(tokens[i - 1], titled, False)
            ):
                run.insert(0, token)
                continue
            break
        run.insert(0, token)
        if len(run) >= 5:
            break
    # a run that starts with descriptors in title-case text ("Fintech Startup Acme")
    while (
        run
        and _bare(run[0]).lower() in DESCRIPTORS
        and len(run) > 1
        and (titled or _bare(run[0]).lower() not in _NAME_TAILS)
    ):
        if _bare(run[0]).lower() == "the" and not titled:
            break
        run = run[1:]
    while run and place_name(_bare(run[0])) and len(run) > 1:
        location = location or place_name(_bare(run[0]))
        run = run[1:]
    start = len(tokens) - len(run)
    if run and start == 1 and not titled and _bare(tokens[0]).lower() in _NAME_OPENERS:
        if tokens[0][:1].isupper():
            run.insert(0, tokens[0])  # "The Rounds", "New Lantern", "General Intuition"
    name = clean_name(" ".join(run))
    return name or None, location


def leading_name(text: str) -> tuple[str | None, str | None]:
    """The company name that starts `text` ("China's SenseTime's Series C" → SenseTime, China)."""
    location = None
    run: list[str] = []
    titled = title_case(text)
    for token in _tokens(text):
        owner = _possessive(token)
        if owner is not None:
            place = place_name(owner)
            if place and not run:
                location = place
                continue
            run.append(owner)
            break
        if not _is_name_token(token, titled, first=not run):
            if run or _bare(token).lower() not in DESCRIPTORS | COMMON:
                if not run and place_name(_bare(token)):
                    location = place_name(_bare(token))
                    continue
                break
            if place_name(_bare(token)):
                location = place_name(_bare(token))
            continue
        if not run and place_name(_bare(token)):
            location = place_name(_bare(token))
            continue
        run.append(token)
        if token.endswith((",", ";", ":")) or len(run) >= 5:
            break
    return clean_name(" ".join(run)) or None, location


def clean_name(name: str) -> str:
    name = _bare(name.strip())
    name = re.sub(r"(?:'s|’s)$", "", name)
    name = _SUFFIXES.sub("", name).strip(" ,.")
    return name


def _location_from_tokens(tokens: list[str]) -> str | None:
    text = " ".join(tokens)
    m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-based\b", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    for i, token in enumerate(tokens):
        owner = _possessive(token)
        word = owner if owner is not None else _bare(token)
        if i + 1 < len(tokens):
            pair = f"{_bare(token)} {_bare(tokens[i + 1])}"
            if place_name(pair.removesuffix("'s").removesuffix("’s")):
                return place_name(pair.removesuffix("'s").removesuffix("’s"))
        place = place_name(word)
        if place and (owner is not None or word.lower() in _DEMONYM_WORDS or word[0].isupper()):
            return place
    return None


_DEMONYM_WORDS = {"indian", "chinese", "german", "french", "british", "israeli", "european"}


def location_in(text: str, company: str | None) -> str | None:
    """A place the text gives for the company: "Berlin-based", "headquartered in Paris"."""
    m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-based\b", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    m = re.search(r"\b(?:based|headquartered|located) in ([A-Z][\w.]*(?: [A-Z][\w.]*)?)", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    return None


def parse_names(text: str) -> list[str]:
    """A list of names at the start of `text`: "Sequoia, Accel and Alphabet's GV to build" → 3."""
    text = re.sub(
        r"^\s*(?:existing |new |other |returning )?(?:investors?|backers?)?\s*(?:including|include|"
        r"such as|like|the likes of)?\s*",
        "",
        text,
    )
    names: list[str] = []
    current: list[str] = []
    for raw in _tokens(text):
        word = raw if re.match(r"^[A-Z]\.$", raw) else _bare(raw)  # "T. Rowe Price"
        lower = word.lower()
        ends = raw.endswith((",", ";"))
        if lower in ("and", "&") and not current:
            continue
        if lower == "and":
            if current:
                names.append(" ".join(current))
            current = []
            continue
        owner = _possessive(raw)
        if owner is not None and (place_name(owner) or not ends):
            current = []  # "Alphabet's GV" → GV; "Singapore's Temasek" → Temasek
            continue
        if lower in _DEAL_WORDS:  # "Led By Alibaba, Valuation Tops $4.5 Bn": the list ended
            break
        capital = word[:1].isupper() and lower not in _LIST_STOP
        ok = _is_name_token(raw, False, first=not current and not capital) or (
            current and lower in _CONNECTORS - {"for"}
        )
        if not ok:
            break
        current.append(word)
        if ends or (raw.endswith((".", "!", "?", ":")) and not re.match(r"^[A-Z]\.$", raw)):
            names.append(" ".join(current))
            current = []
            if not ends:
                break
    if current:
        names.append(" ".join(current))
    return [
        n
        for n in (clean_name(x) for x in names)
        if n
        and n.lower() not in COMMON
        and not place_name(n)
        and not all(w.lower() in DESCRIPTORS | {"vc", "vcs"} for w in n.split())
    ]


# Words of the deal itself: in Title Case headlines they are capitalised but never a name.
_DEAL_WORDS = {
    "series", "seed", "round", "others", "more", "investors", "valuation", "valued", "values",
    "funding", "financing", "investment", "raise", "raises", "raised", "tops", "hits", "reaches",
    "at", "to", "for", "in", "as", "amid", "after", "now", "taking", "bringing", "pushing",
}
_LIST_STOP = {"the", "a", "an", "its", "their", "existing", "new", "other", "and", "with", "from"}


_LED_BY = re.compile(r"\b(?:led|co-led|headed|spearheaded) by\s+", re.I)
_X_LED = re.compile(r"((?:[A-Z]|a16z)[\w.&'’]*(?: [A-Z][\w.&'’]*){0,3})-led\b")
_X_LEADS = re.compile(
    r"(?:^|,\s*|\band\s+)([A-Z][\w.&'’]*(?: [A-Z0-9][\w.&'’]*){0,3}) (?:leads|led|co-leads|co-led)\b(?! by)"
)
_FROM = re.compile(
    r"\b(?:from|backed by|with participation from|participation from|joined by|with backing from"
    r"|backing from|funded by|with)\s+",
    re.I,
)


def leads_in(text: str) -> list[str]:
    found: list[str] = []
    for m in _LED_BY.finditer(text):
        found += parse_names(text[m.end() :])
    for m in _X_LED.finditer(text):
        if m.group(1).lower() not in DESCRIPTORS:
            found += parse_names(m.group(1))
    return found


def investors_in(text: str) -> list[str]:
    found: list[str] = []
    for m in _FROM.finditer(text):
        if m.group(0).lower().strip() == "with" and not re.match(r"[A-Z]", text[m.end() :]):
            continue
        found += parse_names(text[m.end() :])
    return found + leads_in(text)


_PARTICIPATION = re.compile(
    r"\bparticipa\w*|\bjoined (?:the|this) (?:\w+ )?round|\bentered (?:the|this) (?:\w+ )?round"
    r"|\bnew backers\b|\bexisting (?:investors|backers)\b|\balso (?:invested|joined|backed)\b"
    r"|\binvestors (?:include|including)\b|\bjoined by\b|\bco-investors?\b",
    re.I,
)
_WHICH_LED = re.compile(
    r"\b(?:which|who)?\s*(?:led|co-led|leads|is leading|headed) (?:this|the|its|the company's)"
    r" (?:\w+ ){0,3}?(?:round|investment|financing|raise|funding)\b",
    re.I,
)
_NAME_RUN = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’.&+-]*|a16z)(?:\s+(?:[A-Z0-9][\w'’.&+-]*|&|of|de|la|van|von)\b)*"
)
_PERSON_CUE = re.compile(
    r"(?:CEO|founder|co-founder|chief|president|said|says|told|partner)\W*$", re.I
)


def _names_in_sentence(sentence: str, company: str | None) -> list[str]:
    found = []
    for m in _NAME_RUN.finditer(sentence):
        name = m.group(0).rstrip(".’'")
        tokens = name.split()
        while tokens and (
            tokens[0].lower().strip("’'") in COMMON or tokens[0].lower() in DESCRIPTORS
        ):
            tokens = tokens[1:]
        if not tokens:
            continue
        name = " ".join(tokens)
        owner = _possessive(name)
        if owner is not None:
            continue  # "Singapore's", "SenseTime's": an owner, not a backer
        if len(name) < 2 or _HYPHEN_STOP.search(name) or place_name(name + "."):
            continue
        if place_name(name) or name.lower() in COMMON or re.match(r"^(?:Series|Seed)\b", name):
            continue
        if company and name.lower().startswith(company.lower().split()[0]):
            continue
        if _PERSON_CUE.search(sentence[: m.start()]):
            continue
        found.append(clean_name(name))
    return found


def investors_in_body(sentences: list[str], company: str | None) -> tuple[list[str], list[str]]:
    """Leads and investors named in the sentences about this round."""
    leads: list[str] = []
    investors: list[str] = []
    for s in sentences:
        explicit = leads_in(s)
        if explicit and re.search(
            r"\b(?:round|funding|investment|financing|series|seed|raise)", s, re.I
        ):
            leads += explicit
            investors += explicit
        m = _WHICH_LED.search(s)
        if m and not re.search(r"\b(?:last|previous|prior) (?:year|round)\b", s, re.I):
            names = _names_in_sentence(s[: m.start()], company)
            if names:
                leads.append(names[0])
                investors.append(names[0])
        for cue in (
            r"with participation from",
            r"participation from",
            r"joined by",
            r"(?:existing|new) investors",
        ):
            for mm in re.finditer(rf"\b{cue}\s+", s, re.I):
                investors += parse_names(s[mm.end() :])
        earlier = re.search(r"\b(?:last year|previous round|prior round|earlier round)\b", s, re.I)
        current = re.search(r"\b(?:this|the|current|latest|new) (?:\w+ )?round\b", s, re.I)
        if _PARTICIPATION.search(s) and (not earlier or current):
            investors += _names_in_sentence(s, company)
    return leads, investors


def unique(names: list[str], *, exclude: str | None = None) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = re.sub(r"\W+", "", name.lower())
        if not key or key in seen:
            continue
        if exclude and key == re.sub(r"\W+", "", exclude.lower()):
            continue
        seen.add(key)
        out.append(name)
    return out
