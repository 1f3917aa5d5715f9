"""Money as German, French, Spanish, Portuguese, Italian and Dutch headlines write it: "4,5 Mio.
Euro", "92 millions d'euros", "R$ 50 milhões", "US$ 300 mi", "Fünf Millionen Euro", "807 600
euros", "half miljoen"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALES = {
    "mio": 1e6,
    "millionen": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "millones": 1e6,
    "millón": 1e6,
    "milhões": 1e6,
    "milhão": 1e6,
    "milioni": 1e6,
    "milione": 1e6,
    "mrd": 1e9,
    "milliarden": 1e9,
    "milliarde": 1e9,
    "milliards": 1e9,
    "milliard": 1e9,
    "mil millones": 1e9,
    "bilhões": 1e9,
    "bilhão": 1e9,
    "mil milhões": 1e9,
    "miliardi": 1e9,
    "miliardo": 1e9,
    "miljoen": 1e6,  # Dutch
    "miljard": 1e9,
    "mln": 1e6,
    "mld": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "mill": 1e6,  # "750 Mill. Dollar"
    "mi": 1e6,  # "US$ 300 mi", "R$ 2 bi": Brazilian shorthand, only beside a currency sign
    "bi": 1e9,
}
_CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "d'euros": "EUR",
    "d’euros": "EUR",
    "de euros": "EUR",
    "di euro": "EUR",
    "€": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "us-dollar": "USD",
    "de dollars": "USD",
    "dólares": "USD",
    "de dólares": "USD",
    "dólares americanos": "USD",
    "di dollari": "USD",
    "dollari": "USD",
    "us$": "USD",
    "$": "USD",
    "r$": "BRL",
    "reais": "BRL",
    "de reais": "BRL",
    "franken": "CHF",
    "chf": "CHF",
    "£": "GBP",
    "pfund": "GBP",
    "libras": "GBP",
    "pesos": "MXN",
    "de pesos": "MXN",
}
_NUMBER_WORDS = {
    "ein": 1,
    "halbe": 0.5,  # "eine halbe Milliarde"
    "eine": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dix": 10,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "diez": 10,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "três": 3,
    "quatro": 4,
    "dez": 10,
    "half": 0.5,  # Dutch "half miljoen"
    "een": 1,
    "twee": 2,
    "vijf": 5,
    "tien": 10,
}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_AMOUNT = re.compile(
    rf"(?P<pre>{_alt(['US$', 'R$', '€', '$', '£', 'CHF'])})?\s?"
    rf"(?P<num>\d{{1,3}}(?:[.\s]\d{{3}})+(?:,\d+)?|\d+(?:[,.]\d+)?|(?i:{_alt(_NUMBER_WORDS)}))\s?"
    rf"(?P<scale>(?i:{_alt(_SCALES)}))\.?(?![\w])\s?"
    rf"(?P<cur>(?i:{_alt(k for k in _CURRENCY_WORDS if k[0].isalpha() or k == '€')}))?"
)


# "807 600 euros", "500.000 Euro", "€ 750.000": a whole figure with thousands separators and a
# currency, no scale word (small rounds are written this way)
_PLAIN_AMOUNT = re.compile(
    rf"(?P<pre>{_alt(['US$', 'R$', '€', '$', '£', 'CHF'])})?\s?"
    r"(?P<num>\d{1,3}(?:[.\s\u202f\u00a0]\d{3})+)(?![\d,.]\d)\s?"
    rf"(?P<cur>(?i:{_alt(k for k in _CURRENCY_WORDS if k[0].isalpha() or k == '€')}))?(?!\w)"
)


@dataclass(frozen=True)
class EuroMoney:
    amount: float
    currency: str | None
    start: int
    end: int


def find_euro_money(text: str) -> list[EuroMoney]:
    """ "4,5 Mio. Euro", "92 millions d'euros", "R$ 50 milhões", "Fünf Millionen Euro"."""
    out = []
    for m in _AMOUNT.finditer(text):
        raw = m.group("num")
        if raw.lower() in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw.lower()])
        elif re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?", raw):
            value = float(re.sub(r"[.\s]", "", raw).replace(",", "."))  # 3.170 or 1 200,5
        else:
            value = float(raw.replace(",", "."))
        scale = m.group("scale").lower().rstrip(".")
        if scale in ("m", "mn", "bn", "mi", "bi") and not (m.group("pre") or m.group("cur")):
            continue
        currency = _CURRENCY_WORDS.get((m.group("pre") or "").lower()) or _CURRENCY_WORDS.get(
            (m.group("cur") or "").lower()
        )
        out.append(EuroMoney(value * _SCALES[scale], currency, m.start(), m.end()))
    taken = [(m.start, m.end) for m in out]
    for m in _PLAIN_AMOUNT.finditer(text):
        currency = _CURRENCY_WORDS.get((m.group("pre") or "").lower()) or _CURRENCY_WORDS.get(
            (m.group("cur") or "").lower()
        )
        if currency is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = float(re.sub(r"[.\s\u202f\u00a0]", "", m.group("num")))
        out.append(EuroMoney(value, currency, m.start(), m.end()))
    return sorted(out, key=lambda e: e.start)
