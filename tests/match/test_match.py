from datetime import datetime, timedelta, timezone

import pytest

from bot.keys import company_key, company_keys
from bot.match.merge import merge, new_deal
from bot.match.same import best_match, is_same_deal
from bot.models import Extraction, Story

T0 = datetime(2018, 4, 9, tzinfo=timezone.utc)


def found(**kw):
    base = dict(
        kind="funding",
        company="SenseTime",
        amount=6e8,
        currency="USD",
        amount_usd=6e8,
        round="series-c",
    )
    base.update(kw)
    return Extraction(**base)


def story(title="t", outlet="TechCrunch", when=T0):
    return Story(link=f"https://example.com/{title}", title=title, published=when, outlet=outlet)


@pytest.mark.parametrize(
    "a, b",
    [
        ("SenseTime", "Sensetime"),
        ("Mistral AI", "Mistral"),
        ("Acme, Inc.", "ACME"),
        ("Qonto SAS", "Qonto"),
        ("Zepto’s", "Zepto"),
        ("Société Générale", "Societe Generale"),
    ],
)
def test_company_key_normalises(a, b):
    assert company_key(a) == company_key(b)


def test_alias_gives_both_keys():
    assert company_keys("Anysphere (Cursor)") == ["anysphere", "cursor"]


def test_same_round_other_outlet_merges():
    deal = new_deal(found(), story(), T0)
    assert is_same_deal(
        deal, found(company="Sense Time", amount=None, amount_usd=None), T0 + timedelta(days=1)
    )


def test_different_round_or_amount_or_far_in_time_is_a_new_deal():
    deal = new_deal(found(), story(), T0)
    assert not is_same_deal(deal, found(round="series-b", amount=4.1e8, amount_usd=4.1e8), T0)
    assert not is_same_deal(deal, found(round=None, amount=4.1e8, amount_usd=4.1e8), T0)
    assert not is_same_deal(deal, found(), T0 + timedelta(days=200))
    assert not is_same_deal(deal, found(company="Sensei"), T0)


def test_currency_converted_before_comparing():
    deal = new_deal(
        found(company="Mistral AI", amount=6e8, currency="EUR", amount_usd=6.96e8, round=None),
        story(),
        T0,
    )
    assert is_same_deal(
        deal,
        found(company="Mistral", amount=6.4e8, currency="USD", amount_usd=6.4e8, round=None),
        T0,
    )


def test_rumour_then_confirmation_merges_and_confirms():
    rumour = new_deal(found(kind="rumor", amount=5e8, amount_usd=5e8, round=None), story("r"), T0)
    assert rumour.is_rumor
    later = T0 + timedelta(days=7)
    assert best_match([rumour], found(amount=5.2e8, amount_usd=5.2e8), later) is rumour
    merged = merge(
        rumour, found(amount=5.2e8, amount_usd=5.2e8, valuation=4.5e9), story("a", when=later)
    )
    assert not merged.is_rumor and merged.amount == 5.2e8 and merged.round == "series-c"
    assert merged.valuation == 4.5e9 and len(merged.sources) == 2


def test_merge_fills_fields_and_keeps_first_confirmed_amount():
    deal = new_deal(found(investors=("Alibaba",), lead_investors=("Alibaba",)), story(), T0)
    merged = merge(
        deal, found(amount=6.2e8, amount_usd=6.2e8, investors=("Temasek", "alibaba")), story("b")
    )
    assert merged.amount == 6e8
    assert merged.investors == ("Alibaba", "Temasek")


def test_credit_line_is_not_last_weeks_equity_round():
    equity = new_deal(
        found(company="OpenAI", amount=6.6e9, amount_usd=6.6e9, round=None), story(), T0
    )
    credit = found(company="OpenAI", amount=None, amount_usd=None, round="debt")
    assert not is_same_deal(equity, credit, T0 + timedelta(days=4))
    same_money = found(company="OpenAI", amount=6.6e9, amount_usd=6.6e9, round="debt")
    assert is_same_deal(equity, same_money, T0 + timedelta(days=4))


def test_valuation_separates_rounds_only_without_amounts():
    june = new_deal(
        found(
            company="Ramp",
            amount=None,
            amount_usd=None,
            round=None,
            valuation=16e9,
            valuation_currency="USD",
        ),
        story(),
        T0,
    )
    july = found(
        company="Ramp",
        amount=None,
        amount_usd=None,
        round=None,
        valuation=22.5e9,
        valuation_currency="USD",
    )
    assert not is_same_deal(june, july, T0 + timedelta(days=43))
    # same amount on both sides: a different valuation is pre- vs post-money, one round
    pre = new_deal(
        found(
            company="xAI",
            amount=6e9,
            amount_usd=6e9,
            round=None,
            valuation=18e9,
            valuation_currency="USD",
        ),
        story(),
        T0,
    )
    post = found(
        company="xAI",
        amount=6e9,
        amount_usd=6e9,
        round="series-b",
        valuation=24e9,
        valuation_currency="USD",
    )
    assert is_same_deal(pre, post, T0 + timedelta(days=4))


