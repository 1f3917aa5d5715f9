"""Who raised: the company a funding headline is about, found from where its verb sits.

`kinds.read` finds the clause and the funding core ("raises", "Accel leads"); the company is then

- the target of an investor's act: "Alibaba leads $600M round in China's SenseTime",
  "Google backs Indian open-source Uber rival" (a description, no name: None);
- else the subject before the verb: its trailing name ("Berlin-based fintech Acme raises"), the
  owner when the subject is a possession ("Toma's AI voice agents ... attracted funding"), the
  first name when the subject is a long clause ("Iyris makes produce easier to grow, raises");
- people as the subject ("Ex-Duolingo execs raise $13M for a startup") name no company unless
  the headline says which one ("Google vet raises $8M for Continua").
"""

from __future__ import annotations

import re

from bot.extract import names
from bot.extract.kinds import UNICORN, VALUATION_EVENT, Reading
from bot.extract.lexicon import COMPANY_NOUN, CORE_VERB, RUMOR
from bot.extract.names import Subject, leading_name, parse_names, trailing_name
from bot.extract.places import location_in, place_name

_PEOPLE = re.compile(
    r"^(?:founders?|co-?founders?|alums?|alumni|vets?|veterans?|execs?|executives?|engineers?"
    r"|researchers?|scientists?|dropouts?|teens?|students?|ceo|leads|duo|trio|pair|operators?"
    r"|team|\d+-year-olds?|[\w-]+-year-olds?|creators?|investors?|vcs|person|man|woman)$",
    re.I,
)
_DESCRIBED = re.compile(
    r"\b(?:startup|start-up|company|app|platform|maker|firm|provider|developer|unicorn|fintech"
    r"|lender|neobank|marketplace|spinoff|spinout|spin-off|called|named|dubbed|operator|insurer"
    r"|challenger|\w+tech|biotech|chipmaker)\W{0,2}\s+((?:/|[A-Z0-9])[\w./&'’+-]*"
    r"(?:\s+(?:[A-Z0-9][\w.&'’+-]*|of|&))*)"
)
_LEAD_CLAUSE = re.compile(
    r"^(?:with|as|after|backed by|armed with|fresh off|in just|from|amid|despite|following"
    r"|now|once|while|since)\b[^,:]{0,120}[,:]\s+",
    re.I,
)
_TARGET_END = re.compile(
    r",|;|\s[–—-]\s|\s(?:with|to|after|as|for|in|from|at|that|which|who|amid|despite|just"
    r"|led|valuing|and|by|on|over|months|weeks|days)\b|\(",
)
_PREP = re.compile(
    r"\b(?:in|into|on|behind|for|to"
    r"|(?:(?<=funding )|(?<=financing )|(?<=round )|(?<=investment ))of)\s+(?=\S)"
)  # "lead $1.4B funding of Indian e-commerce phenom Flipkart"
_ADVERBS = re.compile(
    r"(?:\s+(?:has|have|had|just|also|quietly|reportedly|officially|now|finally|today|again"
    r"|already|is|was|who|which|that|it|its|each|both|all))+$"
)


_BECOMES_HOLDER = re.compile(
    r"^(?P<investor>[^,]{2,80}?)\s+(?:becomes|became|to become|set to become|is set to become"
    r"|will become|poised to become)\s+(?P<company>[^,]{2,60}?)(?:'s|’s)\s+(?:\w+\s+){0,2}?"
    r"(?:shareholder|investor|backer|stakeholder)\b"
)


def find_subject(reading: Reading) -> Subject:
    """The company, location and investors a funding headline names (see module doc)."""
    text = reading.text
    if not text:
        return Subject()
    holder = _BECOMES_HOLDER.search(text)
    if holder:  # "ASML set to become Mistral AI's top shareholder after leading ... round"
        company, location = leading_name(holder.group("company"))
        investors = tuple(parse_names(holder.group("investor")))
        leads = investors if re.search(r"\b(?:after |by )?leading\b", text) else ()
        if company and investors:
            return Subject(company, location, holder.end(), leads, investors)
    if reading.core_kind == "investor":
        found = _investor_subject(text, reading.core, reading.core_end)
        if found.company or "," not in text[: reading.core]:
            return found
        # "Campfire is winning customers, Accel led a $35M Series A": the company is earlier.
        head = text[: reading.core].rsplit(",", 1)[0]
        before = _company_before(head, text, reading.core_end)
        if before.company and any(before.company in x for x in found.investors):
            return found  # "Tencent, SoftBank invest …", "Saudi Wealth Fund, … Back": backers
        return Subject(
            before.company, before.location, found.verb_end, found.lead_investors, found.investors
        )
    if reading.core >= 0:
        return _company_before(text[: reading.core], text, reading.core_end)
    return _fallback(text)


