"""Deals out: `dealbot export` read back with the csv and json modules, and `/deal export` as a
CSV file in the asker's DM, through the HTTP app and the fake Slack.

Deals are our own sentences about real rounds: SenseTime's $600M Series C led by Alibaba (April
2018), Mistral AI's €600M Series B led by General Catalyst (June 2024), and a hostile title."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest
from fakeslack import FakeSlack, sign_request
from wsgi import serve_app

from bot.cli import main
from bot.config import Settings
from bot.models import Story
from bot.pipeline import ingest
from bot.publish.export import COLUMNS, to_csv
from bot.publish.slack import SlackPublisher
from bot.slack.app import create_app
from bot.slack.client import make_client
from bot.store import Store

STORIES = [
    ("SenseTime raises $600M Series C led by Alibaba", datetime(2018, 4, 9, 12)),
    ("Mistral AI raises €600M Series B led by General Catalyst", datetime(2024, 6, 11, 9)),
    ("=HYPERLINK(evil) raises $5M seed led by @Sneaky Ventures", datetime(2025, 1, 6, 9)),
]


def fill(path) -> Store:
    store = Store(str(path))
    for n, (title, when) in enumerate(STORIES):
        when = when.replace(tzinfo=timezone.utc)
        story = Story(f"https://news.example/{n}", title, published=when, outlet="Wire")
        assert ingest(store, story, now=when, max_age=timedelta(days=3)).event is not None
    return store


@pytest.fixture
def workdir(cli_env):
    fill(cli_env / "d.db").close()
    return cli_env


def test_csv_export_read_back(workdir, capsys) -> None:
    path = workdir / "deals.csv"
    assert main(["export", "--output", str(path)]) == 0
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    by_company = {r["company"]: r for r in rows}
    sensetime = by_company["SenseTime"]
    assert (sensetime["amount"], sensetime["currency"], sensetime["round"]) == (
        "600000000",
        "USD",
        "series-c",
    )
    assert sensetime["lead_investors"] == "Alibaba"
    assert sensetime["source_links"] == "https://news.example/0"
    mistral = by_company["Mistral AI"]
    assert mistral["currency"] == "EUR" and float(mistral["amount_usd"]) > 6e8
    assert mistral["usd_basis"].startswith("ECB reference rate for 2024-06-11")
    # no cell a spreadsheet would run as a formula
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert "3 deals" in capsys.readouterr().err


def test_json_and_ndjson_filtered_by_the_query(workdir, capsys) -> None:
    assert main(["export", "investor:Alibaba", "--format", "json"]) == 0
    [deal] = json.loads(capsys.readouterr().out)
    assert deal["company"] == "SenseTime" and deal["lead_investors"] == ["Alibaba"]
    assert deal["sources"][0]["link"] == "https://news.example/0"
    assert main(["export", "round:series-b", "--format", "ndjson"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["company"] for x in lines] == ["Mistral AI"]


def test_a_query_that_cannot_run_is_an_error(workdir, capsys) -> None:
    assert main(["export", "x" * 600]) == 2
    assert "too long" in capsys.readouterr().err
    assert main(["export", "--output", str(workdir / "no" / "such" / "dir.csv")]) == 2


def test_formula_cells_are_defused() -> None:
    text = to_csv([{"company": "=cmd|' /C calc'!A0", "outlets": ["+Wire", "@x"], "amount": 5.0}])
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["company"] == "'=cmd|' /C calc'!A0"
    assert row["outlets"] == "'+Wire; @x" and row["amount"] == "5"


SECRET = "s3cret-export"


@pytest.fixture
def slack_app(tmp_path) -> Iterator[tuple[str, FakeSlack]]:
    store = fill(tmp_path / "e.db")
    with FakeSlack() as fake:
        settings = Settings(
            slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url
        )
        SlackPublisher(store, make_client(settings), "C0DEALS", post_interval=0).post_card(1)
        with serve_app(create_app(settings, store)) as base:
            yield f"{base}/slack/events", fake


def command(url: str, fake: FakeSlack, text: str, name: str) -> None:
    import urllib.request

    body = urlencode(
        {
            "command": "/deal",
            "text": text,
            "user_id": "U0ANA",
            "channel_id": "C0DEALS",
            "team_id": "T0DEALBOT",
            "response_url": fake.response_url(name),
        }
    )
    req = urllib.request.Request(url, data=body.encode(), headers=sign_request(body, SECRET))
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.status == 200


def test_deal_export_sends_the_csv_by_dm(slack_app) -> None:
    url, fake = slack_app
    command(url, fake, "export since:2018-01-01 min:100M", "export")
    answer = fake.wait_for_response("export")
    assert answer["response_type"] == "ephemeral" and answer["text"].startswith("Sent 2 deals")
    [opened] = fake.calls_to("conversations.open")
    assert opened.params["users"] == "U0ANA"
    [record] = fake.files.values()
    assert record["channels"] == ["D0ANA"]
    rows = list(csv.DictReader(io.StringIO(record["content"].decode())))
    assert sorted(r["company"] for r in rows) == ["Mistral AI", "SenseTime"]
    sensetime = next(r for r in rows if r["company"] == "SenseTime")
    assert sensetime["card_links"].startswith("https://dealbot-test.slack.com/archives/C0DEALS/p")
    [message] = [m for m in fake.history["D0ANA"] if m.get("upload")]
    assert message["text"].startswith("2 deals for")


def test_deal_export_with_nothing_to_send_says_so(slack_app) -> None:
    url, fake = slack_app
    command(url, fake, "export investor:Nobody Capital", "empty")
    answer = fake.wait_for_response("empty")
    assert "nothing to export" in answer["text"] or "No deals" in answer["text"]
    assert fake.files == {}
