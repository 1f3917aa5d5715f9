"""Reading money added to a round: which headlines report an extension, and the round's total.

Headlines are ours, about real rounds: Neuralink's Series D ($280M, then $43M more to $323M),
Swan's Series B (€37M, then $44M more), Type One Energy's seed extension (2024), Klarna's
Series H (2022)."""

import pytest

from bot.extract.additions import read_addition
from bot.extract.engine import extract


@pytest.mark.parametrize(
    "title, label, total",
    [
        ("Neuralink adds $43M to its Series D, bringing the round to $323M", "extension", 323e6),
        ("Neuralink's Series D extended to $323M", "extension", 323e6),
        ("Neuralink extends its Series D to $323M", "extension", 323e6),
        ("Swan adds another $44 million to its Series B", "extension", None),
        ("Fusion startup Type One Energy closes a big seed extension", "extension", None),
        ("Klarna announces second close of its Series H at $800M", "second close", 800e6),
        ("Neuralink raises $43M more, taking its Series D to $323M", "extension", 323e6),
        ("Acme closes second tranche of its $50M Series B", "tranche", None),
        ("Acme tops up its seed round with $2M", "top-up", None),
        ("Ola Electric raises $50M in extension of its Series D", "extension", None),
        ("Acme gets $12M as an extension from existing investors", "extension", None),
        ("Flink stockt seine Finanzierungsrunde um 50 Millionen Euro auf", "extension", None),
    ],
)
def test_additions_and_totals(title, label, total):
    found = read_addition(title)
    assert found is not None and found.label == label
    assert (found.total.amount if found.total else None) == total


@pytest.mark.parametrize(
    "title",
    [
        "Acme raises $20M Series B, bringing total funding to $45M",  # the company's total
        "Acme raises $20M, bringing its total raised to $45M",
        "Acme raises $10M to extend its runway",
        "Acme raises $5M and extends its lead in payments",
        "Acme adds payroll to its app with a $25M round",  # a round of its own
        "Acme adds $5M to its war chest",
        "Acme closes Series B round at $1B valuation",
        "Chrome extension maker Acme raises $3M",  # the product, not the round
        "Acme raises more than $100M",
    ],
)
def test_not_additions(title):
    assert read_addition(title) is None


def test_extract_marks_funding_stories_only():
    found = extract("Neuralink adds $43M to its Series D, bringing the round to $323M")
    assert (found.kind, found.company, found.amount, found.round) == (
        "funding",
        "Neuralink",
        43e6,
        "series-d",
    )
    assert (found.addition, found.round_total) == ("extension", 323e6)
    assert dict(found.rules)["addition"] == "extension wording"
    assert extract("Neuralink's Series D extended to $323M").round_total == 323e6
    assert extract("Chrome extension hijacked to steal passwords").addition is None
    plain = extract("Neuralink raises $280M Series D led by Founders Fund")
    assert (plain.addition, plain.round_total) == (None, None)


def test_another_marks_new_money_not_an_extension():
    assert extract("Airbnb raises another $1bn").another
    assert not extract("Airbnb raises $1bn").another
    mistral = extract("Mistral raises another $100M, bringing the round to $600M")
    assert mistral.addition == "extension" and not mistral.another