_DESCRIPTION_TAIL = re.compile(rf"\s+{COMPANY_NOUN}\W*$")


# a name, then what it is in lowercase: "backs 5C lending platform", "in Zepto grocery app"
_NAME_THEN_DESCRIPTION = re.compile(
    r"^\s*([A-Z0-9][\w.&'’+-]*(?:\s[A-Z0-9][\w.&'’+-]*){0,2})\s+(?:[a-z][\w-]*\s+){0,3}"
    rf"{COMPANY_NOUN}\W*$"
)
# capitalised words that say what a company does, not who it is ("backs AI lending platform")
_TOPIC = re.compile(
    r"(?:AI|A\.I\.|EV|B2B|B2C|D2C|DTC|SaaS|HR|IoT|AR|VR|XR|API|ML|LLM|DeFi|SME|SMB|Web3|NFT|GPU"
    r"|IT|US|U\.S\.|UK|EU|Crypto|Fintech|Tech|Climate|Health|Green|Digital|GenAI|Quantum|Space"
    r"|Cyber|Robotics|Edtech|Healthtech|Agentic|Generative|Open|New|Local|Global|Major|Leading)"
)
# what a company is to others, never its name's last word ("Uber Rival", "Grocery Upstart")
_ROLE_NOUNS = frozenset(
    {"rival", "challenger", "startup", "start-up", "upstart", "newcomer", "player", "giant"}
    | {"unicorn", "maker", "firm"}
)


def _investor_subject(text: str, start: int, end: int) -> Subject:
    verb = text[start:end].lower()
    named = (
        _strip_lead(text[:start]).rsplit(", ", 1)[-1]
        if re.search(r"\b(?:is|are|was|has)\b", text[:start])
        else _strip_lead(text[:start])
    )
    investors = tuple(n for n in parse_names(named) if not _PEOPLE.match(n.split()[-1]))
    leads = investors if verb.startswith(("lead", "co-lead", "led", "co-led")) else ()
    rest = text[end:]
    targets = (
        [rest]
        if verb.endswith((" on", " in", " into", "backs", "backed", "back", "funds", "bankrolls"))
        else []
    )
    if not targets and re.match(r"^\s*(?:\S+\s+){0,2}?\S+(?:'s|’s)\s", rest):
        targets.append(rest)  # "Meituan leads PuduTech's RMB 100M Series B"
    targets += [rest[m.end() :] for m in _PREP.finditer(rest[:120])]
    for target in targets:
        location = None
        place = re.match(r"^\s*(\S+?)(?:'s|’s)\s+", target)
        if place and place_name(place.group(1)):
            location, target = place_name(place.group(1)), target[place.end() :]
        head = _TARGET_END.split(target, maxsplit=1)[0]
        # a possessive within the target's own words ("in Furiosa AI to bolster Korea's …" has
        # none: Korea's is past "to")
        owner = re.match(r"^\s*((?:[^\s,;]+\s+){0,5}?[^\s,;]+)(?:'s|’s)\s", head + " ")
        phrase = owner.group(1) if owner else head
        company, loc = trailing_name(phrase)
        bare = _DESCRIPTION_TAIL.sub("", phrase)
        if company is None and not re.search(
            r"(?i)\b(?:an?|the|this|that|its|his|her|their)\b", bare
        ):
            company, loc = trailing_name(bare)  # "for Gorillas start-up" (not "an AI startup")
        if company is None:
            described = _NAME_THEN_DESCRIPTION.match(phrase)  # "backs 5C lending platform"
            if described and not (
                _TOPIC.fullmatch(described.group(1))
                or re.search(r"-(?:based|backed|led|funded|born|founded)$", described.group(1))
            ):
                company = described.group(1)
        if company and (place_name(company) or _PEOPLE.match(company.split()[-1])):
            continue
        if company and company.split()[-1].lower() in _ROLE_NOUNS:
            continue  # "invest $1.1B in Uber Rival in India": a description, the body names it
        if company:
            location = location or loc or location_in(phrase, company)
            return Subject(company, location, end, leads, investors)
    owned = _fallback_possessive(text[:start])  # "Nuro's $106M raise backs its shift"
    if owned.company:
        return Subject(owned.company, owned.location, end, leads, investors)
    if len(investors) == 1 and re.search(r"\bwith (?:a |an )?\S+ (?:raise|round|funding)\b", rest):
        return Subject(
            investors[0], None, end, (), ()
        )  # "Archer doubles down on X with $300M raise"
    return Subject(None, None, end, leads, investors)


