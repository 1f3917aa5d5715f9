import io
from datetime import datetime, timezone

from bot.match.merge import new_deal
from bot.models import Event, Extraction, Story
from bot.publish.console import ConsolePublisher
from bot.store import Store

WHEN = datetime(2024, 6, 11, tzinfo=timezone.utc)


def make(store):
    story = Story("https://t.example/m", "Mistral AI raises €600M", published=WHEN, outlet="TC")
    found = Extraction(kind="funding", company="Mistral AI", amount=6e8, currency="EUR")
    deal = new_deal(found, story, WHEN)
    with store.transaction() as db:
        store.save_deal(db, deal, prefix="mis", announce=True)
    return deal, story


def test_card_printed_once_then_updates(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    deal, story = make(store)
    out = io.StringIO()
    publisher = ConsolePublisher(store, out)
    publisher.publish([Event("new", deal, story, fresh=True)])
    publisher.publish([Event("new", deal, story, fresh=True)])  # a replay prints nothing new
    other = Story(
        "https://eu.example/m", "Paris-based Mistral AI secures €600M", outlet="EU-Startups"
    )
    publisher.publish([Event("update", deal, other, fresh=True)])
    text = out.getvalue()
    assert text.count("Mistral AI raises €600M\n") == 1
    assert "EU-Startups reports it too" in text


def test_stale_deal_not_printed(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    deal, story = make(store)
    out = io.StringIO()
    ConsolePublisher(store, out).publish([Event("new", deal, story, fresh=False)])
    assert out.getvalue() == ""
