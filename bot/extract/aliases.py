"""Product and brand names a headline ties to the company: "Cursor maker Anysphere" says that a
later "Cursor developer hauls in $900M" is about Anysphere. Pure functions over text.

Three shapes, each anchored on the extracted company so nothing else in the headline counts:
"<Product> maker|developer|owner|parent|creator|operator <Company>",
"<Company>, (the) maker|developer|creator|owner|operator of <Product>" and
"<Company> (<Product>)". A product is one to three capitalised words, never a generic word.
"""

from __future__ import annotations

import re

from bot.extract.namewords import COMMON, DEAL_WORDS, DESCRIPTORS

ROLES = ("maker", "developer", "owner", "parent", "creator", "operator")
MAX_WORDS = 3

_WORD = r"[A-Z0-9][\w.'’&+!-]*"
_RUN = rf"{_WORD}(?:\s+{_WORD}){{0,{MAX_WORDS + 3}}}"
_PRODUCT = rf"({_WORD}(?:\s+{_WORD}){{0,{MAX_WORDS - 1}}})(?=$|[\s,;:)!?—–-])"
_ROLE = rf"(?i:{'|'.join(ROLES)})"
_ROLE_BEFORE = re.compile(rf"({_RUN})\s+{_ROLE}\s+(?:the\s+)?$")
_ROLE_AFTER = re.compile(rf"^,\s+(?i:the\s+)?{_ROLE}\s+of\s+(?i:the\s+)?{_PRODUCT}")
_BEHIND = re.compile(
    rf"^,\s+(?i:the\s+)?(?i:company|startup|firm)\s+behind\s+(?i:the\s+)?{_PRODUCT}"
)
_PAREN = re.compile(rf"^\s*\({_PRODUCT}\)")
# Parentheses that are not a product: an accelerator batch, a ticker, a place.
_NOT_PRODUCT = re.compile(r"^(?:YC|Y Combinator|NASDAQ|NYSE|LSE|TSX|ASX|NSE|BSE)\b", re.I)
# What a maker makes, capitalised only because it opens the headline ("Smartphone maker
# Nothing", "E-bike maker Cowboy"): a kind of product, not a product's name.
CATEGORIES = set(
    """
    smartphone phone handset laptop pc computer tablet wearable headphone earbud glasses
    camera tv television e-bike ebike bike bicycle scooter e-scooter moped motorcycle car
    vehicle truck bus van robotaxi taxi boat plane aircraft jet air-taxi satellite rocket
    launch robot humanoid drone chip gpu processor sensor lidar battery charger solar-panel
    panel inverter heat-pump pump appliance furniture mattress shoe sneaker apparel clothing
    toy game console device gadget hardware software browser search engine database
    chatbot assistant copilot agent tool coding code design meme stablecoin token wallet
    card credit debit loan mortgage insurance vaccine drug medicine therapy test diagnostic
    supplement snack drink beverage coffee tea beer wine spirits cosmetics skincare
    fragrance pet plant-based meat milk protein fertilizer seed
    """.split()  # noqa: SIM905 - a word list reads better as text
)
GENERIC = (
    DESCRIPTORS
    | COMMON
    | {w.lower() for w in DEAL_WORDS}
    | {"ai", "app", "apps", "startup", "model", "models", "chatbot", "editor", "assistant"}
    | CATEGORIES
)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _mentions(title: str, company: str) -> list[tuple[int, int]]:
    """Where `company` stands as a whole name in `title` (a plain search: compiling a pattern
    per company cost a twentieth of all extraction time)."""
    spans = []
    at = title.find(company)
    while at >= 0:
        end = at + len(company)
        free_before = at == 0 or not (_word_char(title[at - 1]) or title[at - 1] == "-")
        if free_before and (end == len(title) or not _word_char(title[end])):
            spans.append((at, end))
        at = title.find(company, at + 1)
    if not spans and " " in company:  # spaced differently in the title: the slow, rare way
        words = r"\s+".join(map(re.escape, company.split()))
        spans = [m.span() for m in re.finditer(r"(?<![\w-])" + words + r"(?!\w)", title)]
    return spans


def aliases_in(title: str, company: str | None) -> tuple[str, ...]:
    """The product names `title` ties to `company` ("ChatGPT maker OpenAI" → ("ChatGPT",))."""
    if not title or not company:
        return ()
    found: list[str] = []
    for start, end in _mentions(title, company):
        before = _ROLE_BEFORE.search(title[:start])
        if before:
            found.append(_trim(before.group(1)))
        after = title[end:]
        for shape in (_ROLE_AFTER, _BEHIND, _PAREN):
            hit = shape.match(after)
            if hit:
                found.append(_trim(hit.group(1)))
    company_words = company.lower().split()
    out: list[str] = []
    for name in found:
        if not name or _NOT_PRODUCT.match(name) or name.lower().split() == company_words:
            continue
        if name.lower() not in (a.lower() for a in out):
            out.append(name)
    return tuple(out)


def _trim(run: str) -> str:
    """The product at the end of a capitalised run: generic words and deal words dropped from
    the left ("AI Coding Startup Cursor" → "Cursor"), at most three words, none generic."""
    words = [w.strip(".,;:'’\"") for w in run.split()]
    words = [w for w in words if w]
    # the product is the last words of the run: drop everything up to the last generic word
    for i in range(len(words) - 1, -1, -1):
        if _generic(words[i]):
            words = words[i + 1 :]
            break
    if not words or len(words) > MAX_WORDS:
        return ""
    if words[-1].lower().endswith(("'s", "’s")):
        return ""
    return " ".join(words)


def _generic(word: str) -> bool:
    return word.lower() in GENERIC or word.lower().rstrip("s") in GENERIC
