"""A card's menu end to end: signed block_actions, view_submission and block_suggestion requests
through the real bolt App over HTTP (127.0.0.1), against the fake Slack, with cards posted in
two channels by the real publisher.

Deals are our own sentences about real rounds: SenseTime's $600M Series C led by Alibaba (April
2018), and Anysphere's $900M round at $9.9B led by Thrive Capital (June 2025), reported once
under its product's name (Cursor) and once under the company's."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest
from fakeslack import FakeSlack, sign_request
from wsgi import serve_app

from bot.config import Settings
from bot.models import Story
from bot.pipeline import ingest
from bot.publish import forms
from bot.publish.cards import ACTION_MENU
from bot.publish.slack import SlackPublisher
from bot.slack.app import create_app
from bot.slack.client import make_client
from bot.store import Store

SECRET = "s3cret-fix"
CHANNELS = ("C0DEALS", "C0FUNDS")
APRIL = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)
JUNE = datetime(2025, 6, 5, 15, tzinfo=timezone.utc)


@dataclass
class Running:
    url: str
    fake: FakeSlack
    store: Store
    deals: dict[str, int]

    def send(self, payload: dict) -> tuple[int, str]:
        body = urlencode({"payload": json.dumps(payload)})
        req = urllib.request.Request(
            self.url, data=body.encode(), headers=sign_request(body, SECRET), method="POST"
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def pick(self, what: str, deal: str, user: str = "U1", channel: str = CHANNELS[0]) -> int:
        card = self.card(deal, channel)
        payload = {
            "type": "block_actions",
            "team": {"id": "T0DEALBOT"},
            "user": {"id": user},
            "api_app_id": "A0DEALBOT",
            "token": "legacy",
            "trigger_id": "12.34.abc",
            "channel": {"id": channel},
            "container": {"type": "message", "message_ts": card["ts"], "channel_id": channel},
            "message": card,
            "actions": [
                {
                    "type": "overflow",
                    "action_id": ACTION_MENU,
                    "block_id": "menu",
                    "selected_option": {"value": f"{what}:{self.deals[deal]}"},
                    "action_ts": "1",
                }
            ],
        }
        return self.send(payload)[0]

    def submit(self, view: dict, values: dict, user: str = "U1") -> tuple[int, dict]:
        payload = {
            "type": "view_submission",
            "team": {"id": "T0DEALBOT"},
            "user": {"id": user},
            "api_app_id": "A0DEALBOT",
            "token": "legacy",
            "trigger_id": "12.35.abc",
            "view": {**view, "id": "V1", "state": {"values": values}},
        }
        status, body = self.send(payload)
        return status, json.loads(body) if body.strip() else {}

    def card(self, deal: str, channel: str = CHANNELS[0]) -> dict:
        row = self.store.post(self.deals[deal], channel)
        assert row is not None
        return next(m for m in self.fake.history[channel] if m["ts"] == row["ts"])

    def thread(self, deal: str, channel: str = CHANNELS[0]) -> list[str]:
        ts = self.card(deal, channel)["ts"]
        return [
            m["text"]
            for m in self.fake.history[channel]
            if m.get("thread_ts") == ts and m["ts"] != ts
        ]


def text_values(view: dict, **changes: str) -> dict:
    """The state Slack sends back for a Fix form: the prefilled values, some changed."""
    values = {}
    for block in view["blocks"]:
        element = block.get("element") or {}
        name = block["block_id"]
        if element.get("type") == "static_select":
            chosen = changes.get(name, (element.get("initial_option") or {}).get("value"))
            option = {"value": chosen} if chosen else None
            values[name] = {"value": {"type": "static_select", "selected_option": option}}
        else:
            text = changes.get(name, element.get("initial_value"))
            values[name] = {"value": {"type": "plain_text_input", "value": text}}
    return values


def start(tmp_path, **settings: object) -> Iterator[Running]:
    store = Store(str(tmp_path / "fix.db"))
    stories = {
        "sensetime": Story(
            "https://news.example/sensetime",
            "SenseTime raises $600M Series C led by Alibaba",
            "Temasek and Suning also invested.",
            published=APRIL,
            outlet="Wire",
        ),
        "cursor": Story(
            "https://news.example/cursor",
            "AI coding app Cursor raises $900M led by Thrive Capital",
            published=JUNE,
            outlet="Daily",
        ),
        "anysphere": Story(
            "https://news.example/anysphere",
            "Anysphere raises $900M at a $9.9B valuation",
            "Andreessen Horowitz, Accel and DST Global took part.",
            published=JUNE + timedelta(hours=2),
            outlet="Wire",
        ),
    }
    deals = {}
    for name, story in stories.items():
        outcome = ingest(store, story, now=story.published or APRIL, max_age=timedelta(days=3))
        assert outcome.event is not None
        deals[name] = outcome.event.deal.id
    assert len(set(deals.values())) == 3
    with FakeSlack() as fake:
        config = Settings(
            slack_bot_token="xoxb-test",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            post_interval=0,
            **settings,  # type: ignore[arg-type]
        )
        client = make_client(config)
        for channel in CHANNELS:
            publisher = SlackPublisher(store, client, channel, post_interval=0)
            for deal_id in deals.values():
                assert publisher.post_card(deal_id)
        with serve_app(create_app(config, store)) as base:
            yield Running(f"{base}/slack/events", fake, store, deals)


@pytest.fixture
def running(tmp_path) -> Iterator[Running]:
    yield from start(tmp_path)


def test_every_card_has_the_menu_within_block_kit_limits(running: Running) -> None:
    card = running.card("sensetime")
    [menu] = [
        b["accessory"]
        for b in card["blocks"]
        if (b.get("accessory") or {}).get("type") == "overflow"
    ]
    labels = [o["text"]["text"] for o in menu["options"]]
    assert labels == [
        "Fix this deal",
        "Not a funding story",
        "Merge into another deal",
        "Split sources",
        "Copy details",
    ]
    assert len(menu["options"]) <= 5 and len(card["blocks"]) <= 50


def test_fix_opens_a_prefilled_form_and_updates_every_card(running: Running) -> None:
    assert running.pick("fix", "sensetime") == 200
    [opened] = running.fake.wait_for_calls("views.open")
    assert opened.params["trigger_id"] == "12.34.abc"
    [view] = running.fake.views
    prefilled = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert prefilled["amount"]["initial_value"] == "$600M"
    assert prefilled["round"]["initial_option"]["value"] == "series-c"
    assert prefilled["lead_investors"]["initial_value"] == "Alibaba"

    values = text_values(view, amount="$620M", note="The company's own release says $620M.")
    status, answer = running.submit(view, values)
    assert (status, answer) == (200, {})
    updates = running.fake.wait_for_calls("chat.update", count=len(CHANNELS))
    assert {c.params["channel"] for c in updates} == set(CHANNELS)
    for channel in CHANNELS:
        assert "SenseTime raises $620M Series C" in json.dumps(running.card("sensetime", channel))
    running.fake.wait_for_calls("chat.postMessage", count=3 * len(CHANNELS) + len(CHANNELS))
    for channel in CHANNELS:
        [note] = running.thread("sensetime", channel)
        assert note.startswith(":pencil2: Fixed by <@U1>: amount $600M → $620M")
        assert "own release says $620M" in note
    deal = running.store.deal(running.deals["sensetime"])
    assert deal is not None and deal.amount == 620e6 and deal.corrected == ("amount",)
    [row] = running.store.deal_corrections(running.deals["sensetime"])
    assert row["team_id"] == "T0DEALBOT" and row["user"] == "U1"


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("company", ""),
        ("company", "<!channel> Corp"),
        ("amount", "six hundred-ish"),
        ("amount", "$600M or $620M"),
        ("round", "series-z"),
        ("valuation", "very high"),
        ("lead_investors", "<@U123>"),
        ("investors", ", ".join(f"Fund {i}" for i in range(40))),
        ("location", "x" * 300),
    ],
)
def test_a_bad_value_comes_back_as_an_error_on_its_field(
    running: Running, field: str, bad: str
) -> None:
    assert running.pick("fix", "sensetime") == 200
    running.fake.wait_for_calls("views.open")
    [view] = running.fake.views
    status, answer = running.submit(view, text_values(view, **{field: bad}))
    assert status == 200
    assert answer["response_action"] == "errors" and list(answer["errors"]) == [field]
    deal = running.store.deal(running.deals["sensetime"])
    assert deal is not None and deal.amount == 600e6 and deal.corrected == ()
    assert running.fake.calls_to("chat.update") == []


def test_two_people_fixing_different_fields_keep_both(running: Running) -> None:
    running.pick("fix", "sensetime", user="U1")
    running.pick("fix", "sensetime", user="U2")
    running.fake.wait_for_calls("views.open", count=2)
    first, second = running.fake.views  # both opened before either saved
    assert running.submit(first, text_values(first, amount="$620M"), user="U1")[0] == 200
    assert running.submit(second, text_values(second, location="Hong Kong"), user="U2")[0] == 200
    running.fake.wait_for_calls("chat.update", count=2 * len(CHANNELS))
    deal = running.store.deal(running.deals["sensetime"])
    assert deal is not None and deal.amount == 620e6 and deal.location == "Hong Kong"
    notes = running.thread("sensetime")
    assert any("<@U1>: amount" in n for n in notes) and any("<@U2>: location" in n for n in notes)


def test_not_a_funding_story_takes_the_card_down_everywhere(running: Running) -> None:
    assert running.pick("dismiss", "sensetime", user="U7") == 200
    running.fake.wait_for_calls("chat.update", count=len(CHANNELS))
    for channel in CHANNELS:
        card = running.card("sensetime", channel)
        assert "Removed by <@U7> (not a funding story)" in card["text"]
        assert "overflow" not in json.dumps(card["blocks"])
    deal = running.store.deal(running.deals["sensetime"])
    assert deal is not None and deal.removed == "dismissed"


def test_dismiss_can_delete_the_cards_instead(tmp_path) -> None:
    for running in start(tmp_path, dismiss_mode="delete"):
        assert running.pick("dismiss", "sensetime") == 200
        running.fake.wait_for_calls("chat.delete", count=len(CHANNELS))
        texts = json.dumps(running.fake.history)
        assert "SenseTime" not in texts


def test_merge_searches_as_you_type_then_split_brings_the_card_back(running: Running) -> None:
    assert running.pick("merge", "cursor") == 200
    running.fake.wait_for_calls("views.open")
    [view] = running.fake.views
    status, body = running.send(
        {
            "type": "block_suggestion",
            "team": {"id": "T0DEALBOT"},
            "user": {"id": "U1"},
            "api_app_id": "A0DEALBOT",
            "token": "legacy",
            "action_id": forms.MERGE_TARGET,
            "block_id": "target",
            "value": "Anysphere",
            "view": {**view, "id": "V1"},
        }
    )
    options = json.loads(body)["options"]
    assert status == 200 and options
    assert options[0]["value"] == str(running.deals["anysphere"])
    assert all(o["value"] != str(running.deals["cursor"]) for o in options)
    assert all(len(o["text"]["text"]) <= 75 for o in options)

    target = {"target": {forms.MERGE_TARGET: {"selected_option": options[0]}}}
    assert running.submit(view, target)[0] == 200
    running.fake.wait_for_calls("chat.update", count=2 * len(CHANNELS))
    running.fake.wait_for_calls("chat.postMessage", count=5 * len(CHANNELS))  # cards, then notes
    for channel in CHANNELS:
        gone = running.card("cursor", channel)["text"]
        assert "Merged by <@U1> into <http://127.0.0.1" in gone and f"/archives/{channel}/" in gone
        assert "Thrive Capital" in json.dumps(running.card("anysphere", channel)["blocks"])
        assert running.thread("anysphere", channel)[-1].startswith(
            ":link: Merged by <@U1>: 1 story"
        )
        [pointer] = running.thread("cursor", channel)
        assert pointer.startswith(":link: Merged by <@U1>: this round's card is now <http")

    assert running.pick("split", "anysphere") == 200
    running.fake.wait_for_calls("views.open", count=2)
    split_view = running.fake.views[-1]
    [element] = [b["element"] for b in split_view["blocks"]]
    cursor_story = next(o for o in element["options"] if "Cursor" in o["text"]["text"])
    chosen = {"stories": {"value": {"selected_options": [cursor_story]}}}
    assert running.submit(split_view, chosen)[0] == 200
    running.fake.wait_for_calls("chat.update", count=4 * len(CHANNELS))
    for channel in CHANNELS:
        back = running.card("cursor", channel)
        assert "Cursor raises $900M" in back["text"] and "Merged" not in back["text"]
        assert "overflow" in json.dumps(back["blocks"])
    deal = running.store.deal(running.deals["cursor"])
    assert deal is not None and deal.removed is None and len(deal.sources) == 1


def test_split_needs_two_stories_and_copy_details_answers_privately(running: Running) -> None:
    assert running.pick("split", "sensetime") == 200
    running.fake.wait_for_calls("chat.postEphemeral")
    assert running.pick("copy", "sensetime", user="U5") == 200
    running.fake.wait_for_calls("chat.postEphemeral", count=2)
    nothing, details = running.fake.ephemeral
    assert "nothing to split" in nothing["text"]
    assert details["user"] == "U5" and details["text"].startswith("```SenseTime raises $600M")
    assert "https://news.example/sensetime" in details["text"]
    assert running.fake.views == []


def test_editors_only_when_set_and_refusals_say_who_may(tmp_path) -> None:
    for running in start(tmp_path, editors=("U9", "S0EDIT")):
        running.fake.groups["S0EDIT"] = ["U3"]
        assert running.pick("fix", "sensetime", user="U1") == 200
        running.fake.wait_for_calls("chat.postEphemeral")
        [refusal] = running.fake.ephemeral
        assert refusal["user"] == "U1"
        assert refusal["text"] == (
            "Only <@U9>, <!subteam^S0EDIT> may change deals here (DEALBOT_EDITORS)."
        )
        assert running.fake.views == []
        assert running.pick("fix", "sensetime", user="U3") == 200  # a member of the group
        running.fake.wait_for_calls("views.open")
        # a form submitted by someone who may not (a crafted request) changes nothing
        view = running.fake.views[0]
        status, answer = running.submit(view, text_values(view, amount="$1B"), user="U1")
        assert answer["response_action"] == "errors"
        deal = running.store.deal(running.deals["sensetime"])
        assert deal is not None and deal.amount == 600e6


def test_a_correction_survives_the_next_poll_of_the_same_story(running: Running) -> None:
    running.pick("fix", "sensetime")
    running.fake.wait_for_calls("views.open")
    [view] = running.fake.views
    running.submit(view, text_values(view, lead_investors="Alibaba Group"))
    running.fake.wait_for_calls("chat.update", count=len(CHANNELS))
    again = Story(
        "https://other.example/sensetime-c",
        "SenseTime raises $600M in Series C round led by Alibaba",
        "Qualcomm also joined.",
        published=APRIL + timedelta(hours=6),
        outlet="Other",
    )
    outcome = ingest(
        running.store, again, now=APRIL + timedelta(hours=7), max_age=timedelta(days=3)
    )
    assert outcome.event is not None
    deal = running.store.deal(running.deals["sensetime"])
    assert deal is not None
    assert deal.lead_investors == ("Alibaba Group",)
    assert "Alibaba" not in deal.investors[1:]
