"""Subscription filters as pure functions: parsing /deal subscribe text, and matches()."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.lookup import messages
from bot.lookup.subscriptions import (
    Subscription,
    SubscriptionError,
    describe,
    from_row,
    matches,
    parse_filters,
    to_json,
)
from bot.models import Deal

M = 1_000_000


def deal(**kw) -> Deal:
    base = {
        "company": "Acme",
        "company_key": "acme",
        "status": "confirmed",
        "announced": datetime(2026, 1, 5, tzinfo=timezone.utc),
        "amount_usd": 12 * M,
        "round": "seed",
        "location": "Berlin",
    }
    return Deal(**{**base, **kw})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Subscription()),
        (
            "min:5M max:50M round:seed,series-a keyword:fintech,AI location:Europe,India",
            Subscription(
                min_usd=5 * M,
                max_usd=50 * M,
                rounds=("seed", "series-a"),
                keywords=("fintech", "AI"),
                locations=("Europe", "India"),
            ),
        ),
        ("round:A round:b rounds:seed", Subscription(rounds=("series-a", "series-b", "seed"))),
        ("min:$1.5B", Subscription(min_usd=1.5e9)),
        ("MAX=500k", Subscription(max_usd=500_000)),
        ("keyword:machine learning, AI", Subscription(keywords=("machine learning", "AI"))),
        ("keyword: climate", Subscription(keywords=("climate",))),
        ("kw:fintech,fintech", Subscription(keywords=("fintech",))),
        ("location:latin america", Subscription(locations=("Latin America",))),
        ("location:Indian,berlin", Subscription(locations=("India", "Berlin"))),
        ("region:europe min:1m", Subscription(min_usd=M, locations=("Europe",))),
    ],
)
def test_parse(text: str, expected: Subscription) -> None:
    assert parse_filters(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("min:lots", "can't read the amount `lots`"),
        ("round:zzz", "unknown round `zzz`"),
        ("fintech", "`fintech` (filters look like"),
        ("location:Mars", "the location `Mars`"),
        ("min:50M max:5M", "min ($50M) is more than max ($5M)"),
        ("min:", "`min:` needs a value"),
        ("keyword:!!!", "the keyword `!!!`"),
        ("x" * 400, "too long"),
    ],
)
def test_parse_errors_name_the_problem(text: str, problem: str) -> None:
    with pytest.raises(SubscriptionError) as info:
        parse_filters(text)
    assert any(problem in p for p in info.value.problems), info.value.problems


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(SubscriptionError) as info:
        parse_filters("min:x round:zzz location:Mars")
    assert len(info.value.problems) == 3


SENSE_TEXT = ["SenseTime raises $600M to build AI-powered cameras"]


@pytest.mark.parametrize(
    ("filters", "fields", "texts", "expected"),
    [
        ("", {}, [], True),
        ("min:5M", {}, [], True),
        ("min:20M", {}, [], False),
        ("max:20M", {}, [], True),
        ("max:10M", {}, [], False),
        ("min:12M max:12M", {}, [], True),  # both ends inclusive
        ("min:1M", {"amount_usd": None}, [], False),  # unknown size never passes an amount filter
        ("max:100M", {"amount_usd": None}, [], False),
        ("round:seed,series-a", {}, [], True),
        ("round:series-a", {}, [], False),
        ("round:seed", {"round": None}, [], False),
        ("location:Europe", {}, [], True),
        ("location:Germany", {"location": "Germany"}, [], True),
        ("location:India", {"location": "Bengaluru"}, [], True),
        ("location:Asia", {"location": "Berlin"}, [], False),
        ("location:Europe", {"location": None}, [], False),
        ("location:Asia,Europe", {}, [], True),  # values of one kind: OR
        # any country by name or ISO code (pycountry), in the spelling deals are stored with
        ("location:DE", {"location": "Germany"}, [], True),
        ("location:GBR", {"location": "UK"}, [], True),
        ("location:United Kingdom", {"location": "UK"}, [], True),
        ("location:USA", {"location": "US"}, [], True),
        ("location:Viet Nam", {"location": "Vietnam"}, [], True),
        ("location:FRA", {"location": "Germany"}, [], False),
        ("keyword:AI", {}, SENSE_TEXT, True),  # "AI-powered": a word boundary at "-"
        ("keyword:ai", {}, SENSE_TEXT, True),  # case-insensitive
        ("keyword:AI", {}, ["Thai payments startup said to raise"], False),  # not inside words
        ("keyword:fintech", {"company": "Fintech Farm"}, [], True),  # the company counts
        ("keyword:fintech", {}, ["A fintech-for-farmers round", ""], True),  # summary too
        ("keyword:fintech", {}, ["Fintechs are back"], False),  # whole words only
        ("keyword:machine learning", {}, ["a Machine  Learning platform"], True),
        ("keyword:C++", {}, ["a C++ tooling startup"], True),
        ("keyword:fintech,AI", {}, SENSE_TEXT, True),
        ("min:5M round:seed location:Europe keyword:robots", {}, ["Acme robots"], True),
        ("min:5M round:seed location:Europe keyword:robots", {}, ["Acme drones"], False),  # AND
        ("min:5M round:series-b location:Europe", {}, [], False),
    ],
)
def test_matches(filters: str, fields: dict, texts: list[str], expected: bool) -> None:
    assert matches(parse_filters(filters), deal(**fields), texts) is expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "every deal"),
        ("min:5M max:50M", "$5M to $50M"),
        ("min:5M", "at least $5M"),
        ("max:2M round:seed,a keyword:AI location:Asia", "at most $2M · seed or series-a"),
    ],
)
def test_describe(text: str, words: str) -> None:
    assert words in describe(parse_filters(text))


def test_json_round_trip() -> None:
    sub = parse_filters("min:5M round:seed keyword:fintech,AI location:Europe", channel="C9")
    row = {"channel": "C9", "filters": to_json(sub), "created_by": "U1", "created_at": "2026-01"}
    back = from_row(row)
    assert (back.min_usd, back.rounds, back.keywords, back.locations) == (
        sub.min_usd,
        sub.rounds,
        sub.keywords,
        sub.locations,
    )
    assert back.channel == "C9" and back.created_by == "U1"


ROOT = Path(__file__).resolve().parents[2]


def test_documented_in_help_and_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for word in ("/deal subscribe", "/deal subscriptions", "/deal unsubscribe", "/deal feeds"):
        assert word in messages.HELP and word in readme, word
    for word in ("min:", "max:", "round:", "keyword:", "location:"):
        assert word in messages.HELP and word in readme, word
    assert "dealbot subscriptions" in readme
    env = (ROOT / ".env.example").read_text()
    for name in ("DEALBOT_ADMINS", "DEALBOT_ALLOW_PRIVATE_FEEDS"):
        assert f"`{name}`" in readme and f"\n{name}=" in env, name


def test_cli_lists_subscriptions(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main
    from bot.store import Store

    (tmp_path / "feeds.toml").write_text("")
    for name, value in {
        "DEALBOT_DB": str(tmp_path / "d.db"),
        "DEALBOT_FEEDS": str(tmp_path / "feeds.toml"),
        "DEALBOT_CHANNEL": "C0ALL",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    store = Store(str(tmp_path / "d.db"))
    store.set_subscription("C0SEED", to_json(parse_filters("round:seed max:20M")), "U1")
    store.close()
    assert main(["subscriptions"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "C0ALL  every deal (DEALBOT_CHANNEL)"
    assert out[1].startswith("C0SEED  at most $20M · seed  (by U1, ")
