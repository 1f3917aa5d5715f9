import sqlite3
import threading
from datetime import datetime, timezone

from bot.match.merge import new_deal
from bot.models import Extraction, Story
from bot.store import Store
from bot.store.schema import migrations


def test_schema_migrated_once_and_wal(tmp_path):
    path = str(tmp_path / "d.db")
    Store(path)
    store = Store(path)  # second open applies nothing new
    assert {"feeds", "stories", "deals", "deal_sources", "posts", "deals_fts"} <= set(
        store.db.table_names()
    )
    applied = [m.name for m in migrations.applied(store.db)]
    assert applied[0] == "m001_initial" and len(applied) == len(set(applied))
    assert migrations.pending(store.db) == []
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_feeds_add_remove_and_errors(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    store.sync_feeds([("https://a.example/feed", "A")])
    assert store.add_feed("https://b.example/feed", "B")
    assert not store.add_feed("https://b.example/feed", "B")
    assert store.remove_feed("https://a.example/feed")
    store.sync_feeds([("https://a.example/feed", "A")])  # the file does not bring it back
    assert [f["url"] for f in store.feeds()] == ["https://b.example/feed"]
    store.record_fetch("https://b.example/feed", ok=False, error="HTTP 500")
    store.record_fetch("https://b.example/feed", ok=False, error="HTTP 500")
    feed = store.feeds()[0]
    assert feed["failures"] == 2 and feed["last_error"] == "HTTP 500"
    store.record_fetch("https://b.example/feed", ok=True, etag='"x"')
    feed = store.feeds()[0]
    assert feed["failures"] == 0 and feed["etag"] == '"x"' and feed["last_success"]


def test_deal_round_trip_and_fts(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    when = datetime(2018, 4, 9, tzinfo=timezone.utc)
    story = Story("https://t.example/a", "SenseTime raises $600M", published=when, outlet="TC")
    found = Extraction(
        kind="funding",
        company="SenseTime",
        amount=6e8,
        currency="USD",
        investors=("Alibaba", "Temasek"),
        lead_investors=("Alibaba",),
    )
    deal = new_deal(found, story, when)
    with store.transaction() as db:
        sid = store.add_story(db, story, "t.example/a", "funding", {}, when)
        store.save_deal(db, deal, prefix="sen", announce=True)
        store.add_source(db, deal.id, sid, story)
    again = store.deal(deal.id)
    assert again.company == "SenseTime" and again.investors == ("Alibaba", "Temasek")
    assert again.sources[0].outlet == "TC"
    hits = list(
        store.db.query("select rowid from deals_fts where deals_fts match ?", ['"temasek"'])
    )
    assert hits and store.known_story("t.example/a", None)


def test_connections_per_thread(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    errors = []

    def work(n):
        try:
            for i in range(20):
                store.add_feed(f"https://x{n}.example/{i}")
        except sqlite3.Error as exc:  # pragma: no cover - the failure we guard against
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(5)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors and len(store.feeds()) == 100


def test_deals_of_an_amount_near_a_date_are_found_through_the_date(tmp_path):
    """One amount range can hold years of deals; a date window holds days' worth."""
    from datetime import datetime, timedelta, timezone

    store = Store(str(tmp_path / "d.db"))
    day = datetime(2024, 9, 4, tzinfo=timezone.utc)
    sql = (
        "explain query plan select id from deals indexed by idx_deals_announced_amount_usd "
        "where announced between ? and ? and amount_usd between ? and ?"
    )
    plan = " ".join(r[3] for r in store.db.execute(sql, ["a", "b", 1, 2]).fetchall())
    assert "INDEX idx_deals_announced_amount_usd (announced>? AND announced<?)" in plan
    assert store.same_money_names(1e9, day - timedelta(days=7), day + timedelta(days=7)) == []


def test_old_stories_are_pruned_and_deals_keep_their_sources(tmp_path):
    """Issue 17, item 12: stories first seen before the cut go; deals, their sources' links
    and posts stay; the database gives the space back."""
    from datetime import timedelta

    from bot.models import Story
    from bot.pipeline import ingest

    store = Store(str(tmp_path / "d.db"))
    old = datetime(2025, 1, 10, tzinfo=timezone.utc)
    new = old + timedelta(days=400)
    for when, link in ((old, "https://a.example/old"), (new, "https://a.example/new")):
        story = Story(link, f"Acme{when.year} raises $5M seed", published=when, outlet="Wire")
        ingest(store, story, now=when, max_age=timedelta(days=1))
    first = store.deals()[-1]
    store.add_post(first.id or 0, "C1")
    assert store.prune_stories(new - timedelta(days=365)) == 1
    assert store.count("stories") == 1 and store.count("deals") == 2
    kept = store.deal(first.id or 0)
    assert kept is not None and [s.link for s in kept.sources] == ["https://a.example/old"]
    assert store.has_post(first.id or 0, "C1")
    assert store.db.execute("pragma auto_vacuum").fetchone()[0] == 2  # incremental
    assert store.prune_stories(new - timedelta(days=365)) == 0
