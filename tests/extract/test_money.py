"""find_money(): symbols, codes, scale words, Indian units, and numbers that are not money."""

from __future__ import annotations

import pytest

from bot.extract.money import find_money

CASES = [
    ("$600M", 600e6, "USD"),
    ("$600 million", 600e6, "USD"),
    ("US$200M", 200e6, "USD"),
    ("€1.2bn", 1.2e9, "EUR"),
    ("£5m", 5e6, "GBP"),
    ("$2.5B", 2.5e9, "USD"),
    ("Rs 100 crore", 1e9, "INR"),
    ("₹50 Cr", 5e8, "INR"),
    ("Rs 5 lakh", 5e5, "INR"),
    ("¥6.5 billion", 6.5e9, "JPY"),
    ("RMB 1 billion", 1e9, "CNY"),
    ("CHF 600 million", 600e6, "CHF"),
    ("C$30M", 30e6, "CAD"),
    ("A$12m", 12e6, "AUD"),
    ("S$28.35M", 28.35e6, "SGD"),
    ("600 million dollars", 600e6, "USD"),
    ("$50 Mn", 50e6, "USD"),
    ("$1,500,000", 1.5e6, "USD"),
    ("4.7M Swiss Francs", 4.7e6, "CHF"),
    ("50 million Canadian dollars", 50e6, "CAD"),
    ("20 million pounds sterling", 20e6, "GBP"),
    ("300 million Swedish kronor", 300e6, "SEK"),
    ("$15+ Million", 15e6, "USD"),  # "at least": the number written
]


@pytest.mark.parametrize(("text", "amount", "currency"), CASES)
def test_money(text, amount, currency):
    found = find_money(f"Acme raises {text} in new funding")
    assert found, text
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


def test_bare_numbers_only_when_asked():
    assert find_money("raises 600 million") == []
    assert find_money("raises 600 million", bare=True)[0].amount == 600e6


@pytest.mark.parametrize(
    "text", ["$1.2.3", "$999999999999999 trillion", "rm -rf 5", "", "$" * 1000]
)
def test_not_money(text):
    for m in find_money(text):
        assert 0 < m.amount <= 5e12


def test_positions_in_order():
    found = find_money("raised $5M at a $50M valuation")
    assert [m.amount for m in found] == [5e6, 50e6]
    assert found[0].start < found[1].start


def test_naira_and_shillings_as_african_outlets_write_them() -> None:
    from bot.extract.money import find_money

    (naira,) = find_money("Moove secures N43.5 billion funding")  # 2023
    assert (naira.amount, naira.currency) == (43.5e9, "NGN")
    shillings = find_money("M-Kopa attracts funds of Sh1 billion ($10 million)")
    assert [(m.amount, m.currency) for m in shillings] == [(1e9, "KES"), (1e7, "USD")]
    assert find_money("N26 hits 7 million customers") == []
    assert find_money("N 26 million users") == []
