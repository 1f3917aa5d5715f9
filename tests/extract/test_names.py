"""Names in headlines: descriptor stripping, places, investor lists."""

from __future__ import annotations

import pytest

from bot.extract.investors import investors_in_body
from bot.extract.kinds import read
from bot.extract.names import investor_name, leads_in, parse_names, trailing_name, unique
from bot.extract.subject import find_subject


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Berlin-based fintech startup Acme", "Acme", "Berlin"),
        ("China's SenseTime", "SenseTime", "China"),
        ("Indian edtech unicorn Eruditus", "Eruditus", "India"),
        ("The Rounds", "The Rounds", None),
        ("AI startup /dev/agents", "/dev/agents", None),
        ("Danish startup Flatpay Inc.", "Flatpay", "Denmark"),
        ("The Browser Company", "The Browser Company", None),
        ("Next Insurance", "Next Insurance", None),
        ("10% Happier", "10% Happier", None),
        ("Fashion Cloud", "Fashion Cloud", None),
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
        ("Whoop Pulls $100M in Series F Funding", "Whoop"),
        ("Glean Unearths $200M Series E", "Glean"),
        ("Pinecone Sips $10M in Seed Funding", "Pinecone"),
        (
            "OncoSynergy, a South San Francisco, CA-based spinout from UCSF, closed a Series A",
            "OncoSynergy",
        ),
        ("ANM, Inc. (DBA Halo Labs), a cannabis oil processor, received an investment", "ANM"),
        ("Berlin-based mika raises €6M", "mika"),
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
    assert leads_in("$540 Million in Silver Lake-Led Round") == ["Silver Lake"]  # Title Case


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("T. Rowe Price and Franklin Templeton", ["T. Rowe Price", "Franklin Templeton"]),
        ("J.P. Morgan and Craft Ventures", ["J.P. Morgan", "Craft Ventures"]),
        ("Teachers' Venture Growth, valued at $2.6B", ["Teachers' Venture Growth"]),
        # names that hold a deal word or a joining word, and a legal form after a comma
        ("QED Investors and Ribbit Capital", ["QED Investors", "Ribbit Capital"]),
        ("Generation Investment Management and KKR", ["Generation Investment Management", "KKR"]),
        ("Plug and Play Ventures, Y Combinator", ["Plug and Play Ventures", "Y Combinator"]),
        ("Force over Mass and VR Ventures", ["Force over Mass", "VR Ventures"]),
        ("Archytas Ventures, LLC.", ["Archytas Ventures"]),
        ("firms like Tiger Global and Coatue", ["Tiger Global", "Coatue"]),
        ("D11Z, Deel, Scale N...", ["D11Z", "Deel"]),  # a summary cut mid-name
    ],
)
def test_parse_names_keeps_initials_and_plural_owners(text, names):
    assert parse_names(text) == names


@pytest.mark.parametrize(
    ("sentence", "leads", "investors"),
    [
        ("Oak HC/FT and Andreessen Horowitz co-led.", ["Oak HC/FT", "Andreessen Horowitz"], None),
        ("Meituan, which led its Series B in July, invested again.", [], ["Meituan"]),
        ("Microsoft, the OpenAI Startup Fund and Nvidia are among the backers.", [], None),
        ("Tencent and Square come on board.", [], ["Tencent", "Square"]),
        ("Sequoia joined the board in 2021.", [], []),
        (
            "Verdane led, and was joined by insider Heartland.",
            ["Verdane"],
            ["Verdane", "Heartland"],
        ),
        (
            "Index and Meritech co-led, and were joined by return backers Accel and Northzone.",
            ["Index", "Meritech"],
            ["Index", "Meritech", "Accel", "Northzone"],
        ),
        ("Existing backers include Visa and Goldman Sachs.", [], []),
    ],
)
def test_investors_in_body(sentence, leads, investors):
    got_leads, got_investors = investors_in_body([sentence], "Acme")
    assert got_leads == leads
    if investors is not None:
        assert sorted(got_investors) == sorted(investors)  # order is not a fact
    assert set(got_leads) <= set(got_investors)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("WestBridge, Enters Unicorn Club", "WestBridge"),  # Rapido's Series E headline
        ("Enters Unicorn Club", None),
        ("Google CEO Eric Schmidt", "Eric Schmidt"),
        ("D", None),  # "Series D" split at the wrong place
        ("23", None),
        ("TCV", "TCV"),
        ("Swiss Re", "Swiss Re"),
    ],
)
def test_investor_names_hold_investors_only(raw: str, name: str | None) -> None:
    assert investor_name(raw) == name


def test_an_adjective_kept_before_a_name_already_listed_is_dropped() -> None:
    # Mistral AI's June 2024 round: BNP Paribas among the backers
    assert unique(["BNP Paribas", "Bpifrance", "French BNP Paribas"]) == [
        "BNP Paribas",
        "Bpifrance",
    ]
    assert unique(["French Tech Souveraineté"]) == ["French Tech Souveraineté"]


def test_a_venture_arm_is_named_by_its_owner() -> None:
    # our phrase about NVentures, Nvidia's venture arm, in Quantinuum's 2025 round
    assert parse_names("Nvidia’s Venture Arm") == ["Nvidia"]
    assert parse_names("Alphabet's GV") == ["GV"]


def test_what_a_list_of_backers_gave_is_no_part_of_the_last_name() -> None:
    # our sentence: Whoop's $1.2B valuation (2020) with IVP, SoftBank and Eli Manning
    assert parse_names("IVP, SoftBank, Eli Manning Backing") == ["IVP", "SoftBank", "Eli Manning"]
