"""`dealbot deal show|edit|dismiss|merge|split` and `dealbot corrections export`: the card menu's
operations from the terminal, with cards in the fake Slack updated when a token is set.

Our own sentences about real rounds: SenseTime's $600M Series C led by Alibaba (April 2018);
Anysphere's $900M at $9.9B led by Thrive Capital (June 2025), makers of Cursor."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from fakeslack import FakeSlack

from bot.cli import main
from bot.config import Settings
from bot.models import Story
from bot.pipeline import ingest
from bot.publish.slack import SlackPublisher
from bot.slack.client import make_client
from bot.store import Store

APRIL = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)
JUNE = datetime(2025, 6, 5, 15, tzinfo=timezone.utc)
STORIES = [
    ("sensetime", "SenseTime raises $600M Series C led by Alibaba", APRIL),
    ("cursor", "AI coding app Cursor raises $900M led by Thrive Capital", JUNE),
    ("anysphere", "Anysphere raises $900M at a $9.9B valuation", JUNE + timedelta(hours=2)),
]


@pytest.fixture
def deals(cli_env) -> dict[str, int]:
    store = Store(str(cli_env / "d.db"))
    out = {}
    for name, title, when in STORIES:
        story = Story(f"https://news.example/{name}", title, published=when, outlet="Wire")
        event = ingest(store, story, now=when, max_age=timedelta(days=3)).event
        assert event is not None and event.deal.id is not None
        out[name] = event.deal.id
    store.close()
    return out


def open_store(tmp_path) -> Store:
    return Store(str(tmp_path / "d.db"))


def test_edit_show_and_export(deals, tmp_path, capsys) -> None:
    st = str(deals["sensetime"])
    code = main(["deal", "edit", st, "amount=$620M", "location=Hong Kong", "note=per release"])
    assert code == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["amount $600M → $620M", "location — → Hong Kong"]
    assert "Slack cards not updated" in err
    assert main(["deal", "show", st]) == 0
    shown = capsys.readouterr().out
    assert "SenseTime raises $620M Series C" in shown and "story 1: Wire:" in shown

    path = tmp_path / "corrections.jsonl"
    assert main(["corrections", "export", "--since", "2000-01-01", "--output", str(path)]) == 0
    [example] = [json.loads(x) for x in path.read_text().splitlines()]
    assert example["title"] == "SenseTime raises $600M Series C led by Alibaba"
    assert example["expected"]["amount"] == 620e6
    assert example["expected"]["location"] == "Hong Kong"
    assert example["expected"]["kind"] == "funding"
    assert example["corrected"] == ["amount", "location"]
    assert "per release" in example["source"]
    assert main(["corrections", "export", "--since", "1d"]) == 0  # just made: still in
    assert "SenseTime" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["deal", "edit", "1", "amount=lots"],
        ["deal", "edit", "1", "colour=red"],
        ["deal", "edit", "1", "amount"],
        ["deal", "merge", "1"],
        ["deal", "split", "1", "x"],
        ["deal", "dismiss", "1", "2"],
        ["corrections", "export", "--since", "yesterday"],
    ],
)
def test_bad_operations_say_how_and_exit_2(deals, capsys, args) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err


def test_unknown_or_removed_deals_exit_1(deals, capsys) -> None:
    assert main(["deal", "edit", "999", "round=seed"]) == 1
    assert "no deal 999" in capsys.readouterr().err
    assert main(["deal", "dismiss", str(deals["sensetime"])]) == 0
    assert main(["deal", "edit", str(deals["sensetime"]), "round=seed"]) == 1
    assert "not a funding story" in capsys.readouterr().err


def test_lookups_that_start_with_an_operation_word_are_still_lookups(deals, capsys) -> None:
    assert main(["deal", "show"]) == 0  # no id: a search for "show"
    assert "Traceback" not in capsys.readouterr().err


def test_merge_and_split_from_the_terminal_update_the_cards_in_slack(
    deals, tmp_path, monkeypatch, capsys
) -> None:
    with FakeSlack() as fake:
        settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.api_url)
        store = open_store(tmp_path)
        publisher = SlackPublisher(store, make_client(settings), "C0DEALS", post_interval=0)
        for deal_id in deals.values():
            publisher.post_card(deal_id)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
        monkeypatch.setenv("SLACK_API_URL", fake.api_url)
        monkeypatch.setenv("DEALBOT_POST_INTERVAL", "0")
        cursor, anysphere = str(deals["cursor"]), str(deals["anysphere"])
        assert main(["deal", "merge", cursor, anysphere]) == 0
        cards = {m["ts"]: m for m in fake.history["C0DEALS"]}
        cursor_card = cards[store.post(deals["cursor"], "C0DEALS")["ts"]]
        assert cursor_card["text"].startswith("~Cursor raises $900M~ Merged by an operator")
        notes = [
            m["text"] for m in fake.history["C0DEALS"] if m.get("thread_ts", m["ts"]) != m["ts"]
        ]
        assert notes[1:] == [
            ":link: Merged by an operator (terminal): 1 story from another card of this round."
        ]
        assert notes[0].startswith(":link: Merged by an operator (terminal): this round's card")
        story = store.source_rows(deals["anysphere"])[0]["story_id"]
        assert main(["deal", "split", anysphere, str(story)]) == 0
        assert "1 stories of deal" in capsys.readouterr().out
        cards = {m["ts"]: m for m in fake.history["C0DEALS"]}
        # the Anysphere story left: Cursor's deal keeps its own story and the card comes back
        back = cards[store.post(deals["cursor"], "C0DEALS")["ts"]]
        assert "Merged" not in back["text"]
