"""Who raised, who led, who joined: names of companies and investors in headlines and sentences.

Headlines name the company just before the verb ("China's SenseTime raises"), after a list of
descriptors we drop ("Berlin-based fintech startup"), or after a preposition when an investor is
the subject ("Alibaba leads $600M round in SenseTime").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.extract.namewords import (
    COMMON,
    DEAL_WORDS,
    DESCRIPTORS,
    LIST_STOP,
    NAME_ADVERBS,
    NAME_TAILS,
    PLURAL_TAILS,
)
from bot.extract.places import location_from_tokens, place_name

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
_NAME_OPENERS = {
    "the", "new", "general", "open", "next", "united", "national", "global", "federal", "first",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"^(?:[A-Z0-9][\w.'’&+!/~-]*|[a-z]+[-.]?[A-Z][\w.'’&+-]*|&)$")
_CONNECTORS = {"&", "of", "de", "da", "la", "du", "von", "van", "der", "del", "y", "for"}


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
    while tokens and _bare(tokens[-1]).lower() in NAME_ADVERBS:
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
    if not (_NAME_TOKEN.match(word) or (word[0].isupper() and not word[0].isascii())):
        return False  # "Ōura", "Émile": a capital outside ASCII starts a name too
    if _HYPHEN_STOP.search(word):
        return False
    if (titled or first) and lower in DESCRIPTORS and lower not in NAME_TAILS:
        return False
    return not (first and lower in COMMON)


def trailing_name(text: str, titled: bool | None = None) -> tuple[str | None, str | None]:
    """The company name that ends `text`, and a place named before it. `titled`: is the whole
    headline in Title Case (a short fragment of one cannot tell)?"""
    titled = title_case(text) if titled is None else titled
    tokens = _strip_adverbs(_tokens(text))
    location = location_from_tokens(tokens)
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
    if (
        run
        and len(run) == len(tokens) - 1
        and (
            (_bare(tokens[0]).lower() in _NAME_OPENERS and tokens[0][:1].isupper())
            or re.match(r"^\d+%$", tokens[0])
        )
    ):
        # "The Boring Company", "Federal Data Systems", "10% Happier": the opener starts the
        # name when the name fills the subject
        return clean_name(" ".join(tokens)) or None, location
    # a run that starts with descriptors in title-case text ("Fintech Startup Acme")
    while (
        run
        and _bare(run[0]).lower() in DESCRIPTORS
        and len(run) > 1
        and (titled or _bare(run[0]).lower() not in NAME_TAILS)
        # sentence case: a capital mid-sentence is a name's ("chip startup Source Foundry")
        and (titled or len(run) == len(tokens) or not run[0][:1].isupper())
        and not (
            not titled and len(run) == 2 and _bare(run[1]).lower() in NAME_TAILS | PLURAL_TAILS
        )  # "Nuclear Turbines": a descriptor made a brand by the tail after it
    ):
        if _bare(run[0]).lower() == "the" and not titled:
            break
        run = run[1:]
    while (
        run
        and place_name(_bare(run[0]))
        and len(run) > 1
        and not (len(run) == 2 and _bare(run[1]).lower() in NAME_TAILS)
    ):  # "Berlin-based Acme" drops Berlin; "Cambridge Aerospace" is one name
        location = location or place_name(_bare(run[0]))
        run = run[1:]
    if titled and len(run) > 2:
        # "Jewellery Brand GIVA": a descriptor inside a Title Case run ends the description
        inner = [i for i, t in enumerate(run[:-1]) if _bare(t).lower() in DESCRIPTORS - NAME_TAILS]
        if inner:
            run = run[inner[-1] + 1 :]
    start = len(tokens) - len(run)
    if (
        len(run) == 1
        and start >= 1
        and _bare(run[0]).lower() in NAME_TAILS
        and re.match(r"^[A-Z][a-z]+$", tokens[start - 1])
        and not place_name(tokens[start - 1])
        and (_bare(tokens[start - 1]).lower() not in DESCRIPTORS or start == 1)
    ):
        run.insert(0, tokens[start - 1])  # "Together AI": a common word made a brand by its tail
        start -= 1
    if (
        run
        and start == 1
        and not titled
        and _bare(tokens[0]).lower() in _NAME_OPENERS
        and tokens[0][:1].isupper()
    ):
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


def parse_names(text: str) -> list[str]:
    """A list of names at the start of `text`: "Sequoia, Accel and Alphabet's GV to build" → 3."""
    # "Why 500 Global and Nvidia Just Bet …": a question word and an adverb are no names
    text = re.sub(r"^\s*(?:Why|How|When|Where)\s+", "", text)
    text = re.sub(r"\s+(?:Just|Quietly|Reportedly|Also|Now)\s*$", "", text)
    # "With IVP, SoftBank, Eli Manning Backing": what the list gave, not a last name's word
    text = re.sub(r"\s+(?:Backing|Support|Participation|Money|Cash|Funding)\s*$", "", text)
    text = re.sub(
        r"^\s*(?:existing |new |other |returning |return )?(?:investors?|backers?|firms|funds)?"
        r"\s*(?:including|include|such as|like|the likes of)?\s*",
        "",
        text,
    )
    text = _JOINED_NAMES.sub(lambda m: m.group(0).replace(" ", "~"), text)
    names: list[str] = []
    current: list[str] = []
    last_owner = ""
    tokens = _tokens(text)
    for i, raw in enumerate(tokens):
        word = raw if _INITIALS.match(raw) else _bare(raw)  # "T. Rowe", "J.P."
        lower = word.lower()
        ends = raw.endswith((",", ";"))
        if raw.endswith(("...", "…")):
            current = []  # a summary cut mid-name: "Scale N..." is no name
            break
        if lower in ("and", "&") and not current:
            continue
        if lower == "and":
            if current:
                names.append(" ".join(current))
            current = []
            continue
        owner = None if raw.endswith(("s'", "s’")) else _possessive(raw)  # "Teachers' Venture"
        if owner is not None and (place_name(owner) or not ends):
            current = []  # "Alphabet's GV" → GV; "Singapore's Temasek" → Temasek
            last_owner = owner
            continue
        if not current and names and _LEGAL.match(word):
            continue  # "Archytas Ventures, LLC": the legal form of the name before
        if lower in DEAL_WORDS and not _inside_name(word, current, tokens[i + 1 : i + 2]):
            break  # "Led By Alibaba, Valuation Tops $4.5 Bn": the list ended
        capital = word[:1].isupper() and lower not in LIST_STOP
        ok = _is_name_token(raw, False, first=not current and not capital) or (
            current and lower in _CONNECTORS - {"for"}
        )
        if not ok:
            break
        current.append(word)
        if ends or (raw.endswith((".", "!", "?", ":")) and not _INITIALS.match(raw)):
            names.append(" ".join(current))
            current = []
            if not ends:
                break
    if current:
        names.append(" ".join(current))
    # "Nvidia’s Venture Arm Invests …": an arm is named by its owner
    names = [last_owner if last_owner and _ARM.match(n) else n for n in names]
    return [
        n
        for n in (clean_name(x).replace("~", " ") for x in names)
        if n
        and n.lower() not in COMMON
        and not place_name(n)
        and not all(w.lower() in DESCRIPTORS | {"vc", "vcs"} for w in n.split())
    ]


_ARM = re.compile(
    r"(?i)^(?:corporate\s+)?(?:venture(?:\s+capital)?|vc|investment|investing|strategic)\s+(?:arm|unit)$"
)


def _inside_name(word: str, current: list[str], after: list[str]) -> bool:
    """A capitalised deal word inside a firm's name: "QED Investors", "Generation Investment
    Management", "Abu Dhabi Investment Authority"."""
    if not current or not word[:1].isupper() or word.lower() not in _NAME_DEAL_WORDS:
        return False
    if word.lower() == "investors":
        return True
    return bool(after) and bool(re.match(r"^[A-Z][a-z]", after[0]))


