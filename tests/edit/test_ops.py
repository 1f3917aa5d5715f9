"""bot.edit.ops through the real pipeline: fixes stick through later stories, a dismissed deal
never comes back, merge then split gives back both deals, and two editors at once lose nothing.

Stories are our own sentences about real rounds: SenseTime's $600M Series C led by Alibaba
(April 2018) and Anysphere's $900M round at $9.9B led by Thrive Capital (June 2025; Anysphere
makes Cursor)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from bot.edit.ops import EditError, dismiss, edit, merge_deals, split
from bot.models import Story
from bot.pipeline import ingest
from bot.store import DealFilter, Store

APRIL = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)
JUNE = datetime(2025, 6, 5, 15, tzinfo=timezone.utc)


def story(n: int, title: str, when: datetime, summary: str = "", outlet: str = "Wire") -> Story:
    return Story(f"https://news.example/{n}", title, summary, published=when, outlet=outlet)


def add(store: Store, s: Story):
    return ingest(store, s, now=s.published or APRIL, max_age=timedelta(days=3))


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "d.db"))


@pytest.fixture
def sensetime(store: Store) -> int:
    outcome = add(store, story(1, "SenseTime raises $600M Series C led by Alibaba", APRIL))
    assert outcome.event is not None and outcome.event.deal.id is not None
    return outcome.event.deal.id


def test_a_fix_sticks_when_the_same_story_comes_from_another_outlet(store, sensetime) -> None:
    deal, changes = edit(store, sensetime, {"amount": (620e6, "USD")}, user="U1", note="press")
    assert [c.said() for c in changes] == ["amount $600M → $620M"]
    later = story(
        2,
        "China's SenseTime raises $600M in Series C funding led by Alibaba",
        APRIL + timedelta(hours=3),
        "Temasek and Suning also took part.",
    )
    outcome = add(store, later)
    assert outcome.event is not None and outcome.event.deal.id == sensetime
    after = store.deal(sensetime)
    assert after is not None
    assert after.amount == 620e6 and after.amount_usd == 620e6  # the fix stays
    assert "Temasek" in after.investors  # fields nobody corrected still fill in
    assert after.corrected == ("amount",)
    [row] = store.deal_corrections(sensetime)
    assert (row["field"], row["before"], row["after"], row["user"], row["note"]) == (
        "amount",
        "$600M",
        "$620M",
        "U1",
        "press",
    )
    assert "SenseTime raises $600M Series C led by Alibaba" in row["texts"]


def test_a_field_set_to_what_it_says_is_no_change(store, sensetime) -> None:
    _, changes = edit(store, sensetime, {"round": "series-c"}, user="U1")
    assert changes == [] and store.deal_corrections(sensetime) == []


def test_other_currencies_get_their_usd_figure_at_the_deal_date(store, sensetime) -> None:
    deal, _ = edit(store, sensetime, {"amount": (4e9, "CNY")}, user="U1")
    assert deal.currency == "CNY" and deal.amount_usd is not None
    assert 5.5e8 < deal.amount_usd < 7e8  # about 6.3 yuan to the dollar in April 2018
    assert deal.usd_basis and "2018-04" in deal.usd_basis


def test_a_dismissed_deal_leaves_answers_and_roundups_and_never_comes_back(
    store, sensetime
) -> None:
    dismiss(store, sensetime, user="U2")
    found, _ = store.find_deals(DealFilter(company_keys=("sensetime",)))
    assert found == []
    assert store.deals_between(APRIL - timedelta(days=1), APRIL + timedelta(days=1)) == []
    outcome = add(store, story(3, "SenseTime raises $600M Series C", APRIL + timedelta(hours=5)))
    assert outcome.new and outcome.event is None  # joined quietly: no card, no thread reply
    deal = store.deal(sensetime)
    assert deal is not None and deal.removed == "dismissed" and len(deal.sources) == 2
    assert store.unposted_deals("C1", APRIL - timedelta(days=7)) == []
    with pytest.raises(EditError, match="not a funding story"):
        edit(store, sensetime, {"round": "series-d"}, user="U1")


def anysphere_twice(store: Store) -> tuple[int, int]:
    """One round, two deals: the first story names the product, the second the company."""
    a = add(store, story(10, "AI coding app Cursor raises $900M led by Thrive Capital", JUNE))
    b = add(
        store,
        story(
            11,
            "Anysphere raises $900M at a $9.9B valuation",
            JUNE + timedelta(hours=2),
            "Andreessen Horowitz, Accel and DST Global took part.",
        ),
    )
    assert a.event and b.event and a.event.deal.id != b.event.deal.id
    return a.event.deal.id or 0, b.event.deal.id or 0


def fields(store: Store, deal_id: int) -> dict:
    deal = store.deal(deal_id)
    assert deal is not None
    return {
        "company": deal.company,
        "amount": deal.amount,
        "valuation": deal.valuation,
        "lead_investors": deal.lead_investors,
        "investors": deal.investors,
        "sources": [s.link for s in deal.sources],
        "removed": deal.removed,
    }


def test_merge_then_split_gives_back_both_deals(store) -> None:
    cursor, anysphere = anysphere_twice(store)
    before = {cursor: fields(store, cursor), anysphere: fields(store, anysphere)}

    survivor = merge_deals(store, cursor, anysphere, user="U3")
    assert survivor.id == anysphere and len(survivor.sources) == 2
    assert survivor.lead_investors == ("Thrive Capital",)  # filled from the merged deal
    assert "Cursor" in survivor.aliases
    gone = store.deal(cursor)
    assert gone is not None and gone.removed == "merged" and gone.merged_into == anysphere
    found, _ = store.find_deals(DealFilter(anywhere="Thrive"))
    assert [d.id for d in found] == [anysphere]
    # a later story naming the product joins the survivor, not the merged deal
    later = add(store, story(12, "Cursor raises $900M", JUNE + timedelta(hours=4)))
    assert later.event is not None and later.event.deal.id == anysphere

    moved = [r["story_id"] for r in store.source_rows(anysphere) if "/10" in r["link"]]
    left, back = split(store, anysphere, moved, user="U3")
    assert back.id == cursor and back.removed is None  # the merged deal itself comes back
    assert fields(store, cursor) == before[cursor]
    restored = fields(store, anysphere)
    assert restored["lead_investors"] == before[anysphere]["lead_investors"]
    assert restored["valuation"] == before[anysphere]["valuation"]
    assert left.id == anysphere and len(left.sources) == 2  # its own story and the later one


def test_split_makes_a_new_deal_from_stories_of_another_round(store, sensetime) -> None:
    # a second story a person says reports another round: it leaves with its own deal
    wrong = add(store, story(4, "SenseTime raises $600M", APRIL + timedelta(hours=1)))
    assert wrong.event and wrong.event.deal.id == sensetime
    store_rows = store.source_rows(sensetime)
    assert len(store_rows) == 2
    left, new = split(store, sensetime, [store_rows[1]["story_id"]], user="U4")
    assert new.id not in (None, sensetime) and len(new.sources) == 1 and len(left.sources) == 1
    assert new.id in store.unposted_deals("C1", APRIL - timedelta(days=7))  # it gets a card
    with pytest.raises(EditError, match="at least one story"):
        split(store, sensetime, [store_rows[0]["story_id"]], user="U4")
    with pytest.raises(EditError, match="Pick at least one"):
        split(store, sensetime, [999999], user="U4")


def test_merge_refuses_itself_and_unknown_deals(store, sensetime) -> None:
    with pytest.raises(EditError, match="itself"):
        merge_deals(store, sensetime, sensetime, user="U1")
    with pytest.raises(EditError, match="no deal 4242"):
        merge_deals(store, sensetime, 4242, user="U1")


def test_two_editors_at_once_lose_nothing(store, sensetime) -> None:
    """Different fields both stay; on the same field the last write wins and both are logged."""
    start = threading.Barrier(4)

    def fix(values: dict, user: str) -> None:
        start.wait()
        edit(store, sensetime, values, user=user)

    jobs = [
        threading.Thread(target=fix, args=({"location": "Hong Kong"}, "U1")),
        threading.Thread(target=fix, args=({"valuation": (4.5e9, "USD")}, "U2")),
        threading.Thread(target=fix, args=({"amount": (620e6, "USD")}, "U3")),
        threading.Thread(target=fix, args=({"amount": (610e6, "USD")}, "U4")),
    ]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    deal = store.deal(sensetime)
    assert deal is not None
    assert deal.location == "Hong Kong" and deal.valuation == 4.5e9
    rows = store.deal_corrections(sensetime)
    amount_rows = [r for r in rows if r["field"] == "amount"]
    assert len(rows) == 4 and len(amount_rows) == 2
    last = amount_rows[-1]["after"]
    assert deal.amount == {"$620M": 620e6, "$610M": 610e6}[last]
    assert amount_rows[-1]["before"] == amount_rows[0]["after"]  # the second saw the first