def test_short_form_of_a_name_needs_agreeing_amounts():
    full = new_deal(found(company="Colossal Biosciences", amount=2e8, amount_usd=2e8), story(), T0)
    assert is_same_deal(full, found(company="Colossal", amount=2e8, amount_usd=2e8), T0)
    assert not is_same_deal(full, found(company="Colossal", amount=None, amount_usd=None), T0)
    flow = new_deal(found(company="Wispr Flow", amount=3e7, amount_usd=3e7), story(), T0)
    assert not is_same_deal(flow, found(company="Flow", amount=3e7, amount_usd=3e7), T0)


def test_alias_merge_needs_agreeing_amounts():
    """A headline naming the product ("Cursor developer ...") joins the maker's deal only when
    both sides carry an amount and the amounts agree."""
    maker = found(company="Anysphere", aliases=("Cursor",), amount=9e8, amount_usd=9e8, round=None)
    deal = new_deal(maker, story(), T0)
    assert deal.aliases == ("Cursor",)
    by_product = found(company="Cursor", amount=9e8, amount_usd=9e8, round=None)
    assert is_same_deal(deal, by_product, T0 + timedelta(hours=1))
    assert best_match([deal], by_product, T0) is deal
    assert not is_same_deal(deal, found(company="Cursor", amount=None, amount_usd=None), T0)
    # the other way round: a deal named by the product, a story naming the maker and product
    product_deal = new_deal(by_product, story(), T0)
    assert is_same_deal(product_deal, maker, T0)
    unsized = found(company="Anysphere", aliases=("Cursor",), amount=None, amount_usd=None)
    assert not is_same_deal(product_deal, unsized, T0)


def test_alias_does_not_merge_two_rounds():
    """Two companies can ship a product of one name, and one company raises more than once."""
    deal = new_deal(
        found(company="Anysphere", aliases=("Cursor",), amount=9e8, amount_usd=9e8), story(), T0
    )
    later = found(company="Cursor", amount=2.3e9, amount_usd=2.3e9, round="series-d")
    assert not is_same_deal(deal, later, T0 + timedelta(days=5))
    other_maker = found(company="Cursor Robotics", amount=4e6, amount_usd=4e6, round="seed")
    assert not is_same_deal(deal, other_maker, T0)


def test_merge_keeps_the_makers_name_and_unions_aliases():
    product_deal = new_deal(found(company="Cursor", amount=9e8, amount_usd=9e8), story(), T0)
    maker = found(company="Anysphere", aliases=("Cursor", "Cursor Tab"), amount=9e8, amount_usd=9e8)
    merged = merge(product_deal, maker, story("second"))
    assert (merged.company, merged.company_key) == ("Anysphere", "anysphere")
    assert merged.aliases == ("Cursor", "Cursor Tab")
    # a later story naming the product again leaves the maker's name alone
    again = merge(merged, found(company="Cursor", amount=9e8, amount_usd=9e8), story("third"))
    assert (again.company, again.aliases) == ("Anysphere", ("Cursor", "Cursor Tab"))


def test_acronyms():
    from bot.match.same import acronym_of

    assert acronym_of("SSI", "Safe Superintelligence")  # Inc. dropped from the name
    assert acronym_of("TML", "Thinking Machines Lab")
    assert not acronym_of("SSI", "Superintelligence")  # one word has no acronym
    assert not acronym_of("Ssi", "Safe Superintelligence")
    assert not acronym_of("XYZ", "Safe Superintelligence")


def test_acronym_story_joins_the_deal_with_the_same_money(tmp_path):
    from bot.pipeline import ingest
    from bot.store import Store

    # Facts: Safe Superintelligence (SSI) raised $1B in September 2024.
    store = Store(str(tmp_path / "d.db"))
    when = datetime(2024, 9, 4, tzinfo=timezone.utc)
    full = Story("https://a.example/1", "Safe Superintelligence raises $1 billion", published=when)
    short = Story(
        "https://b.example/2",
        "Ilya Sutskever's SSI lands $1B from a16z and Sequoia",
        published=when,
    )
    other = Story("https://c.example/3", "SSI raises $40M seed", published=when)
    first = ingest(store, full, now=when, max_age=timedelta(days=1)).event.deal.id
    assert ingest(store, short, now=when, max_age=timedelta(days=1)).event.deal.id == first
    assert ingest(store, other, now=when, max_age=timedelta(days=1)).event.deal.id != first


def test_another_round_of_the_same_amount_a_week_later_is_a_second_deal(tmp_path):
    """Airbnb raised $1B on 6 April 2020 and another $1B (debt) on 14 April."""
    from bot.pipeline import ingest
    from bot.store import Store

    store = Store(str(tmp_path / "d.db"))
    apr7 = datetime(2020, 4, 7, 12, tzinfo=timezone.utc)
    apr15 = apr7 + timedelta(days=8)
    first = Story(
        "https://a.example/1", "Airbnb raises $1 billion from Silver Lake", published=apr7
    )
    again = Story("https://b.example/2", "Airbnb raises another $1bn", published=apr15)
    retold = Story("https://c.example/3", "Airbnb gets another $1 billion", published=apr15)
    one = ingest(store, first, now=apr7, max_age=timedelta(days=1)).event.deal.id
    two = ingest(store, again, now=apr15, max_age=timedelta(days=1)).event.deal.id
    assert two != one
    assert ingest(store, retold, now=apr15, max_age=timedelta(days=1)).event.deal.id == two
