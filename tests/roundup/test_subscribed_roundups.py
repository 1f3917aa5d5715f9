"""A subscribed channel's own weekly roundup (`/deal subscribe sector:fintech roundup:weekly`):
only the deals its filters pass, once per period, beside the main channel's. Our own
sentences about real rounds (Ramp, June 2025; Figure, February 2025)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from fakeslack import FakeSlack

from bot.config import Settings
from bot.lookup.subscriptions import parse_filters, to_json
from bot.models import Story
from bot.pipeline import ingest
from bot.roundup.job import post_roundups
from bot.slack.client import make_client
from bot.store import Store

WHEN = datetime(2025, 6, 10, 12, tzinfo=timezone.utc)


def test_a_subscribed_channel_gets_its_own_filtered_roundup_once(tmp_path) -> None:
    store = Store(str(tmp_path / "r.db"))
    for n, title in enumerate(
        [
            "Ramp raises $200M Series E for its corporate card and expense management platform",
            "Figure raises $675M Series C to build humanoid robots",
        ]
    ):
        when = WHEN + timedelta(hours=n)
        ingest(
            store,
            Story(f"https://news.example/{n}", title, published=when, outlet="W"),
            now=when,
            max_age=timedelta(days=3),
        )
    store.set_subscription("C0FIN", to_json(parse_filters("sector:fintech roundup:weekly")), "U1")
    store.set_subscription("C0ALL", to_json(parse_filters("min:1M")), "U1")  # no roundup asked
    with FakeSlack() as fake:
        settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.api_url)
        client = make_client(settings)
        end = WHEN + timedelta(days=2)
        for _ in range(2):  # the second time: nothing again
            post_roundups(store, client, "C0DEALS", period="2025-06-12T09:00:00+00:00", end=end)
        main = [m for m in fake.history["C0DEALS"] if m.get("metadata")]
        fin = [m for m in fake.history["C0FIN"] if m.get("metadata")]
        assert len(main) == 1 and len(fin) == 1
        assert "C0ALL" not in fake.history or not fake.history["C0ALL"]
        assert "Figure" in json.dumps(main[0]["blocks"]) and "Ramp" in json.dumps(main[0]["blocks"])
        assert "Ramp" in json.dumps(fin[0]["blocks"]) and "Figure" not in json.dumps(
            fin[0]["blocks"]
        )
