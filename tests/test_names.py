"""Names in headlines: descriptor stripping, places, investor lists."""

from __future__ import annotations

import pytest

from bot.kinds import read
from bot.names import leads_in, parse_names, trailing_name
from bot.subject import find_subject


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Berlin-based fintech startup Acme", "Acme", "Berlin"),
        ("China's SenseTime", "SenseTime", "China"),
        ("Indian edtech unicorn Eruditus", "Eruditus", "India"),
        ("The Rounds", "The Rounds", None),
        ("AI startup /dev/agents", "/dev/agents", None),
        ("Danish startup Flatpay Inc.", "Flatpay", "Denmark"),
    ],
)
def test_trailing_name(text, name, place):
    assert trailing_name(text) == (name, place)


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("Toma's AI voice agents took off, and attracted funding from a16z", "Toma"),
        ("Iyris makes produce easier to grow in hot climates, raises $16M", "Iyris"),
        ("MARS doubles down on India's Infra.Market with new $50M investment", "Infra.Market"),
        ("Google puts $1M into 3D design app Rooms", "Rooms"),
        ("Google backs Indian open-source Uber rival", None),
        ("Indoor climbing startup, Lizcore, pulls in pre-seed", "Lizcore"),
        ("Uzbekistan's first unicorn, Uzum, leaps to a $1.5B valuation", "Uzum"),
        ("Bill Gates-backed Arnergy raises $18M", "Arnergy"),
        ("Google vet raises $8M for Continua", "Continua"),
        ("ZoomInfo alum raises $15M for startup that builds AI sales engineers", None),
        ("Rivian spinoff Also raises another $200M", "Also"),
    ],
)
def test_company_of_headline(title, company):
    reading = read(title)
    assert reading.kind == "funding"
    assert find_subject(reading).company == company


def test_investor_lists():
    assert parse_names("Sequoia, Accel and Alphabet's GV to build") == ["Sequoia", "Accel", "GV"]
    assert parse_names("General Catalyst and T. Rowe Price") == [
        "General Catalyst",
        "T. Rowe Price",
    ]
    assert leads_in("a round led by Index Ventures with participation from Atomico") == [
        "Index Ventures"
    ]
    assert leads_in("an a16z-led round") == ["a16z"]
    assert leads_in("AI-led experiences") == []
