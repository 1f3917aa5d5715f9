"""bot.extract.rates: USD equivalents at the reference rates."""

from __future__ import annotations

from bot.extract.rates import to_usd


def test_usd_is_itself() -> None:
    assert to_usd(600e6, "USD") == 600e6


def test_other_currencies_convert_and_unknowns_stay_unknown() -> None:
    assert 1.0e6 < (to_usd(1e6, "EUR") or 0) < 1.3e6
    assert to_usd(1e6, "XYZ") is None
    assert to_usd(None, "USD") is None and to_usd(5.0, None) is None


def test_amounts_convert_at_the_deals_own_date() -> None:
    from datetime import date

    from bot.extract.rates import usd_at

    june_2024, usd_basis = usd_at(600e6, "EUR", date(2024, 6, 11))  # Mistral AI's €600M
    assert 640e6 < (june_2024 or 0) < 650e6
    assert usd_basis == "ECB reference rate for 2024-06-11"
    autumn_2022, _ = usd_at(600e6, "EUR", date(2022, 10, 12))  # the euro below the dollar then
    assert (autumn_2022 or 0) < 600e6 < (june_2024 or 0)
    assert usd_at(100e6, "USD", date(2024, 6, 11)) == (100e6, None)
    naira, basis = usd_at(5e9, "NGN", date(2024, 6, 11))  # the ECB does not publish the naira
    assert naira and basis and basis.startswith("dealbot's table of")
    assert usd_at(None, "EUR", date(2024, 6, 11)) == (None, None)
