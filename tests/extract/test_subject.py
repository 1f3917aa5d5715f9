"""bot.extract.subject: who raised, found from where the funding verb sits, also when the
investor is the grammatical subject."""

from __future__ import annotations

import pytest

from bot.extract.engine import extract
from bot.extract.kinds import read
from bot.extract.subject import find_subject


def subject(title: str):  # type: ignore[no-untyped-def]
    return find_subject(read(title))


def test_the_company_before_the_verb() -> None:
    assert subject("Mistral AI raises €600M Series B led by General Catalyst").company == (
        "Mistral AI"
    )


def test_an_investor_as_subject_names_the_company_after_in() -> None:
    found = subject("Thrive Capital leads $900M round in Anysphere")
    assert found.company == "Anysphere"
    assert found.lead_investors == ("Thrive Capital",)


def test_a_place_before_the_name_is_its_location() -> None:
    found = subject("Berlin-based Helsing raises €450M Series C")  # July 2024
    assert (found.company, found.location) == ("Helsing", "Berlin")


def test_an_owner_after_a_comma_is_another_clauses() -> None:
    from bot.extract.engine import extract

    # Careem's USD 350M from Rakuten and STC (2016): "Uber's rival" is the next clause's
    title = "Rakuten and Saudi Telecom invest $350 million in Careem, turning Uber’s rival into a unicorn"
    assert extract(title).company == "Careem"


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # our sentences: QIA's investment in 5C (2025), Sequoia backing Zepto (2021)
        ("Qatar Investment Authority backs 5C lending platform", "5C"),
        ("Sequoia invests in Zepto grocery app", "Zepto"),
        # a topic or a place-made word before the description is no name
        ("Google backs AI lending platform", None),
        ("Tiger Global leads $50M round in Bengaluru-based lending startup", None),
    ],
)
def test_a_backed_name_followed_by_what_it_is(title: str, company: str | None) -> None:
    assert extract(title).company == company
