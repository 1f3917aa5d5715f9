"""A deal whose stories do not name the company joins a named deal of the same round, and the
card gains the name; amount alone never joins two named companies.

Facts: Acko (Indian insurtech) raised a $255M Series D led by General Atlantic and Multiples in
October 2021. Hyperline ($10M, billing software) and Teal Health ($10M, at-home cervical
screening) were both reported on 16 January 2025.
"""

from datetime import datetime, timedelta, timezone

import pytest

from bot.extract.engine import extract
from bot.match.merge import new_deal
from bot.match.same import pairs_unnamed, unnamed_partner
from bot.models import Story
from bot.pipeline import ingest
from bot.render import headline

OCT = datetime(2021, 10, 27, 9, tzinfo=timezone.utc)
JAN = datetime(2025, 1, 16, 9, tzinfo=timezone.utc)
UNNAMED = "Indian insurtech unicorn raises $255 million Series D led by General Atlantic"
NAMED = "Acko raises $255M Series D led by General Atlantic, Multiples"


def test_a_named_story_names_the_unnamed_deal_and_the_card_says_so(feed, store):
    first = feed(store, "u", UNNAMED, OCT)
    assert headline(first.event.deal).endswith("(company not named)")
    named = feed(store, "n", NAMED, OCT + timedelta(hours=3), outlet="Other")
    assert named.event.kind == "update" and named.event.deal.id == first.event.deal.id
    assert "company" in named.event.changed
    (deal,) = store.deals()
    assert headline(deal) == "Acko raises $255M Series D"
    assert deal.sources[-1].note == "This story names the company: Acko."
    assert store.deals_by_id([deal.id])[0].company_key == "acko"  # found by name from now on
    later = feed(store, "n2", "Acko bags $255 million in Series D funding", OCT + timedelta(days=1))
    assert later.event.deal.id == deal.id


def test_an_unnamed_story_joins_the_named_deal(feed, store):
    named = feed(store, "n", "Bengaluru-based " + NAMED, OCT)  # India holds Bengaluru
    unnamed = feed(store, "u", UNNAMED, OCT + timedelta(hours=5), outlet="Other")
    assert unnamed.event.deal.id == named.event.deal.id
    (deal,) = store.deals()
    assert deal.company == "Acko" and len(deal.sources) == 2


def test_an_unnamed_story_stays_apart_when_two_named_deals_could_be_it(feed, store):
    feed(store, "h", "Paris billing software maker Hyperline gets $10 million", JAN)
    feed(store, "t", "Teal Health raises $10M for cervical screening at home", JAN)
    lone = feed(store, "u", "Startup raises $10 million to expand in the US", JAN, outlet="Other")
    assert lone.event.kind == "new" and store.count("deals") == 3


@pytest.mark.parametrize(
    "title, when",
    [
        ("Indian insurtech unicorn raises $255 million Series C", OCT),  # another round
        ("Indian insurtech unicorn raises $230 million Series D", OCT),  # another amount
        (UNNAMED, OCT + timedelta(days=10)),  # too far apart
        ("Berlin insurtech raises $255 million Series D", OCT),  # another place
    ],
)
def test_an_unnamed_story_needs_the_same_amount_round_place_and_week(feed, store, title, when):
    feed(store, "n", "Bengaluru-based " + NAMED, OCT)
    assert feed(store, "u", title, when, outlet="Other").event.kind == "new"


def test_two_named_companies_never_join_on_amount_alone(feed, store):
    h = feed(store, "h", "Paris billing software maker Hyperline gets $10 million", JAN)
    t = feed(store, "t", "Teal Health raises $10M for cervical screening at home", JAN)
    assert h.event.deal.id != t.event.deal.id
    a, b = (new_deal(extract(x.event.story.title), x.event.story, JAN) for x in (h, t))
    assert not pairs_unnamed(a, extract(t.event.story.title), JAN)
    assert unnamed_partner([a, b], extract("Startup raises $10 million"), JAN) is None
    assert unnamed_partner([a], extract("Startup raises $10 million"), JAN) is a


def test_a_chinese_story_joins_the_english_one_by_the_name_its_summary_gives(feed, store):
    """昆腾动力 (Quantum Dynamics), a Physical AI startup, raised a seed round of over RMB 100M
    from Yunqi Partners and SenseTime (July 2026); both reports are our own wording."""
    july = datetime(2026, 7, 31, 9, tzinfo=timezone.utc)
    english = feed(
        store,
        "qd-en",
        "Physical AI startup Quantum Dynamics raises over 100 million yuan seed round",
        july,
    )
    chinese = Story(
        "https://zh.example/qd",
        "物理AI平台昆腾动力完成超亿元种子轮融资",
        summary="昆腾动力（Quantum Dynamics）完成超亿元种子轮融资，由云启资本、商汤科技联合投资。",
        published=july + timedelta(hours=2),
        outlet="36Kr",
    )
    joined = ingest(store, chinese, now=july + timedelta(hours=2), max_age=timedelta(days=2))
    assert joined.event.deal.id == english.event.deal.id and store.count("deals") == 1
    (deal,) = store.deals()
    assert deal.company == "Quantum Dynamics" and "昆腾动力" in deal.aliases
