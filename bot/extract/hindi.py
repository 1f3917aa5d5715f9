"""Funding news in Hindi: found where a funding verb and money are plain ("ज़ेप्टो ने 66.5
करोड़ डॉलर जुटाए"), nothing guessed otherwise, so Hindi news never raises a false card."""

from __future__ import annotations

import re

from bot.extract.rates import to_usd
from bot.models import Extraction

_VERB = re.compile(r"जुटाए|जुटाई|जुटाया|जुटाने|फंडिंग\s+(?:मिली|हासिल)|निवेश\s+(?:मिला|हासिल)")
_RUMOR = re.compile(r"जुटाने\s+की\s+(?:तैयारी|योजना)|बातचीत|जुटाएगी|जुटाएगा")
_SCALE = {"करोड़": 1e7, "लाख": 1e5, "अरब": 1e9, "मिलियन": 1e6, "बिलियन": 1e9}
_MONEY = re.compile(
    r"(?P<pre>\$|₹|रु\.?)?\s?(?P<num>\d+(?:[.,]\d+)?)\s?(?P<scale>करोड़|लाख|अरब|मिलियन|बिलियन)"
    r"\s?(?P<cur>डॉलर|रुपये|रुपए)?"
)


# words that describe the company before its name: "फिनटेक स्टार्टअप जार" is Jar
_DESCRIPTION = re.compile(
    r"^(?:(?:भारतीय|बेंगलुरु|मुंबई|दिल्ली|गुरुग्राम|फिनटेक|एडटेक|हेल्थटेक|एग्रीटेक|ई-कॉमर्स|एआई|AI)"
    r"\s+)*(?:स्टार्टअप|कंपनी|प्लेटफॉर्म|फर्म)\s+"
)


def extract_hindi(title: str, summary: str) -> Extraction:
    verb = _VERB.search(title)
    money = _MONEY.search(title)
    if not (verb and money):
        return Extraction(kind="other", language="hi", rules=(("kind", "hindi no plain raise"),))
    amount = float(money.group("num").replace(",", "")) * _SCALE[money.group("scale")]
    dollars = money.group("pre") == "$" or money.group("cur") == "डॉलर"
    currency = "USD" if dollars else "INR"
    subject = re.match(r"^(.{1,40}?)\s+ने\s", title)
    company = _DESCRIPTION.sub("", subject.group(1)).strip() if subject else None
    kind = "rumor" if _RUMOR.search(title) else "funding"
    return Extraction(
        kind=kind,
        company=company or None,
        amount=amount,
        currency=currency,
        amount_usd=to_usd(amount, currency),
        language="hi",
        rules=(("kind", "hindi raise with money"), ("company", "hindi subject before ने")),
    )
