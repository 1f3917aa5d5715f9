"""Money as Chinese, Japanese and Korean write it: "8.8亿元", "超亿元", "数千万美元",
"38.5億円", "3億5000万円", "6,000万ドル", "1,550억원", "2억 달러", "4.6조원".

A figure with no number ("数亿元", several hundred million yuan) is still money: it tells a
funding headline from a product headline, but it has no amount. "超"/"近"/"约" (over, nearly,
about) keep the figure written, as the labels do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# units, largest first so "千万" wins over "千"
_UNITS = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "億": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "萬": 1e4,
    "조": 1e12,
    "억": 1e8,
    "천만": 1e7,
    "백만": 1e6,
    "만": 1e4,
}
_CURRENCIES = {
    "元人民币": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "美金": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "韩元": "KRW",
    "円": "JPY",
    "米ドル": "USD",
    "ドル": "USD",
    "ユーロ": "EUR",
    "ポンド": "GBP",
    "元（約": "CNY",
    "원": "KRW",
    "달러": "USD",
    "엔": "JPY",
    "위안": "CNY",
    "유로": "EUR",
}
_UNIT_ALONE = {"亿", "億", "千万", "百万", "十亿", "百亿"}  # "超亿元", "千万元"
_DEFAULT = {"zh": "CNY", "ja": "JPY", "ko": "KRW"}  # a bare 亿/億/억 in that language
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGITS.update({"九": 9, "十": 10})


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"\d{1,4}(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十]{1,3}"
_PART = rf"(?:{_NUM})\s?(?:{_alt(_UNITS)})"
_MONEY = re.compile(
    rf"""
    (?P<vague>数|几|多|上|超|过|近|逾|约|約|약|최대|総額|총)?\s?
    (?P<figure>(?:{_PART})(?:\s?(?:{_PART}))*|(?:{_NUM})|(?:{_alt(_UNITS)}))
    (?P<level>级|級|余|多|여|규모\s)?\s?
    (?P<currency>{_alt(_CURRENCIES)})?
    """,
    re.X,
)


@dataclass(frozen=True)
class CjkMoney:
    amount: float | None  # None: money without a figure ("数亿元")
    currency: str | None
    start: int
    end: int


def _number(text: str) -> float:
    if text[0] in _CN_DIGITS:
        if text == "十":
            return 10.0
        tens, _, ones = text.partition("十")
        if "十" in text:
            return float((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + _CN_DIGITS.get(ones, 0))
        return float(_CN_DIGITS[text])
    return float(text.replace(",", ""))


def _figure(text: str) -> float | None:
    """ "3億5000万" → 350,000,000; "亿" alone → 100,000,000; "数亿" → None (caller)."""
    total, rest = 0.0, text.replace(" ", "")
    parts = re.findall(rf"({_NUM})?({_alt(_UNITS)})?", rest)
    for num, unit in parts:
        if not num and not unit:
            continue
        value = _number(num) if num else 1.0
        total += value * (_UNITS[unit] if unit else 1.0)
    return float(round(total)) if total >= 1000 else (total or None)  # 142.2億: no float dust


def find_cjk_money(text: str, language: str) -> list[CjkMoney]:
    """Money mentions in order. A figure counts as money only with a unit (万, 亿, 억…) and a
    currency, or a unit in the language's own money sense ("融资10亿", "165억 시리즈B")."""
    found = []
    for m in _MONEY.finditer(text):
        figure, currency = m.group("figure"), m.group("currency")
        has_unit = any(u in figure for u in _UNITS)
        if not has_unit and not currency:
            continue
        numberless = not re.search(r"\d|[一二两三四五六七八九十]", figure)
        unit_alone = figure in _UNIT_ALONE and (currency or m.group("level"))
        if numberless and not unit_alone and m.group("vague") not in ("数", "几"):
            continue  # a bare syllable (Korean 조, 만) or 万 in a name; "亿元" is fine
        if not has_unit and currency in ("元", "원", "엔") and not re.search(r"\d", figure):
            continue
        if not currency and not _money_context(text, m.start(), m.end(), language):
            continue
        vague = m.group("vague") in ("数", "几")
        amount = None if vague else _figure(figure)
        if amount is not None and not has_unit and amount < 1000:
            continue  # "3元" is a price, not a round
        found.append(
            CjkMoney(
                amount,
                _CURRENCIES.get(currency or "") or _DEFAULT.get(language),
                m.start(),
                m.end(),
            )
        )
    return found


_NEAR_FUNDING = re.compile(
    r"融资|投资|募资|估值|调达|調達|出資|투자|유치|조달|라운드|시리즈|시드|轮|몰렸|확보"
    r"|기업\s?가치"
)


def _money_context(text: str, start: int, end: int, language: str) -> bool:
    """A bare 亿/억 is money next to funding words ("融资10亿", "600억 시리즈A")."""
    return bool(_NEAR_FUNDING.search(text[max(0, start - 8) : end + 12]))
