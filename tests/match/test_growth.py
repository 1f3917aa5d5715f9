"""Money added to a round joins the round's card: extensions, tranches, totals, second closes.

Facts: Neuralink's Series D was $280M (led by Founders Fund, August 2023); a filing in
December 2023 showed $43M more, bringing the round to $323M. Swan (embedded banking, Paris)
raised a €37M Series B in September 2024 and added $44M to it in January 2025.
"""

from datetime import datetime, timedelta, timezone

import pytest

from bot.match.merge import merge, new_deal
from bot.match.same import extends
from bot.models import Story
from bot.publish.cards import reply_text
from bot.render import amount_line, growth_note

AUG = datetime(2023, 8, 8, 15, tzinfo=timezone.utc)
DEC = datetime(2023, 12, 22, 9, tzinfo=timezone.utc)


def test_an_extension_grows_the_rounds_card_and_says_so_in_its_thread(feed, store):
    first = feed(store, "nl-d", "Neuralink raises $280M Series D led by Founders Fund", AUG)
    grew = feed(
        store, "nl-ext", "Neuralink adds $43M to its Series D, bringing the round to $323M", DEC
    )
    assert grew.event is not None and grew.event.kind == "update"
    assert grew.event.deal.id == first.event.deal.id and store.count("deals") == 1
    deal = store.deal(first.event.deal.id)
    assert (deal.amount, deal.amount_usd, deal.round) == (323e6, 323e6, "series-d")
    assert deal.additions == ((43e6, "USD"),)
    assert "amount" in grew.event.changed  # the card is updated, not posted again
    note = deal.sources[-1].note
    assert note == "Money added: +$43M to the Series D, now $323M in all."
    assert reply_text(deal.sources[-1]).startswith(":chart_with_upwards_trend: Money added: +$43M")
    assert amount_line(deal) == "$323M, including +$43M added to the round later"


def test_a_second_outlet_reporting_the_same_extension_adds_nothing(feed, store):
    feed(store, "nl-d", "Neuralink raises $280M Series D led by Founders Fund", AUG)
    feed(store, "nl-ext", "Neuralink adds $43M to its Series D, bringing the round to $323M", DEC)
    again = feed(store, "nl-ext2", "Neuralink's Series D extended to $323M", DEC, outlet="Other")
    third = feed(store, "nl-ext3", "Neuralink tops up Series D with $43M", DEC, outlet="Third")
    (deal,) = store.deals()
    assert deal.amount == 323e6 and deal.additions == ((43e6, "USD"),)
    assert len(deal.sources) == 4
    assert again.event.changed == () and third.event.changed == ()
    assert [s.note for s in deal.sources[2:]] == [None, None]


def test_an_extension_in_another_currency_is_added_in_the_rounds_currency(feed, store):
    sep = datetime(2024, 9, 24, 8, tzinfo=timezone.utc)
    jan = datetime(2025, 1, 29, 8, tzinfo=timezone.utc)
    feed(store, "swan-b", "Swan raises €37 million Series B for its embedded banking platform", sep)
    grew = feed(store, "swan-ext", "Paris-based Swan adds another $44 million to its Series B", jan)
    (deal,) = store.deals()
    assert grew.event.deal.id == deal.id
    assert deal.currency == "EUR" and deal.additions == ((44e6, "USD"),)
    # $44M on 2025-01-29 at the ECB rate is about €42M: the round is about €79M
    assert 78e6 < deal.amount < 80e6
    assert deal.amount_usd == pytest.approx(deal.amount * (deal.amount_usd / deal.amount))
    assert "+$44M added to the round later" in amount_line(deal)


def test_an_extension_first_heard_of_is_its_own_card_marked_as_added_money(feed, store):
    jan = datetime(2025, 1, 29, 8, tzinfo=timezone.utc)
    first = feed(
        store, "swan-ext", "Paris-based Swan adds another $44 million to its Series B", jan
    )
    deal = store.deal(first.event.deal.id)
    assert first.event.kind == "new" and deal.amount == 44e6
    assert amount_line(deal) == "$44M added to an earlier round"
    again = feed(store, "swan-ext-2", "Swan adds $44M to its Series B", jan, outlet="Other")
    assert again.event.deal.id == deal.id and store.deal(deal.id).amount == 44e6


def test_an_extension_joins_only_its_own_round_and_only_within_a_year(feed, store):
    feed(store, "nl-c", "Neuralink raises $205M Series C", AUG - timedelta(days=800))
    d = feed(store, "nl-d", "Neuralink raises $280M Series D led by Founders Fund", AUG)
    late = feed(store, "nl-late", "Neuralink adds $43M to its Series D", AUG + timedelta(days=400))
    assert late.event.kind == "new"  # more than a year on: not this round's extension
    other = feed(store, "nl-e", "Neuralink adds $43M to its Series C", DEC)
    assert other.event.deal.id != d.event.deal.id  # the Series C is too old, the D another round
    assert store.deal(d.event.deal.id).amount == 280e6


def test_a_story_of_the_first_amount_after_the_extension_does_not_shrink_the_round(feed, store):
    soon = AUG + timedelta(days=20)  # (dates moved closer than the real ones: a late report
    # of the first amount must fall within the usual window to be joined at all)
    feed(store, "nl-d", "Neuralink raises $280M Series D led by Founders Fund", AUG)
    feed(store, "nl-ext", "Neuralink adds $43M to its Series D, bringing the round to $323M", soon)
    feed(store, "nl-old", "Neuralink raised $280M in its Series D", soon, outlet="Late")
    feed(store, "nl-old2", "Neuralink's $280M Series D", soon, outlet="Later")
    (deal,) = store.deals()
    assert deal.amount == 323e6


def test_pure_growth_rules():
    from bot.extract.engine import extract

    story = Story("https://a.example/1", "t", published=AUG)
    deal = new_deal(extract("Neuralink raises $280M Series D"), story, AUG)
    found = extract("Neuralink's Series D extended to $323M")
    assert extends(deal, found, DEC)
    assert not extends(deal, extract("Neuralink adds $43M to its Series C"), DEC)
    assert not extends(
        deal, extract("Neuralink adds $43M to its Series D"), AUG - timedelta(days=2)
    )
    grown = merge(deal, found, story)
    assert grown.amount == 323e6 and grown.additions == ((43e6, "USD"),)
    assert growth_note(deal, grown) == "Money added: +$43M to the Series D, now $323M in all."
    assert growth_note(grown, merge(grown, found, story)) is None
