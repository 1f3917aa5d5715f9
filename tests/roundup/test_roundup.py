from dataclasses import replace
from datetime import datetime, timedelta, timezone

from bot.models import Deal, Source
from bot.roundup.blocks import render_text
from bot.roundup.select import load, select
from bot.store import Store

END = datetime(2025, 6, 16, 7, tzinfo=timezone.utc)  # a Monday morning


def deal(company, usd, rnd, days_ago, status="confirmed", leads=(), investors=()):
    when = END - timedelta(days=days_ago)
    return Deal(
        company,
        company.lower(),
        status,
        when,
        amount=usd,
        currency="USD" if usd else None,
        amount_usd=usd,
        round=rnd,
        lead_investors=leads,
        investors=investors or leads,
        sources=[Source("TC", f"{company} raises", f"https://t.example/{company}", when)],
    )


# Three weeks of deals (facts of real rounds, dates moved into a fixed test calendar).
DEALS = [
    deal("Anduril", 2.5e9, "series-g", 1, leads=("Founders Fund",)),
    deal("Glean", 1.5e8, "series-f", 2, leads=("Wellington",), investors=("Wellington", "Khosla")),
    deal(
        "Harvey",
        3e8,
        "series-e",
        3,
        leads=("Kleiner Perkins",),
        investors=("Kleiner Perkins", "Khosla"),
    ),
    deal("Stealthco", None, "seed", 4),
    deal("Rumoured", 5e8, None, 2, status="rumor"),
    deal("LastWeek", 9e9, "series-c", 9),
    deal("TwoWeeksAgo", 1e6, "seed", 16),
]


def test_selection_totals_and_ranking():
    r = select(DEALS, END - timedelta(days=7), END)
    assert r.deals == 4 and r.total_usd == 2.5e9 + 1.5e8 + 3e8
    assert [d.company for d in r.top] == ["Anduril", "Harvey", "Glean"]  # unknown amount unranked
    assert ("seed", 1, 0.0) in r.by_round
    assert r.investors == (("Khosla", 2),)
    assert [d.company for d in r.rumours] == ["Rumoured"]
    text = render_text(r)
    assert (
        "4 deals" in text
        and "Anduril raises $2.5B Series G" in text
        and "Reported, not confirmed" in text
    )


def test_empty_week_is_one_friendly_line():
    r = select(DEALS, END + timedelta(days=30), END + timedelta(days=37))
    assert r.empty and render_text(r).count("\n") == 0 and "quiet week" in render_text(r)


def test_load_from_store_uses_the_period(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    with store.transaction() as db:
        for d in DEALS:
            store.save_deal(db, replace(d, id=None), prefix=d.company_key[:3], announce=True)
    r = load(store, end=END, days=7)
    assert r.deals == 4 and r.top[0].company == "Anduril"


def test_an_investor_under_two_names_is_counted_once_under_its_fuller_name():
    week = [
        deal("Glean", 1.5e8, "series-f", 2, leads=("Khosla",)),
        deal("Harvey", 3e8, "series-e", 3, leads=("Khosla Ventures",)),
        deal("Anduril", 2.5e9, "series-g", 1, leads=("a16z",)),
        deal("Mistral", 6e8, "series-b", 4, leads=("Andreessen Horowitz",)),
    ]
    r = select(week, END - timedelta(days=7), END)
    assert dict(r.investors) == {"Khosla Ventures": 2, "Andreessen Horowitz": 2}
