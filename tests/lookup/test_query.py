"""The /deal query language: table-driven, pure (no store, no Slack)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.lookup.query import (
    MAX_QUERY,
    Query,
    QueryError,
    parse,
    parse_amount,
    parse_round,
    parse_since,
)

TODAY = date(2026, 3, 1)

CASES = [
    ("SenseTime", Query(text="SenseTime")),
    ("  Sense Time  ", Query(text="Sense Time")),
    ("investor:Alibaba", Query(investor="Alibaba")),
    ("SenseTime investor:Alibaba", Query(text="SenseTime", investor="Alibaba")),
    ("investor:Sequoia Capital round:seed", Query(investor="Sequoia Capital", rounds=("seed",))),
    ('investor:"Sequoia Capital"', Query(investor="Sequoia Capital")),
    ("round:series-a round:seed", Query(rounds=("series-a", "seed"))),
    ("round:a,b", Query(rounds=("series-a", "series-b"))),
    ("round:Series-C round:series-c", Query(rounds=("series-c",))),
    ("since:30d", Query(since=date(2026, 1, 30))),
    ("since:2w", Query(since=date(2026, 2, 15))),
    ("since:2026-01-01", Query(since=date(2026, 1, 1))),
    ("min:10M", Query(min_usd=10e6)),
    ("min:$1.5B", Query(min_usd=1.5e9)),
    ("min:500k", Query(min_usd=500e3)),
    ("top", Query(top=True, top_days=7)),
    ("top 30d", Query(top=True, top_days=30)),
    ("top 7d round:seed", Query(top=True, top_days=7, rounds=("seed",))),
    ("top since:2026-01-01", Query(top=True, since=date(2026, 1, 1))),
    ("help", Query(command="help")),
    ("HELP me", Query(command="help")),
    ("roundup", Query(command="roundup")),
    ("", Query()),
    ("col:x NEAR( OR *", Query(text="col:x NEAR( OR *")),
    ('"quoted"', Query(text='"quoted"')),
    ("round:zeta Acme", Query(text="Acme", errors=("unknown round `zeta`",))),
    ("since:yesterday", Query(errors=("can't read the date `yesterday`",))),
    ("min:lots", Query(errors=("can't read the amount `lots`",))),
    ("round:", Query(errors=("`round:` needs a value",))),
    ("🚀 شركة", Query(text="🚀 شركة")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_parse(text: str, expected: Query) -> None:
    assert parse(text, today=TODAY) == expected


def test_too_long() -> None:
    assert parse("x" * 5000).command == "too_long"
    assert parse("x" * MAX_QUERY).command == ""


@pytest.mark.parametrize("text", ["", "   ", "round:zeta", "since:x"])
def test_empty_queries(text: str) -> None:
    assert parse(text).is_empty


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("series-a", "series-a"),
        ("Series A", "series-a"),
        ("seriesb", "series-b"),
        ("h", "series-h"),
        ("preseed", "pre-seed"),
        ("Seed", "seed"),
        ("growth", "growth"),
        ("debt", "debt"),
    ],
)
def test_parse_round(value: str, expected: str) -> None:
    assert parse_round(value) == expected


@pytest.mark.parametrize("value", ["i", "series-z", "round", ""])
def test_parse_round_rejects(value: str) -> None:
    with pytest.raises(QueryError):
        parse_round(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1d", date(2026, 2, 28)),
        ("1y", date(2025, 3, 1)),
        ("2m", date(2025, 12, 31)),
        ("2026-02-01", date(2026, 2, 1)),
    ],
)
def test_parse_since(value: str, expected: date) -> None:
    assert parse_since(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10M", 1e7), ("10mn", 1e7), ("2bn", 2e9), ("2500000", 2.5e6), ("1,5M", 1.5e6)],
)
def test_parse_amount(value: str, expected: float) -> None:
    assert parse_amount(value) == expected


@pytest.mark.parametrize("text", ["SenseTime since:9999y", "top 9999y", "top:5000y since:9999w"])
def test_periods_past_a_century_are_a_clear_error_not_an_overflow(text: str) -> None:
    """`since:9999y` used to raise OverflowError (a traceback in the terminal)."""
    q = parse(text, today=date(2026, 12, 7))
    assert any("(at most 100y back)" in e for e in q.errors)
    assert q.since is None


def test_a_century_is_still_fine() -> None:
    assert parse("since:100y", today=date(2026, 12, 7)).since == date(1927, 1, 1)  # 365-day years
