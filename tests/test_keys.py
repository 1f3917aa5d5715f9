"""bot.keys: one key per company name, whatever its spelling."""

from __future__ import annotations

import pytest

from bot.keys import (
    company_key,
    company_keys,
    fold_investors,
    fold_leads_and_investors,
    investor_key,
    key_prefix,
    name_words,
)


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


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Lightspeed", "Lightspeed Venture Partners"),
        ("a16z", "Andreessen Horowitz"),
        ("Tencent", "Tencent Holdings"),
        ("Tiger Global", "Tiger Global Management"),
        ("Durable Capital", "Durable Capital Partners"),
        ("WestBridge", "WestBridge Capital"),
        ("BNP Paribas", "French BNP Paribas"),
        ("SoftBank", "SoftBank Group"),
    ],
)
def test_one_investor_one_key(short: str, full: str) -> None:
    assert investor_key(short) == investor_key(full)


def test_different_investors_keep_their_keys() -> None:
    assert investor_key("SoftBank Vision Fund") != investor_key("SoftBank Group")
    assert investor_key("Swiss Re") != investor_key("Re")
    assert investor_key("Index Ventures") != investor_key("Accel")


def test_folded_lists_show_each_investor_once_under_its_fullest_name() -> None:
    assert fold_investors(["Lightspeed", "Lightspeed Venture Partners", "a16z"]) == (
        "Lightspeed Venture Partners",
        "Andreessen Horowitz",
    )
    assert fold_investors(["French BNP Paribas", "BNP Paribas"]) == ("BNP Paribas",)
    leads, everyone = fold_leads_and_investors(["Durable Capital"], ["Durable Capital Partners"])
    assert leads == ("Durable Capital Partners",) and everyone == ("Durable Capital Partners",)
