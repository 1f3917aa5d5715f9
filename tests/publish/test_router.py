"""bot.publish.router: which channel gets which event. DEALBOT_CHANNEL gets everything, a
subscribed channel what passes its filters, and one channel's failure never stops another."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.keys import company_key, key_prefix
from bot.lookup.subscriptions import parse_filters, to_json
from bot.match.merge import new_deal
from bot.models import Event, Extraction, Story
from bot.publish.router import ChannelRouter
from bot.store import Store

WHEN = datetime(2024, 6, 11, 9, 0, tzinfo=timezone.utc)


class Recorder:
    """A channel publisher that remembers what it was handed."""

    def __init__(self, channel: str, accepts: Callable[[int], bool] | None, log: dict) -> None:
        self.channel, self.accepts, self.log = channel, accepts, log

    def publish(self, events: Sequence[Event]) -> None:
        if self.channel == "CBROKEN":
            raise RuntimeError("this channel's Slack is down")
        self.log.setdefault(self.channel, []).extend(e.deal.company for e in events)

    def settle_pending(self) -> None:
        self.log.setdefault("settled", []).append(self.channel)

    def catch_up(self) -> None:
        pass


def event(store: Store, company: str, usd: float, round_: str) -> Event:
    found = Extraction("funding", company, None, usd, "USD", usd, round_)
    story = Story(f"https://news.example/{company}", f"{company} raises", published=WHEN)
    deal = new_deal(found, story, WHEN)
    with store.transaction() as db:
        sid = store.add_story(db, story, story.link, "funding", {}, WHEN)
        store.save_deal(db, deal, prefix=key_prefix(company_key(company)), announce=True)
        store.add_source(db, deal.id or 0, sid, story)
    return Event("new", deal, story, fresh=True)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "r.db"))


def subscribe(store: Store, channel: str, filters: str) -> None:
    store.set_subscription(channel, to_json(parse_filters(filters, channel=channel)), "U1")


def test_default_channel_gets_all_and_subscribers_their_share(store: Store) -> None:
    subscribe(store, "CSEED", "round:seed")
    log: dict = {}
    router = ChannelRouter(store, lambda ch, acc: Recorder(ch, acc, log), "CALL")
    # Mistral AI's Series B (June 2024) and a seed round
    router.publish(
        [event(store, "Mistral AI", 640e6, "series-b"), event(store, "Lizcore", 2e6, "seed")]
    )
    assert log["CALL"] == ["Mistral AI", "Lizcore"]
    assert log["CSEED"] == ["Lizcore"]


def test_one_broken_channel_does_not_stop_the_others(store: Store) -> None:
    subscribe(store, "CBROKEN", "")
    log: dict = {}
    router = ChannelRouter(store, lambda ch, acc: Recorder(ch, acc, log), "CALL")
    router.publish([event(store, "Helsing", 487e6, "series-c")])
    assert log["CALL"] == ["Helsing"]
    router.settle_pending()
    assert set(log["settled"]) == {"CALL", "CBROKEN"}


def test_only_the_default_channel_publishes_without_filters(store: Store) -> None:
    made: dict = {}
    router = ChannelRouter(
        store, lambda ch, acc: made.setdefault(ch, Recorder(ch, acc, {})), "CALL"
    )
    subscribe(store, "CSEED", "round:seed")
    router.settle_pending()
    assert made["CALL"].accepts is None and made["CSEED"].accepts is not None
