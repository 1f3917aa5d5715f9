"""Investors named in the sentences of a story's body (or a headline of whole sentences).

Body sentences name investors in a few set ways. Lists *after* a cue: "led by X and Y",
"with participation from X", "joined by X", "backers include X". Lists *before* a cue, as the
sentence's subject: "X and Y co-led the round", "X led, and was joined by Y", "X and Y also
participated", "X were among the backers", "..., with X and Y also investing".
"""

from __future__ import annotations

import re

from bot.extract.names import (
    _INITIALS,
    COMMON,
    _bare,
    _is_name_token,
    leads_in,
    list_text,
    parse_names,
    unique,
)

_AFTER_CUE = re.compile(
    r"\b(?:with participation from|participation from|joined by|(?:backers|investors|participants)"
    r" (?:include|included|including)|which included|(?:funds|firms|investors|backers) including"
    r"|(?:existing|new|other|return|returning) (?:investors?|backers?)(?: such as| including)?"
    r"|(?-i:insiders?)|(?:investors|backers) (?:like|such as)"
    r"|along with(?: (?:new|existing|other) (?:investors?|backers?))?|alongside"
    r"|(?:took|takes|raised|received) (?:money|capital|funding|investment) from|came from)\s+",
    re.I,
)
_LEAD_VERB = (
    r"(?:co-led|led|co-leads|leads|co-lead|lead|headed|co-headed|(?:is|are|was|were) leading)"
)
_FUNDING_THING = (
    r"(?i:round|financing|investment|raise|funding|series [a-h]\w*|seed|facility|deal|tranche"
    r"|extension|equity round|debt|loan|note|offering|capital raise)"
)
_LEAD_AFTER = re.compile(
    rf"^\s+(?:which\s+|who\s+)?(?:also\s+|jointly\s+)?"
    rf"(?:{_LEAD_VERB}(?:\s*(?:[,.;]|$|and\b|with\b)"
    rf"|\s+(?:the|this|its|their|a|an)\s+(?:[\w'’$€£.-]+\s+){{0,5}}?{_FUNDING_THING}\b)"
    r"|(?:acted|served|signed on|came in) as (?:the )?(?:lead|anchor) (?:investor|backer)"
    r"|(?:was|is|were|are) the (?:lead|anchor) (?:investors?|backers?))"
)
_JOIN_AFTER = re.compile(
    r"^\s+(?:also\s+|all\s+|each\s+|both\s+|too\s+)?(?:participated|participating|participates?"
    r"|took part|taking part|takes? part|(?:joined|joins?)(?! the (?:board|company|team))|joining"
    r"|comes? on board|signed up|entered (?:the|this) (?:[\w-]+ )?round|invested"
    r"|investing|invest\b|backed|came on board|coming on board|chipped in|contributed"
    r"|made follow-on|put (?:in )?money|(?:were|are|was|is) (?:also )?among"
    r"|among the (?:other )?(?:investors|backers|participants))"
)
# Where a cue may start: a cheap first pass so the full cue patterns run at few positions.
_CUE_START = re.compile(
    r"(?<=\S)\s+(?=(?:which |who |also |jointly |all |each |both |too )?(?:co-|le[ad]|head"
    r"|is |are |was |were |acted|served|signed|came|particip|took|tak|join|com|enter|invest"
    r"|backed|chipped|contribut|made|put|among))"
)
_LIST_WORDS = set(
    """
    and & of de la van von der du da existing new investor investors backer backers the fellow
    returning
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_DATES = set(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that open a sentence, not a name ("In", "Meanwhile"); dates only before a comma.
_NOT_LIST_START = COMMON - _DATES - {"new", "general", "first", "national", "global", "united"}
# An aside between a subject and its verb: "X, the firm co-founded by Y, led the round".
_ASIDE = re.compile(
    r",\s+(?:(?:(?:which|who|whose)(?! (?:co-)?led (?:this|the) (?:[\w-]+ ){0,3}?round)"
    r"|part of|one of|(?:co-)?founded|based|backed|now)\b"
    r"|(?:[Tt]he|[Aa]n?|its) (?=[a-z$€£\d]))[^,;]{0,100},"
)
_PAST = re.compile(
    r"\b(?:last year|previous(?:ly)?|prior round|earlier round|a year ago|in 20\d\d)\b", re.I
)
_EARLIER_BACKERS = re.compile(
    r"(?:existing|previous|prior|earlier) (?:investors|backers) include\b", re.I
)
_CURRENT = re.compile(r"\b(?:this|the|current|latest|new) (?:\w+ )?(?:round|financing)\b", re.I)


def _list_before(text: str) -> list[str]:
    """The list of names that ends `text` ("..., with Nvidia and existing investor Microsoft")."""
    tokens = text.split()
    start = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        raw = tokens[i]
        if i < len(tokens) - 1 and raw.endswith((".", ";", ":")) and not _INITIALS.match(raw):
            break  # the previous sentence or clause ended here
        if _bare(raw).lower() in _LIST_WORDS or _is_name_token(raw, False, False):
            start = i
            continue
        # "Singapore's sovereign fund Temasek": skip a description owned by a place or firm
        owner = next(
            (j for j in range(i - 1, max(-1, i - 5), -1) if _OWNER_TOKEN.match(tokens[j])), None
        )
        if owner is not None and all(t[:1].islower() for t in tokens[owner + 1 : i + 1]):
            start = owner
            continue
        break
    run = tokens[start:]
    while run and (
        _bare(run[0]).lower() in _NOT_LIST_START | _LIST_WORDS - {"&"}
        or (run[0].endswith(",") and _bare(run[0]).lower() in _DATES)
    ):
        run = run[1:]
    return parse_names(list_text(" ".join(run)))


_OWNER_TOKEN = re.compile(r"^[A-Z][\w.-]*['’]s$")


def investors_in_body(sentences: list[str], company: str | None) -> tuple[list[str], list[str]]:
    """Leads and investors named in the sentences about this round (see the cues above)."""
    leads: list[str] = []
    investors: list[str] = []
    for s in sentences:
        if _PAST.search(s) and not _CURRENT.search(s):
            continue
        plain = _ASIDE.sub(",", s)  # for subject lists only: a list after a cue may hold asides
        explicit = leads_in(s)
        if explicit and re.search(
            r"\b(?:round|funding|investment|financing|series|seed|raise|facility)", s, re.I
        ):
            leads += explicit
            investors += explicit
        for m in _AFTER_CUE.finditer(s):
            if _EARLIER_BACKERS.match(s[m.start() :]) and not _CURRENT.search(s):
                continue  # "Existing backers include X": who backed it before, not this round
            investors += parse_names(list_text(s[m.end() :]))
        for m in _CUE_START.finditer(plain):
            after = plain[m.start() : m.start() + 80]
            lead = _LEAD_AFTER.match(after)
            if not lead and not _JOIN_AFTER.match(after):
                continue
            found = [n for n in _list_before(plain[: m.start()]) if not _same_company(n, company)]
            if lead:
                leads += found
            investors += found
    return unique(leads), unique(investors)


def _same_company(name: str, company: str | None) -> bool:
    return bool(company) and name.lower().split()[0] == (company or "").lower().split()[0]