def _strip_lead(text: str) -> str:
    text = _LEAD_CLAUSE.sub("", text.strip(), count=1)
    # "Bill Gates-backed Arnergy": the investor modifier is not the name.
    return _BACKED_MODIFIER.sub("", text, count=1)


_BACKED_MODIFIER = re.compile(
    r"^(?:(?:[A-Z][\w.&'’]*|a16z)\s+){0,3}(?:[A-Z]\w*|a16z)-(?:backed|led|funded)\s+"
    # "PureTech Founded Entity Seaport Therapeutics": the parent's word for its company
    r"|^(?:[A-Z][\w.&'’]*\s+){1,3}(?i:founded|backed|incubated)\s+(?i:entity|company|startup)\s+"
)
# Nouns a lowercase brand may follow as the subject: "German AI startup mika raises".
_HEAD_NOUNS = {
    "startup", "start-up", "company", "firm", "platform", "app", "fintech", "maker", "provider",
    "developer", "brand", "neobank", "marketplace", "unicorn", "biotech", "insurtech", "proptech",
    "healthtech", "edtech", "scaleup", "scale-up", "spinout", "spin-off", "lender",
}  # fmt: skip
_ASIDE = re.compile(r"\s*\([^()]{0,80}\)")
_LEGAL = re.compile(r"^(?:Inc|LLC|Ltd|Limited|Corp|Co|GmbH|PLC|SA|AG|BV|Pvt)\.?$")
_PRONOUNS = {"it", "they", "he", "she", "we", "company", "startup", "one", "this", "that"}


_TITLE_VERB = re.compile(
    r"\s(?:Builds|Expands|Launches|Unveils|Accelerates|Scales|Grows|Advances|Targets|Aims|Moves"
    r"|Brings|Pushes|Drives|Fuels|Powers|Enters|Debuts|Doubles|Charts|Eyes|Plans|Gears|Steps"
    r"|Gains|Opens|Teams|Partners|Looks|Becomes|Continues|Tackles|Takes|Bets|Wants|Hopes"
    r"|Seeks|Sets|Readies|Preps|Prepares|Ramps|Races|Rolls|Reimagines|Transforms|Revolutionizes"
    r"|Modernizes|Simplifies|Helps|Makes|Turns|Goes|Comes|Emerges|Exits|May|Might|Could"
    r"|Names|Appoints|Hires|Promotes|Adds|Taps|Welcomes|Selected|Chosen"
    r"|Will|Would|Can|Should)\s(?=[A-Z])"
    # what a company attains, also at the end of the words before a round's money
    r"|\s(?:Achieves|Attains|Reaches|Hits|Crosses|Earns|Wins|Acquires|Awarded|Granted)"
    r"(?:\s(?=[A-Z$€£₹¥\d])|\s*$)"
)


