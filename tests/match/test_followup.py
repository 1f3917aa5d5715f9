"""A follow-up story about a carded deal's money joins that deal's thread, never a card of its own,
and never a deal of another company or another amount.

Facts: Meta took a 49% stake in Scale AI for about $14.3B (June 2025); Bolt's founder Ryan
Breslow announced a hoped-for $450M investment led by The London Fund (August 2024) that later
ran into trouble; Anthropic raised $13B at a $183B valuation (September 2025).
"""

from datetime import datetime, timedelta, timezone

import pytest

from bot.extract.engine import extract
from bot.match import followup
from bot.match.merge import new_deal
from bot.models import Story

JUN = datetime(2025, 6, 13, 9, tzinfo=timezone.utc)


def test_a_follow_up_joins_the_thread_of_the_deal_it_talks_about(feed, store):
    first = feed(store, "a", "Scale AI confirms significant investment from Meta", JUN)
    later = feed(
        store,
        "b",
        "New details emerge on Meta's $14.3B deal for Scale",
        JUN + timedelta(hours=6),
        "Other",
    )
    assert later.event is not None and later.event.kind == "update"
    assert later.event.deal.id == first.event.deal.id
    (deal,) = store.deals()
    assert [s.note for s in deal.sources] == [None, "Follow-up"]


def test_a_follow_up_of_a_rumoured_deal_joins_it():
    title = "Ryan Breslow's lofty $450M Bolt deal is in trouble"
    when = datetime(2024, 9, 4, tzinfo=timezone.utc)
    found = extract("VC leading Bolt's hoped-for $450M deal offers marketing credits")
    deal = new_deal(found, Story("https://x.example/1", "t", published=when), when)
    assert followup.pick([deal], title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Scale AI lays off 14% of its staff",  # no money talk: other news about the company
        "Meta signs a $10B cloud deal with Google",  # another company's money
        "Scale AI's $1B round from Accel",  # the same company's other amount: another round
    ],
)
def test_other_news_does_not_follow_up(feed, store, title):
    first = feed(store, "a", "Scale AI raises $14.3B from Meta", JUN)
    later = feed(store, "b", title, JUN + timedelta(days=2), "Other")
    assert len(store.sources(first.event.deal.id)) == 1
    assert later.event is None or later.event.kind == "new"  # the $1B round is its own card


def test_a_follow_up_before_any_deal_or_after_a_month_stays_alone(feed, store):
    feed(store, "a", "Anthropic's funding, revisited", JUN)
    assert store.deals() == []
    feed(store, "b", "Anthropic raises $13B at a $183B valuation", JUN + timedelta(days=1))
    late = feed(store, "c", "Anthropic's funding, revisited", JUN + timedelta(days=45))
    assert late.event is None
    (deal,) = store.deals()
    assert len(deal.sources) == 1


def test_names_in_a_headline():
    assert followup.names_in("Ryan Breslow's lofty $450M Bolt deal is in trouble")[:4] == [
        "Ryan Breslow",
        "Ryan",
        "Breslow",
        "Bolt",
    ]
    assert "eBay" in followup.names_in("Why eBay's bet on a16z matters")
    assert not followup.worth_a_look("Scale AI lays off 14% of its staff")
