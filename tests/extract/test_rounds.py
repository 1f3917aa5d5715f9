"""bot.extract.rounds: which round a text names."""

from __future__ import annotations

import pytest

from bot.extract.rounds import find_round


@pytest.mark.parametrize(
    ("text", "round_"),
    [
        ("a $50M Series C extension", "series-c"),
        ("closes its pre-seed round", "pre-seed"),
        ("a joint Series A and B", "series-b"),
        ("a $100M venture debt facility", "debt"),
        ("raises money from angels", None),
    ],
)
def test_round_named(text: str, round_: str | None) -> None:
    assert find_round(text) == round_