def _company_before(subject: str, text: str, verb_end: int) -> Subject:
    """The company in the words before the verb."""
    full = subject
    subject = _strip_lead(subject).strip(" ,–—-")
    subject = re.split(r"\s(?:who|which|that|says|said|is|are|was|were)\s", subject, maxsplit=1)[0]
    # "Acme Is Said to Raise": Title Case hedges are not part of the name
    subject = re.split(r"\s(?i:is|are|was|were) (?i:said|reported|set|expected|poised)\b", subject)[
        0
    ]
    # "Harmonic Builds Momentum Towards … with $120M Series C": a Title Case verb ends the name
    subject = _TITLE_VERB.split(subject, maxsplit=1)[0]
    subject = _ADVERBS.sub("", subject.strip(" ,–—-"))
    location = _location(full)
    backed = tuple(
        parse_names(m.group(1)) for m in re.finditer(r"(?i:backed|funded) by ([^,]+)", full)
    )
    investors = tuple(n for group in backed for n in group)
    subject = _ASIDE.sub("", subject)  # "Acme (DBA Beta)", "Actionable Quality Assurance (AQA)"
    parts = [p.strip() for p in re.split(r",\s*", subject) if p.strip()]
    parts = [p for p in parts if not _LEGAL.match(p)]  # "ANM, Inc."
    for i, part in enumerate(parts[1:], 1):
        if re.match(r"(?:a|an|the)\s", part):
            parts = parts[:i]  # "Acme, a City, ST-based maker of ...": the rest describes it
            break
    parts = [
        p for p in parts if not re.match(r"^(?:backed|funded|supported|now backed) by\b", p, re.I)
    ]
    parts = parts[:1] + [p for p in parts[1:] if not re.match(r"^(?:[a-z]|and\b)", p)]
    if not parts:
        return Subject(None, location, verb_end, (), investors)
    last = parts[-1]
    words = last.split()
    if (
        _PEOPLE.match(words[-1].strip("’'"))
        or re.match(r"^(?:founders?|co-founders?|creators?|ceo)$", words[0], re.I)
        or _NAMED_PERSON.search(last)
    ):
        return Subject(_people_company(last, text[verb_end:]), location, verb_end, (), investors)
    lone = len(words) == 1 or (
        len(words) == 2 and re.search(r"-based$|^(?:startup|fintech)$", words[0])
    )
    if len(parts) == 1 and lone and words[-1].lower() not in _PRONOUNS | names.COMMON - {"series"}:
        word = names.clean_name(words[-1])
        if (
            len(words) == 1
            and re.search(r"\w['’]s$", words[0])
            and not place_name(word)
            and names.title_case(text)
        ):
            # "Cappello's Secures Series B": in a Title Case headline a lone possessive subject
            # is a brand; in sentence case it is more often a slip ("Acme’s raises $5M")
            word = words[0].strip('"“”‘')
        if word and word.lower() not in names.DESCRIPTORS:
            return Subject(
                word, location, verb_end, (), investors
            )  # "Series raises", "smallcase raises"
    if (
        len(words) >= 2
        and words[-2].lower() in _HEAD_NOUNS
        and re.match(r"^[a-z][\w.-]*$", words[-1])
        and words[-1].lower() not in names.COMMON | names.DESCRIPTORS | _PRONOUNS
    ):
        return Subject(words[-1], location, verb_end, (), investors)  # "AI startup mika raises"
    titled = names.title_case(text)
    if not re.match(r"^[a-z]", last) and _ends_with_name(last):
        name, loc = trailing_name(last, titled)
        if name:
            return Subject(name, location or loc, verb_end, (), investors)
    for part in parts:
        if re.match(r"^(?:[a-z]|and\b)", part) and part is not parts[0]:
            continue
        name, loc = trailing_name(part, titled)
        if name and _ends_with_name(part):
            return Subject(name, location or loc, verb_end, (), investors)
        if re.search(r"\b(?:startup|company|venture|firm|lab|outfit|project)$", part):
            if _first_owner(part):
                return Subject(None, location, verb_end, (), investors)  # "Bret Taylor's startup"
            continue
        owner = _first_owner(part)
        if owner:
            return Subject(owner, location, verb_end, (), investors)
        name, loc = _first_name(part)
        if name:
            return Subject(name, location or loc, verb_end, (), investors)
    return Subject(None, location, verb_end, (), investors)


