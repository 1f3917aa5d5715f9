"""bot.keys: one key per company name, whatever its spelling."""

from __future__ import annotations

import pytest

from bot.keys import company_key, company_keys, key_prefix, name_words


@pytest.mark.parametrize(
    "name", ["SenseTime", "Sensetime", "SENSETIME Inc.", "SenseTime Ltd", "Sense Time"]
)
def test_case_spaces_and_legal_suffixes_do_not_matter(name: str) -> None:
    assert company_key(name) == "sensetime"


def test_accents_possessives_and_ai_tails() -> None:
    assert company_key("Qonto's") == company_key("Qonto")
    assert company_key("Mistral AI") == company_key("Mistral")
    assert company_key("Lydia SAS") == company_key("lydia")
    assert company_key("Pléo") == company_key("Pleo")


def test_a_product_in_brackets_gives_a_second_key() -> None:
    assert company_keys("Anysphere (Cursor)") == ["anysphere", "cursor"]
    assert company_keys("") == []


def test_prefix_and_words() -> None:
    assert key_prefix("sensetime") == "sen"
    assert name_words("Colossal Biosciences") == ["colossal", "biosciences"]
