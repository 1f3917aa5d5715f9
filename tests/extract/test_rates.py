"""bot.extract.rates: USD equivalents at the reference rates."""

from __future__ import annotations

from bot.extract.rates import to_usd


def test_usd_is_itself() -> None:
    assert to_usd(600e6, "USD") == 600e6


def test_other_currencies_convert_and_unknowns_stay_unknown() -> None:
    assert 1.0e6 < (to_usd(1e6, "EUR") or 0) < 1.3e6
    assert to_usd(1e6, "XYZ") is None
    assert to_usd(None, "USD") is None and to_usd(5.0, None) is None
