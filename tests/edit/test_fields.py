"""bot.edit.fields: what people type into "Fix this deal" is read like extraction reads money,
and every bad field is named with a message fit to show beside it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.edit.fields import EDITABLE, parse_fields, parse_money, shown
from bot.models import Deal


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("$620M", (620e6, "USD")),
        ("€1.2bn", (1.2e9, "EUR")),
        ("Rs 500 crore", (5e9, "INR")),
        (" $620 million. ", (620e6, "USD")),
        ("£75m", (75e6, "GBP")),
    ],
)
def test_amounts_read_with_the_extraction_money_parser(text: str, want: tuple) -> None:
    assert parse_money(text) == want


@pytest.mark.parametrize("text", ["abc", "$", "620", "$620M and $5M", "about $620M maybe", "$0"])
def test_what_is_not_one_amount_is_refused(text: str) -> None:
    assert parse_money(text) is None


def test_each_bad_field_gets_its_own_message_and_good_ones_are_read() -> None:
    parsed = parse_fields(
        {
            "company": "SenseTime",
            "amount": "six hundred-ish",
            "round": "Series Z",
            "valuation": "$4.5B",
            "lead_investors": "Alibaba",
            "investors": "Temasek, Suning; Qualcomm",
            "location": "<!channel>",
        }
    )
    assert set(parsed.errors) == {"amount", "round", "location"}
    assert "$620M" in parsed.errors["amount"]
    assert "Series C" in parsed.errors["round"]
    assert parsed.values == {
        "company": "SenseTime",
        "valuation": (4.5e9, "USD"),
        "lead_investors": ("Alibaba",),
        "investors": ("Temasek", "Suning", "Qualcomm"),
    }


def test_rounds_as_people_write_them_and_clearing_a_field() -> None:
    parsed = parse_fields({"round": "series c", "amount": "undisclosed", "location": ""})
    assert parsed.errors == {}
    assert parsed.values == {"round": "series-c", "amount": (None, None), "location": None}


@pytest.mark.parametrize(
    "form",
    [
        {"company": ""},
        {"company": "x" * 500},
        {"company": "Acme\x00Corp"},
        {"investors": ", ".join(f"Fund {i}" for i in range(40))},
        {"lead_investors": "<@U123>"},
    ],
)
def test_hostile_or_empty_names_are_refused(form: dict) -> None:
    parsed = parse_fields(form)
    assert set(parsed.errors) == set(form) and parsed.values == {}


def test_unknown_form_fields_are_ignored() -> None:
    assert parse_fields({"status": "confirmed", "id": "7"}).values == {}


def test_the_prefill_reads_back_as_the_same_values() -> None:
    # SenseTime's Series C (April 2018): $600M at $4.5B, led by Alibaba
    deal = Deal(
        company="SenseTime",
        company_key="sensetime",
        status="confirmed",
        announced=datetime(2018, 4, 9, tzinfo=timezone.utc),
        amount=600e6,
        currency="USD",
        round="series-c",
        valuation=4.5e9,
        location="China",
        lead_investors=("Alibaba",),
        investors=("Alibaba", "Temasek", "Suning"),
    )
    form = {name: shown(deal, name) for name in EDITABLE}
    assert form["investors"] == "Temasek, Suning"  # the others: leads have their own field
    parsed = parse_fields(form)
    assert parsed.errors == {}
    assert parsed.values["amount"] == (600e6, "USD")
    assert parsed.values["valuation"] == (4.5e9, "USD")
    assert parsed.values["round"] == "series-c"
