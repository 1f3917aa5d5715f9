"""bot.extract.investors: leads and participants named in a story's sentences."""

from __future__ import annotations

from bot.extract.investors import investors_in_body


def test_leads_and_participants() -> None:
    # Mistral AI's June 2024 Series B: led by General Catalyst, with Nvidia and others
    leads, everyone = investors_in_body(
        ["The round was led by General Catalyst, with participation from Nvidia and Samsung."],
        "Mistral AI",
    )
    assert leads == ["General Catalyst"]
    assert everyone == ["General Catalyst", "Nvidia", "Samsung"]


def test_no_investor_sentence_names_nobody() -> None:
    assert investors_in_body(["The company sells software to banks."], "Acme") == ([], [])
