"""Product names a headline ties to the company, and deals found through them."""

from datetime import datetime, timedelta, timezone

import pytest

from bot.extract.aliases import aliases_in
from bot.extract.engine import extract
from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store


@pytest.mark.parametrize(
    "title, company, aliases",
    [
        # "<Product> maker|developer|owner|parent|operator <Company>"
        (
            "Cursor maker Anysphere lands $900M as its code editor takes off",
            "Anysphere",
            ("Cursor",),
        ),
        ("Cursor Maker Anysphere Raises $900M At $9.9B Valuation", "Anysphere", ("Cursor",)),
        ("ChatGPT maker OpenAI closes $6.6B round at a $157B valuation", "OpenAI", ("ChatGPT",)),
        ("Claude developer Anthropic secures $4B more from Amazon", "Anthropic", ("Claude",)),
        ("TikTok owner ByteDance is said to raise $5B for buybacks", "ByteDance", ("TikTok",)),
        (
            "Axie Infinity maker Sky Mavis picks up $150M after a hack",
            "Sky Mavis",
            ("Axie Infinity",),
        ),
        ("Karrot operator Danggeun Market raises 180 billion won", "Danggeun Market", ("Karrot",)),
        # "<Company>, (the) maker|developer of <Product>" and "the company behind <Product>"
        ("Anysphere, the maker of Cursor, books a $900M Series C", "Anysphere", ("Cursor",)),
        ("Anysphere, maker of Cursor, secures $900 million", "Anysphere", ("Cursor",)),
        ("Anthropic, developer of Claude, raises $4B", "Anthropic", ("Claude",)),
        ("Anysphere, the company behind Cursor, raises $900M", "Anysphere", ("Cursor",)),
        # "<Company> (<Product>)"
        ("Anysphere (Cursor) raises $900M led by Thrive", "Anysphere", ("Cursor",)),
        ("Perplexity AI (Perplexity) raises $500M", "Perplexity AI", ("Perplexity",)),
        # a descriptor run before the product is not part of it
        ("AI Coding Startup Cursor Maker Anysphere Raises $900M", "Anysphere", ("Cursor",)),
        # not a product: a kind of product, an accelerator batch, a generic word, an investor
        ("Smartphone maker Nothing raises $200 million", "Nothing", ()),
        ("E-bike maker Cowboy raises a small funding round", "Cowboy", ()),
        ("Acme (YC W24) raises $3M seed", "Acme", ()),
        ("AI startup maker Foo raises $3M", "Foo", ()),
        ("Sequoia-backed Acme raises $10M", "Acme", ()),
        ("Bessemer leads $20M round in Acme", "Acme", ()),
        # the product must be tied to the extracted company, and a plain headline has none
        ("Cursor maker Anysphere raises $900M", "Thrive", ()),
        ("Cursor developer hauls in $900 million as AI coding tools boom", "Cursor", ()),
        ("Mistral AI raises €1.7B led by ASML", "Mistral AI", ()),
        ("Cursor maker Anysphere raises $900M", None, ()),
        # more than three capitalised words is a sentence in Title Case, not a product
        ("Blue Heron Quill Nest Maker Acme Raises $5M", "Acme", ()),
    ],
)
def test_aliases_in(title, company, aliases):
    assert aliases_in(title, company) == aliases


def test_extraction_carries_aliases():
    found = extract("Cursor maker Anysphere raises $900M at a $9.9B valuation", "", "")
    assert (found.company, found.aliases) == ("Anysphere", ("Cursor",))
    assert extract("Acme raises $5M seed", "", "").aliases == ()


T0 = datetime(2025, 6, 5, 15, tzinfo=timezone.utc)
FOREVER = timedelta(days=36500)


def _ingest(store, title, minutes):
    when = T0 + timedelta(minutes=minutes)
    story = Story(link=f"https://example.com/{minutes}", title=title, published=when)
    return ingest(store, story, now=when, max_age=FOREVER).event


@pytest.mark.parametrize("product_first", [False, True])
def test_story_naming_the_product_joins_the_makers_deal(tmp_path, product_first):
    """Either order: the product-named story finds the deal through the alias index, and the
    deal keeps the maker's name."""
    store = Store(str(tmp_path / "a.db"))
    titles = [
        "Cursor maker Anysphere raises $900M at a $9.9B valuation",
        "Cursor developer hauls in $900 million as AI coding tools boom",
    ]
    if product_first:
        titles.reverse()
    first, second = (_ingest(store, t, i) for i, t in enumerate(titles))
    assert second.kind == "update" and second.deal.id == first.deal.id
    deal = store.deal(first.deal.id)
    assert (deal.company, deal.aliases) == ("Anysphere", ("Cursor",))
    assert deal.company_key == "anysphere"
    rows = store.db.execute("select alias_key, alias_prefix from company_aliases").fetchall()
    assert rows == [("cursor", "cur")]


def test_product_named_story_with_another_amount_is_another_deal(tmp_path):
    store = Store(str(tmp_path / "a.db"))
    first = _ingest(store, "Cursor maker Anysphere raises $900M at a $9.9B valuation", 0)
    other = _ingest(store, "Cursor developer raises $40 million", 60)
    assert other.kind == "new" and other.deal.id != first.deal.id


def test_alias_lookup_uses_the_index(tmp_path):
    store = Store(str(tmp_path / "a.db"))
    plan = store.db.execute(
        "explain query plan select a.deal_id, a.alias_key, d.company from company_aliases a "
        "join deals d on d.id = a.deal_id where a.alias_prefix = ? and a.announced between ? and ?",
        ["cur", "2025", "2026"],
    ).fetchall()
    text = " ".join(str(row[-1]) for row in plan)
    assert "USING INDEX" in text and "SCAN" not in text.replace("SCAN d", "")
