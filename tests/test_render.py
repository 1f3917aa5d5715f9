from datetime import datetime, timezone

from bot.models import Deal
from bot.render import console_card, headline, money


def test_money():
    assert money(600_000_000, "USD") == "$600M"
    assert money(1_200_000_000, "EUR") == "€1.2B"
    assert money(1_000_000_000, "INR") == "₹100 crore"
    assert money(None, None) == "undisclosed"


def test_card_and_headline():
    deal = Deal(
        "SenseTime",
        "sensetime",
        "confirmed",
        datetime(2018, 4, 9, tzinfo=timezone.utc),
        amount=6e8,
        currency="USD",
        amount_usd=6e8,
        round="series-c",
        valuation=4.5e9,
        valuation_currency="USD",
        lead_investors=("Alibaba",),
        investors=("Alibaba", "Temasek"),
    )
    assert headline(deal) == "SenseTime raises $600M Series C"
    card = console_card(deal)
    assert "Valuation: $4.5B" in card and "Lead:      Alibaba" in card


def test_rumour_marked():
    deal = Deal(
        "Acme",
        "acme",
        "rumor",
        datetime(2025, 1, 1, tzinfo=timezone.utc),
        amount=2e9,
        currency="USD",
    )
    assert "RUMOUR" in console_card(deal) and "reportedly" in headline(deal)
