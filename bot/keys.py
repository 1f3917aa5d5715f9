"""Company keys: one spelling per company name, for matching stories to deals and for indexes.

Both matching (is this the same company?) and storage (indexed columns) need the same key, so
it lives below both.
"""

from __future__ import annotations

import re
import unicodedata

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
