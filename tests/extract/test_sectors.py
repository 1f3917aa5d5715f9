"""bot.extract.sectors: what a funded company does, read from its story. Our own sentences
about real rounds, and the tagger scored against labels made by reading (tests/data/sectors)."""

from __future__ import annotations

import pytest

from bot.extract.sectors import SECTORS, sectors


@pytest.mark.parametrize(
    ("title", "summary", "first", "also"),
    [
        ("Stripe rival Rapyd raises $300M for its payments network", "", "fintech", ()),
        ("Anysphere, maker of the AI coding tool Cursor, raises $900M", "", "ai", ("enterprise",)),
        ("Isomorphic Labs raises $600M for AI drug discovery", "", "ai", ("biotech",)),
        ("Figure raises $675M to build humanoid robots", "", "robotics", ()),
        ("Wiz raises $1B to grow its cloud security platform", "", "security", ()),
        ("Northvolt raises $1.2B for battery gigafactories", "", "climate", ()),
        ("「宇树科技」完成C轮融资，四足机器人出货量全球第一", "", "robotics", ()),
        ("인공지능 반도체 스타트업 리벨리온, 시리즈 C 투자 유치", "", "ai", ("semiconductors",)),
        (
            "Lendable raises £30M",
            "The London lender offers credit to people without a credit history.",
            "fintech",
            (),
        ),
    ],
)
def test_the_company_s_sector(title: str, summary: str, first: str, also: tuple) -> None:
    found = sectors(title, summary)
    assert found[0] == first and set(also) <= set(found) and len(found) <= 3


@pytest.mark.parametrize(
    "title",
    [
        "Acme raises $20M Series B",
        "Sequoia leads $50M round in stealth startup",
        "Startup X secures funding, led by Accel",
    ],
)
def test_a_story_that_says_nothing_gets_no_sector(title: str) -> None:
    assert sectors(title) == ()


def test_money_words_are_not_a_fintech_company() -> None:
    # a credit facility is how the company raised, not what it does
    assert "fintech" not in sectors("Figure secures $50M credit facility to build humanoid robots")


def test_every_tag_is_a_named_sector() -> None:
    assert len(SECTORS) >= 16 and all(s == s.lower() for s in SECTORS)


def test_against_labels_made_by_reading(shared_dir) -> None:
    """Floors under today's scores (make eval prints them): tune F1 0.75/0.73, held out 0.70."""
    from tools.sector_eval import evaluate

    scores = evaluate()
    assert scores is not None
    assert scores["world tune"].prf()[2] >= 0.70
    assert scores["TechCrunch"].prf()[2] >= 0.70
    assert scores["world held out"].prf()[2] >= 0.65
    assert scores["all"].n == 956