# what a founder is, not the company's name: "Female founder secures $64M"
_WHO_FOUNDERS_ARE = frozenset(
    """
    teen serial female male woman women black latina latino immigrant young solo first-time
    student former ex veteran indian african nigerian kenyan british french german chinese
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _people_company(subject: str, after: str) -> str | None:
    """People raised: the company is named after "for" or owns the founders, else unknown."""
    m = re.search(r"\bfor\s+", after[:80])
    if m:
        target = _TARGET_END.split(after[m.end() :], maxsplit=1)[0]
        name, _ = trailing_name(target)
        if name and not _PEOPLE.match(name.split()[-1]):
            return name
        m = _DESCRIBED.search(after[m.end() : m.end() + 80])
        if m:
            return names.clean_name(m.group(1))
    words = subject.split()
    if (
        words[-1]
        .lower()
        .strip("’'")
        .startswith(("founder", "co-founder", "cofounder", "ceo", "team"))
    ):
        owner = _first_owner(subject)
        if owner:
            return owner
        if len(words) >= 2:
            modifier = names.clean_name(words[-2])
            if (
                re.match(r"^[A-Z0-9]", modifier)
                and len(words) == 2
                and not place_name(modifier)
                and modifier.lower() not in names.COMMON | names.DESCRIPTORS | _WHO_FOUNDERS_ARE
            ):
                return modifier
    return None


def _ends_with_name(subject: str) -> bool:
    last = subject.split()[-1] if subject.split() else ""
    if last.lower() in names.LOWER_BRANDS or names.is_brand(last):
        return True
    capital = re.search(r"[A-Z0-9/]", last) or any(c.isupper() for c in last)  # "Ōura"
    return bool(capital) and not re.search(r"(?:'s|’s)$", last)


def _first_owner(text: str) -> str | None:
    """The first possessor that is not a place: "India's Snabbit's valuation" → Snabbit."""
    run: list[str] = []
    for token in text.split():
        owner = re.match(r"^(.+?)(?:'s|’s)$", token.strip('.,;:"“”‘'))
        word = owner.group(1) if owner else token
        if owner:
            if place_name(word) and not run:
                continue
            if re.match(r"^(?:Ex|Former)\b", word):
                return None
            if run or re.match(r"^(?:[A-Z0-9/]|[a-z]+[A-Z])", word):
                name = names.clean_name(" ".join([*run, word]))
                return None if place_name(name) else name
            return None
        if (
            re.match(r"^(?:[A-Z0-9/]|[a-z]+[A-Z])", token)
            and token.lower() not in names.DESCRIPTORS
        ):
            run.append(token)
        else:
            run = []
    return None


def _first_name(text: str) -> tuple[str | None, str | None]:
    """The first company name in `text`: after a descriptor ("startup, Lizcore,") or leading."""
    m = _DESCRIBED.search(text)
    if m:
        described = names.clean_name(m.group(1))
        if described and not place_name(described):
            return described, _location(text[: m.start()])
    name, loc = leading_name(text)
    if name:
        after = text[text.find(name) + len(name) :].split()
        if (after and _PEOPLE.match(after[0].strip(",’'"))) or name.lower() in _PRONOUNS:
            return None, loc  # "Ex-HubSpot exec builds ...", "Columbia student ..."
    return name, loc


def _location(text: str) -> str | None:
    _, loc = trailing_name(text) if text else (None, None)
    return loc or location_in(text, None)


_NAMED_PERSON = re.compile(
    r"\b(?:founder|co-founder|CEO|creator|alum)\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$"
)


def _fallback_possessive(text: str) -> Subject:
    m = re.search(
        r"(?:'s|’s)\s+(?:\S+\s+){0,4}?(?:[$€£₹¥]|Rs|series|seed|valuation|round|raise)", text, re.I
    )
    if m:
        owner = _first_owner(text[: m.end()])
        if owner:
            return Subject(owner, _location(text[: m.start()]), m.end())
    return Subject()


def _fallback(text: str) -> Subject:
    """No verb: a possessive round or valuation ("Lumen Orbit's $11M seed round"), else the
    subject of the clause."""
    body = _strip_lead(text)
    m = re.search(
        r"(?:'s|’s)\s+(?:\S+\s+){0,4}?(?:[$€£₹¥]|Rs|series|seed|valuation|round|raise)", body, re.I
    )
    if m:
        owner = _first_owner(body[: m.end()])
        if owner:
            return Subject(owner, _location(body[: m.start()]), m.end())
    m = re.match(
        r"^([^,$.]{1,60}?)\s+(?:CEO|founder|co-founder|chief \w+|president)"
        r"\s+(?:says|confirms|tells)\b",
        body,
    )
    if m:
        name, loc = trailing_name(m.group(1))
        if name:
            return Subject(name, loc, m.end())
    m = re.search(  # "launches Acme with $5M" (not "Launches Publicly with": an adverb)
        r"\blaunch(?:es|ed)?\s+(?:a |an |new )?((?![A-Z][a-z]+ly\b)(?:[A-Z][\w.&'’-]*\s?)+)"
        r"\s+with\b",
        body,
    )
    if m:
        return Subject(names.clean_name(m.group(1)), _location(body[: m.start()]), m.end())
    # a verb the core reading passed over ("Completes Record $40B Round", "Nears Funding Deal")
    cues = (
        CORE_VERB.search(body),
        RUMOR.search(body),
        VALUATION_EVENT.search(body) or UNICORN.search(body),
    )
    found = [m for m in cues if m and m.start() > 0]
    if found:
        v = min(found, key=lambda m: m.start())
        return _company_before(body[: v.start()], body, v.end())
    verb = _TITLE_VERB.search(body)  # "Harmonic Builds Momentum … with $120M Series C"
    name, loc = _first_name(body[: verb.start()] if verb else body)
    if name and _PEOPLE.match(name.split()[-1]):
        name = None
    return Subject(name, loc, 0)
