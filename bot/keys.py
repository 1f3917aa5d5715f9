"""Company and investor keys: one spelling per name, for matching stories to deals, folding
one investor's names, and for indexes.

Both matching (is this the same company?) and storage (indexed columns) need the same key, so
it lives below both.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

_SUFFIX = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|gmbh|sas|sa|ag|corp|co|plc|bv|pvt|ai|labs?"
    r"|technologies|technology|tech|hq|app|group|holdings)\b\.?$"
)
_ALIAS = re.compile(r"^(.*?)\s*\((.+?)\)\s*$")


def company_keys(name: str) -> list[str]:
    """Normalised keys for a company name; "Anysphere (Cursor)" gives one key for each name."""
    m = _ALIAS.match(name or "")
    names = [m.group(1), m.group(2)] if m else [name or ""]
    keys = [company_key(n) for n in names]
    return [k for k in dict.fromkeys(keys) if k]


def company_key(name: str) -> str:
    """Case, accents, punctuation, possessives and legal/"AI" suffixes do not matter."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s]+", " ", text).strip()
    for _ in range(3):
        stripped = _SUFFIX.sub("", text).strip()
        if not stripped or stripped == text:
            break
        text = stripped
    return re.sub(r"[\s_]+", "", text)


def key_prefix(key: str) -> str:
    """The indexed bucket for fuzzy candidates: the first three characters of the key."""
    return key[:3]


def name_words(name: str) -> list[str]:
    """A name's words, normalised like company_key but kept apart."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [company_key(w) for w in re.findall(r"[\w'’.&-]+", text) if company_key(w)]


# --- investors ------------------------------------------------------------------------------

# generic tails an investor's name can carry or drop: "Lightspeed" is "Lightspeed Venture
# Partners", "Tencent" is "Tencent Holdings", "Durable Capital" is "Durable Capital Partners"
_INVESTOR_TAIL = re.compile(
    r"\b(?:venture partners|ventures?|venture capital|capital partners|capital management|capital"
    r"|partners|management|holdings?|group|vc|investments?|asset management|advisors|advisers"
    r"|global management)\b\.?$"
)
_NATIONALITY = re.compile(
    r"^(?:french|german|british|american|chinese|japanese|korean|indian|swiss|dutch|swedish"
    r"|spanish|italian|canadian|israeli|singaporean|brazilian|saudi|emirati|us|uk)\s+(?=\S)"
)


@functools.lru_cache(maxsize=4096)
def investor_key(name: str) -> str:
    """One key for one investor's names: the list we keep of well-known aliases first
    (bot/data/investors.toml: "a16z" is Andreessen Horowitz), then general rules (legal and
    generic tails, a leading nationality)."""
    known = _known_investors().get(company_key(name))
    if known:
        return known
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = re.sub(r"[^\w\s&.'’-]+", " ", text)
    bare = _NATIONALITY.sub("", text)
    if len(company_key(bare)) >= 4:  # "French BNP Paribas" is BNP Paribas; "Swiss Re" stays
        text = bare
    for _ in range(3):
        stripped = _INVESTOR_TAIL.sub("", text).strip()
        if not stripped or stripped == text:
            break
        text = stripped
    return company_key(text) or company_key(name)


@functools.lru_cache(maxsize=1)
def _known_investors() -> dict[str, str]:
    """company_key(any name) → the canonical investor key, from bot/data/investors.toml."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    data = tomllib.loads((Path(__file__).parent / "data" / "investors.toml").read_text("utf-8"))
    out: dict[str, str] = {}
    for entry in data.get("investor", []):
        canonical = "known:" + company_key(entry["name"])
        for alias in [entry["name"], *entry.get("aliases", [])]:
            out[company_key(alias)] = canonical
    return out


@functools.lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """canonical key → the name cards show, for investors in the list we keep."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    data = tomllib.loads((Path(__file__).parent / "data" / "investors.toml").read_text("utf-8"))
    return {"known:" + company_key(e["name"]): e["name"] for e in data.get("investor", [])}


def _fullness(name: str) -> tuple[bool, int]:
    """A name without a nationality in front, then the longer: "BNP Paribas" over "French BNP
    Paribas", "Lightspeed Venture Partners" over "Lightspeed"."""
    return (not _NATIONALITY.match(name.lower()), len(name))


def fold_investors(names: Iterable[str]) -> tuple[str, ...]:
    """Each investor once, in first-seen order, under its fullest name: the list's name for a
    known investor, else the longest name seen ("Lightspeed" and "Lightspeed Venture Partners"
    → "Lightspeed Venture Partners")."""
    chosen: dict[str, str] = {}
    for name in names:
        key = investor_key(name)
        if not key:
            continue
        shown = _display_names().get(key)
        if shown:
            chosen[key] = shown
        elif key not in chosen or _fullness(name) > _fullness(chosen[key]):
            chosen[key] = name
    return tuple(chosen.values())


def fold_leads_and_investors(
    leads: Iterable[str], investors: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Leads and investors folded alike, so a lead reads the same in both lists ("Durable
    Capital" led; "Durable Capital Partners" is the name shown in both)."""
    leads = list(leads)
    everyone = fold_investors([*leads, *investors])
    shown = {investor_key(name): name for name in everyone}
    folded_leads = tuple(dict.fromkeys(shown.get(investor_key(n), n) for n in leads if n))
    return folded_leads, everyone
