"""The /deal search over a real (temporary) SQLite store: forgiving company match, filters,
FTS safety and the indexes it relies on. The store's deals are in tests/fakes/deals.py."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from deals import BAD, NOW, make_store

from bot.lookup import messages
from bot.lookup.search import PAGE, search
from bot.store import Store
from bot.store.search import fts_query


@pytest.fixture
def deal_store(tmp_path: Path) -> Store:
    return make_store(tmp_path)


def companies(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.company for d in result.deals]


@pytest.mark.parametrize("text", ["SenseTime", "sensetime", "Sense Time", "SENSETIME Inc."])
def test_company_exact_key(deal_store: Store, text: str) -> None:
    result = search(deal_store, text)
    assert companies(result) == ["SenseTime", "SenseTime"]
    assert [d.round for d in result.deals] == ["series-c", "series-b"]  # newest first
    assert result.deals[0].sources and result.deals[0].sources[0].outlet == "News & Co"


def test_company_typo_is_forgiven(deal_store: Store) -> None:
    result = search(deal_store, "Sensetme")
    assert companies(result) == ["SenseTime", "SenseTime"]
    assert "showing SenseTime" in result.message


def test_company_alias(deal_store: Store) -> None:
    assert companies(search(deal_store, "Cursor")) == ["Anysphere (Cursor)"]


def test_no_match_suggests_closest(deal_store: Store) -> None:
    result = search(deal_store, "Sensorium")
    assert result.deals == []
    assert "SenseTime" in result.suggestions and "Did you mean" in result.message


def test_no_match_without_suggestions(deal_store: Store) -> None:
    result = search(deal_store, "Zyxwvut")
    assert result.deals == [] and result.kind == "none"
    assert result.message == messages.NO_MATCH.format(what="“Zyxwvut”")


def test_word_anywhere_falls_back_to_fts(deal_store: Store) -> None:
    assert companies(search(deal_store, "Qualcomm")) == ["SenseTime"]


@pytest.mark.parametrize("text", ["investor:Alibaba", "investor:alibaba", "investor:Temasek"])
def test_investor_led_or_joined(deal_store: Store, text: str) -> None:
    assert companies(search(deal_store, text)) == ["SenseTime"]


def test_investor_phrase(deal_store: Store) -> None:
    assert companies(search(deal_store, "investor:Sequoia Capital")) == ["Sensely"]
    assert companies(search(deal_store, "investor:Capital Sequoia")) == []


def test_investor_short_name_finds_full_names(deal_store: Store) -> None:
    assert companies(search(deal_store, "investor:Sequoia")) == ["Sensely"]
    assert companies(search(deal_store, "investor:sequoia capital")) == ["Sensely"]


@pytest.mark.parametrize("text", ["investor:a16z", "investor:Andreessen Horowitz"])
def test_an_investor_is_found_under_either_of_its_names(deal_store: Store, text: str) -> None:
    # Anysphere's deal lists "a16z": the list we keep says it is Andreessen Horowitz
    assert companies(search(deal_store, text)) == ["Anysphere (Cursor)"]


def test_filters_combine(deal_store: Store) -> None:
    assert companies(search(deal_store, "SenseTime investor:Alibaba")) == ["SenseTime"]
    assert companies(search(deal_store, "SenseTime round:series-b")) == ["SenseTime"]
    assert companies(search(deal_store, "round:series-a round:series-b since:30d")) == [
        "Mistral AI",
        "Sensely",
    ]
    assert companies(search(deal_store, "min:500M since:60d")) == [
        "Mistral AI",
        "Anysphere (Cursor)",
    ]
    since = (NOW - timedelta(days=500)).date().isoformat()
    assert companies(search(deal_store, f"SenseTime since:{since}")) == ["SenseTime"]


def test_top_orders_by_amount(deal_store: Store) -> None:
    assert companies(search(deal_store, "top 7d"))[:2] == ["Mistral AI", "Sensely"]
    assert companies(search(deal_store, "top 30d"))[0] == "Anysphere (Cursor)"


def test_paging(deal_store: Store) -> None:
    first = search(deal_store, "investor:Y Combinator")
    assert len(first.deals) == PAGE and first.has_more
    second = search(deal_store, "investor:Y Combinator", offset=PAGE)
    assert len(second.deals) == 4 and not second.has_more
    assert {d.id for d in first.deals}.isdisjoint(d.id for d in second.deals)


@pytest.mark.parametrize("text", ["", "   ", "help", "round:nope"])
def test_help(deal_store: Store, text: str) -> None:
    result = search(deal_store, text)
    assert result.kind == "help" and "investor:" in result.message


def test_help_lists_every_filter() -> None:
    for word in ("investor:", "round:", "since:", "min:", "top", "roundup", "help", "7d", "30d"):
        assert word in messages.HELP


def test_roundup(deal_store: Store) -> None:
    from bot.roundup.blocks import last_week_text

    text = search(deal_store, "roundup", roundup=last_week_text).message
    assert "Mistral AI" in text and text != messages.ROUNDUP_UNAVAILABLE


def test_roundup_failure_still_answers(deal_store: Store) -> None:
    def broken(store: Store) -> str:
        raise RuntimeError("chart library exploded")

    assert search(deal_store, "roundup", roundup=broken).message == messages.ROUNDUP_UNAVAILABLE
    assert search(deal_store, "roundup").message == messages.ROUNDUP_UNAVAILABLE


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_bad_input_never_raises(deal_store: Store, text: str) -> None:
    result = search(deal_store, text)
    assert result.message and result.kind != "error"


def test_fts_syntax_is_plain_text(deal_store: Store) -> None:
    assert fts_query('a" OR b* NEAR( col:x') == '"a" "OR" "b" "NEAR" "col" "x"'
    assert fts_query("🚀 *") is None
    assert companies(search(deal_store, '"SenseTime"')) == ["SenseTime", "SenseTime"]
    assert companies(search(deal_store, "SenseTime*")) == ["SenseTime", "SenseTime"]


def test_feed_text_is_found_by_its_words(deal_store: Store) -> None:
    assert companies(search(deal_store, "<!channel> Corp")) == ["<!channel> Corp"]


QUERIES = {
    "company": (
        "select * from deals where company_key in (?) order by announced desc limit 11",
        ["sensetime"],
    ),
    "bucket": (
        "select distinct company_key from deals where company_prefix = ? limit 5000",
        ["sen"],
    ),
    "investor": (
        "select deals.* from deal_investors i join deals on deals.id = i.deal_id "
        "where i.investor_key = ? order by i.announced desc, deals.id desc limit 11",
        ["alibaba"],
    ),
    "filter": (
        "select * from deals where round in (?) and announced >= ? "
        "order by announced desc, id desc limit 11",
        ["seed", "2026"],
    ),
}


@pytest.mark.parametrize("name", QUERIES)
def test_queries_use_indexes(deal_store: Store, name: str) -> None:
    sql, params = QUERIES[name]
    plan = " ".join(r[3] for r in deal_store.db.execute("explain query plan " + sql, params))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    assert "SCAN deals" not in plan.replace("SCAN deals USING", ""), plan
