"""Find money in text: "$600M", "€1.2bn", "Rs 100 crore", "600 million dollars", "RMB 1 billion"."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Symbols and codes written before the number. Longer spellings first so "US$" wins over "$".
# fmt: off
_PREFIX = {
    "us$": "USD", "usd": "USD", "u.s.$": "USD", "$": "USD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "s$": "SGD", "sgd": "SGD",
    "hk$": "HKD", "hkd": "HKD",
    "nz$": "NZD", "nzd": "NZD",
    "r$": "BRL", "brl": "BRL",
    "mx$": "MXN", "mxn": "MXN",
    "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP",
    "₹": "INR", "rs.": "INR", "rs": "INR", "inr": "INR",
    "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY",
    "chf": "CHF", "₩": "KRW", "krw": "KRW", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
    "₦": "NGN", "ngn": "NGN", "n": "NGN", "kes": "KES", "ksh": "KES", "sh": "KES",
    "zar": "ZAR", "aed": "AED",
    "sar": "SAR", "egp": "EGP", "idr": "IDR", "rp": "IDR", "php": "PHP", "₱": "PHP",
    "vnd": "VND", "thb": "THB", "myr": "MYR", "rm": "MYR", "pln": "PLN", "ils": "ILS",
    "₪": "ILS", "try": "TRY", "₺": "TRY",
}
# Words written after the number ("600 million dollars", "50 crore rupees").
_SUFFIX = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "gbp": "GBP", "rupees": "INR", "inr": "INR",
    "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "yen": "JPY", "won": "KRW",
    "francs": "CHF", "chf": "CHF", "naira": "NGN", "reais": "BRL", "pesos": "MXN",
    # a currency named with its country: "4.7M Swiss francs", "C$5 million Canadian dollars"
    "swiss francs": "CHF", "canadian dollars": "CAD", "australian dollars": "AUD",
    "singapore dollars": "SGD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "us dollars": "USD", "u.s. dollars": "USD", "british pounds": "GBP",
    "pounds sterling": "GBP", "japanese yen": "JPY", "chinese yuan": "CNY",
    "indian rupees": "INR", "brazilian reais": "BRL", "mexican pesos": "MXN",
    "swedish kronor": "SEK", "kronor": "SEK", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "south african rand": "ZAR", "rand": "ZAR",
    "nigerian naira": "NGN", "kenyan shillings": "KES", "shekels": "ILS", "dirhams": "AED",
    "riyals": "SAR", "zloty": "PLN", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
}
_SCALE = {
    "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "bil": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
}
# fmt: on
MAX_AMOUNT = 5e12  # nobody raises more than this: a bigger number is a parsing accident


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,4}(?:[,\u202f ]\d{3}){0,4}(?:\.\d{1,3})?(?![\d.,]\d)"
_SCALE_RE = _alternation(_SCALE)
_SYMBOL_RE = _alternation(k for k in _PREFIX if not k[0].isalpha())
_CODE_RE = _alternation(k for k in _PREFIX if k[0].isalpha())
_SUFFIX_RE = _alternation(_SUFFIX)

_MONEY = re.compile(
    rf"""
    (?:(?P<pre>(?<![A-Za-z])(?:{_CODE_RE})|{_SYMBOL_RE})\.?\s{{0,2}})  # US$ / $ / € / Rs / RMB
    (?P<num>{_NUMBER})\+?\s{{0,2}}  # "$15+ Million": at least that
    (?:(?P<scale>{_SCALE_RE})(?![A-Za-z]))?\+?
    (?:\s(?P<suf1>{_SUFFIX_RE})(?![A-Za-z]))?
    |
    (?<![\w$€£₹¥.])(?P<num2>{_NUMBER})\s{{0,2}}
    (?P<scale2>{_SCALE_RE})(?![A-Za-z])\+?\s{{0,2}}
    (?:(?P<suf2>{_SUFFIX_RE})(?![A-Za-z]))
    """,
    re.I | re.X,
)
# Without any currency sign: "raises 600 million" - only trusted next to a funding verb.
_BARE = re.compile(
    rf"(?<![\w$€£₹¥.])(?P<num>{_NUMBER})\s{{0,2}}(?P<scale>million|billion|mn|bn|crore|cr)(?![A-Za-z])",
    re.I,
)


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str | None
    start: int
    end: int


def _spaced(word: str) -> str:
    return " ".join(word.lower().split())


def _value(num: str, scale: str | None) -> float | None:
    try:
        value = float(re.sub(r"[,\u202f ]", "", num))
    except ValueError:
        return None
    if scale:
        value *= _SCALE[scale.lower()]
    if value <= 0 or value > MAX_AMOUNT:
        return None
    return value


def find_money(text: str, *, bare: bool = False) -> list[Money]:
    """Every money mention in order. `bare` also accepts "600 million" with no currency."""
    found: list[Money] = []
    for m in _MONEY.finditer(text):
        if m.group("num") is not None:
            pre = m.group("pre").lower()
            currency = _PREFIX.get(pre) or _PREFIX.get(pre.rstrip("."))
            if m.group("suf1"):
                currency = _SUFFIX[_spaced(m.group("suf1"))] if pre in ("$",) else currency
            scale = m.group("scale")
            # "Rs 100 cr", "$5 M": a lone "m"/"b"/"k" must touch the number or end a word.
            value = _value(m.group("num"), scale)
            if pre in ("rs", "rm", "rp", "sar", "try", "php", "n", "sh") and not scale:
                continue  # too ambiguous without a scale word ("RM 5" vs "rm -rf")
            if pre == "n" and (m.group("pre") != "N" or m.start("num") != m.end("pre")):
                continue  # the naira only as Nigerian outlets write it: "N43.5 billion"
        else:
            currency = _SUFFIX[_spaced(m.group("suf2"))]
            value = _value(m.group("num2"), m.group("scale2"))
        if value is not None:
            found.append(Money(value, currency, m.start(), m.end()))
    if bare:
        taken = [(f.start, f.end) for f in found]
        for m in _BARE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            value = _value(m.group("num"), m.group("scale"))
            if value is not None:
                unit = m.group("scale").lower()
                currency = "INR" if unit in ("crore", "cr") else None
                found.append(Money(value, currency, m.start(), m.end()))
        found.sort(key=lambda f: f.start)
    return found
