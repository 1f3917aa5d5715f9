"""Sectors and exclusions in every filter: `/deal sector:fintech -sector:crypto round:-debt
rumours:no -keyword:layoffs`, the same in `/deal subscribe`, and on the roundup. Our own
sentences about real rounds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.lookup.query import parse
from bot.lookup.search import search
from bot.lookup.subscriptions import SubscriptionError, describe, matches, parse_filters
from bot.models import Deal, Story
from bot.pipeline import ingest
from bot.roundup.blocks import render_text
from bot.roundup.select import select
from bot.store import Store

WHEN = datetime(2025, 6, 10, 12, tzinfo=timezone.utc)
STORIES = [
    "Ramp raises $200M Series E for its corporate card and expense management platform",
    "Kraken raises $500M for its crypto exchange",
    "Figure raises $675M Series C to build humanoid robots",
    "Mistral AI is in talks to raise $600M for its large language models",
    "Lendable raises $150M in debt financing for its lending app for borrowers with thin credit",
]


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(str(tmp_path / "x.db"))
    for n, title in enumerate(STORIES):
        when = WHEN + timedelta(hours=n)
        story = Story(f"https://news.example/{n}", title, published=when, outlet="Wire")
        assert ingest(store, story, now=when, max_age=timedelta(days=3)).event is not None
    return store


def companies(store: Store, text: str) -> set[str]:
    return {d.company for d in search(store, text, limit=50).deals}


def test_parse_sectors_and_exclusions() -> None:
    q = parse("sector:fintech,AI -sector:crypto round:-debt,seed rumours:no -keyword:layoffs")
    assert q.sectors == ("fintech", "ai") and q.not_sectors == ("crypto",)
    assert q.rounds == ("seed",) and q.not_rounds == ("debt",)
    assert q.rumours == "no" and q.not_words == ("layoffs",) and not q.errors
    assert "sector `farming`" in parse("sector:farming").errors[0]
    assert "rumours:maybe" in parse("rumours:maybe").errors[0]


def test_lookups_by_sector_and_leaving_things_out(store: Store) -> None:
    assert companies(store, "sector:fintech") >= {"Ramp", "Lendable"}
    assert "Kraken" in companies(store, "sector:crypto")
    assert "Kraken" not in companies(store, "min:1M -sector:crypto")
    assert "Lendable" not in companies(store, "sector:fintech round:-debt")
    assert "Mistral AI" not in companies(store, "min:1M rumours:no")
    assert companies(store, "min:1M rumours:only") == {"Mistral AI"}
    assert "Figure" not in companies(store, "min:1M -keyword:humanoid")
    answer = search(store, "sector:fintech -sector:crypto rumours:no")
    assert "sector fintech" in answer.message and "no rumours" in answer.message


def test_subscriptions_take_the_same_filters(store: Store) -> None:
    sub = parse_filters("sector:fintech -keyword:debt rumours:no round:-debt")
    assert describe(sub) == "sector fintech · not debt · without debt · no rumours"
    deals = {d.company: d for d in store.deals(limit=10)}
    texts = {d.company: store.deal_texts(d.id) for d in deals.values()}
    assert matches(sub, deals["Ramp"], texts["Ramp"])
    assert not matches(sub, deals["Lendable"], texts["Lendable"])
    assert not matches(sub, deals["Kraken"], texts["Kraken"])
    no_crypto = parse_filters("-sector:crypto")
    assert not matches(no_crypto, deals["Kraken"]) and matches(no_crypto, deals["Figure"])
    with pytest.raises(SubscriptionError, match="sector `farming`"):
        parse_filters("sector:farming")


def test_the_roundup_totals_each_sector(store: Store) -> None:
    roundup = select(store.deals(limit=10), WHEN - timedelta(days=1), WHEN + timedelta(days=1))
    by_sector = {name: (count, total) for name, count, total in roundup.by_sector}
    assert by_sector["robotics"] == (1, 675e6)
    assert "By sector:" in render_text(roundup) and "Robotics: 1 ($675M)" in render_text(roundup)


def test_the_card_says_the_sectors() -> None:
    from bot.publish.cards import render_card

    deal = Deal("Figure", "figure", "confirmed", WHEN, amount=675e6, currency="USD", id=1)
    deal.sectors = ("robotics", "ai")
    card = render_card(deal, [])
    assert "*Sectors*\\nRobotics, AI" in str(card.blocks)
