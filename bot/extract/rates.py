"""Reference exchange rates for the USD equivalents shown beside foreign amounts.

Approximate mid-market rates, US dollars per unit, read by hand from public reference rates
(ECB euro foreign exchange reference rates and central-bank fixings) on RATES_DATE. They are
kept in the repository on purpose: a deal's USD figure must not change from one day to the
next, and the date is shown wherever the USD figure is.
"""

from __future__ import annotations

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