_NAME_DEAL_WORDS = {"investors", "investment", "investments", "capital", "growth", "seed"}
_LEGAL = re.compile(r"^(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|GmbH|PLC|AG|BV|LP|LLP)\.?$")
# Investor names that hold a joining word a list would split at: kept whole.
_JOINED_NAMES = re.compile(
    r"\b(?:Plug and Play|Force over Mass|Bill (?:and|&) Melinda Gates|Marc and Lynne Benioff"
    r"|Procter (?:and|&) Gamble|Johnson (?:and|&) Johnson|Ernst (?:and|&) Young"
    r"|Black and Veatch|Barnes (?:and|&) Noble|Dolce (?:and|&) Gabbana)\b"
)


# "led byD11Z": feeds that drop the space at a line break glue "by" to the name
_LED_BY = re.compile(r"\b(?:led|co-led|headed|spearheaded) by(?:\s+|(?=(?-i:[A-Z0-9])))", re.I)
_X_LED = re.compile(r"((?:[A-Z]|a16z)[\w.&'’]*(?: [A-Z][\w.&'’]*){0,3})-(?i:led)\b")
_X_LEADS = re.compile(
    r"(?:^|,\s*|\band\s+)([A-Z][\w.&'’]*(?: [A-Z0-9][\w.&'’]*){0,3})"
    r" (?:leads|led|co-leads|co-led)\b(?! by)"
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
        if m.group(0).lower().strip() == "with" and (
            not re.match(r"[A-Z]", text[m.end() :])
            or re.search(
                r"(?i)\b(?:vying|competing|compete|battling|rivall?ing)\s*$", text[: m.start()]
            )
        ):
            continue  # "Chipmaker Vying With Nvidia": a rival, not a backer
        if re.match(r"(?i:stealth)\b", text[m.end() :]):
            continue  # "Emerges From Stealth With $70M"
        found += parse_names(list_text(text[m.end() :]))
    return found + leads_in(text)


_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")  # "T. Rowe Price", "J.P. Morgan"
_OWNED_DESCRIPTION = re.compile(r"\b[A-Z][\w.-]*['’]s\s+(?:[a-z][\w-]*\s+){1,4}(?=[A-Z])")


def list_text(text: str) -> str:
    """A list ready for `parse_names`: no "the", no "existing investor" inside it."""
    text = _OWNED_DESCRIPTION.sub("", text)
    text = re.sub(r"\b(?:the|fellow)\s+(?=[A-Z])", "", text)
    return re.sub(
        r"\b(?:(?:existing|new|returning|return|other) )?(?:investors?|backers?)\s+(?=[A-Z])"
        r"|\binsiders?\s+(?=[A-Z])",
        "",
        text,
    )


_HEADLINE_VERB = re.compile(
    r"\s*,?\s+(?:Enters|Joins|Raises|Becomes|Leads|Backs|Invests|Gets|Secures|Closes|Announces"
    r"|Hits|Nabs|Lands|Bags|Crosses|Reaches|Tops|Launches)\b.*$"
)
_ROLE = re.compile(r"^.*\b(?:CEO|CTO|COO|CFO|founder|co-founder|chairman|president)\s+(?=[A-Z])")


def investor_name(name: str) -> str | None:
    """An investor's name, or None when the text is not one: a headline clause cut off
    ("WestBridge, Enters Unicorn Club" → WestBridge), a demonym dropped ("French BNP Paribas"),
    a role dropped ("Google CEO Eric Schmidt" → Eric Schmidt), a round letter or a number
    ("D", "23") refused."""
    if _HEADLINE_VERB.match(" " + name.strip()):
        return None  # "Enters Unicorn Club": the headline's next clause, split off at a comma
    name = _HEADLINE_VERB.sub("", name.strip()).strip(" ,;")
    name = _ROLE.sub("", name)
    if len(name) < 2 or name.isdigit() or re.fullmatch(r"[A-H]\d?", name):
        return None
    return name


def unique(names: list[str], *, exclude: str | None = None) -> list[str]:
    """Names once each, in order; "French BNP Paribas" beside "BNP Paribas" is the same bank
    with an adjective kept."""
    seen: set[str] = set()
    out: list[str] = []
    cleaned = [n for n in (investor_name(raw) for raw in names) if n]
    for name in cleaned:
        first, _, rest = name.partition(" ")
        if rest in cleaned and place_name(first) not in (None, first):
            continue
        key = re.sub(r"\W+", "", name.lower())
        if not key or key in seen:
            continue
        if exclude and key == re.sub(r"\W+", "", exclude.lower()):
            continue
        seen.add(key)
        out.append(name)
    return out
