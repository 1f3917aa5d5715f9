"""/deal end to end over HTTP: the real bolt App (bot.slack.app.create_app) served by wsgiref on
127.0.0.1 port 0, signed slash-command and block_actions requests, answers read from the fake
Slack's response_url endpoint. Bad or stale signatures get 401."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode
from wsgiref.simple_server import make_server

import pytest
from deals import make_store
from fakeslack import FakeSlack, sign_request
from slack_bolt.adapter.wsgi import SlackRequestHandler
from wsgi import QuietHandler, ThreadingWSGIServer

from bot.config import Settings
from bot.lookup.answers import ACTION_MORE, ACTION_SHARE
from bot.slack.app import create_app

SECRET = "s3cret-e2e"


@dataclass
class Running:
    url: str
    fake: FakeSlack

    def post(self, body: str, headers: dict[str, str]) -> int:
        req = urllib.request.Request(self.url, data=body.encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status
        except urllib.error.HTTPError as e:
            return e.code

    def command(self, text: str, name: str, **sign: int) -> int:
        body = urlencode(
            {
                "command": "/deal",
                "text": text,
                "user_id": "U1",
                "user_name": "ana",
                "channel_id": "C1",
                "team_id": "T0DEALBOT",
                "trigger_id": "1.2",
                "response_url": self.fake.response_url(name),
                "token": "legacy",
            }
        )
        return self.post(body, sign_request(body, SECRET, sign.get("timestamp")))

    def click(self, action: dict, name: str) -> int:
        payload = {
            "type": "block_actions",
            "team": {"id": "T0DEALBOT"},
            "user": {"id": "U1"},
            "api_app_id": "A0DEALBOT",
            "token": "legacy",
            "trigger_id": "1.3",
            "channel": {"id": "C1"},
            "container": {"type": "message", "is_ephemeral": True},
            "response_url": self.fake.response_url(name),
            "actions": [{**action, "type": "button", "block_id": "b", "action_ts": "1"}],
        }
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, sign_request(body, SECRET))


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    store = make_store(tmp_path_factory.mktemp("e2e"))
    with FakeSlack() as fake:
        settings = Settings(
            slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url
        )
        app = create_app(settings, store)
        server = make_server(
            "127.0.0.1",
            0,
            SlackRequestHandler(app),
            server_class=ThreadingWSGIServer,
            handler_class=QuietHandler,
        )
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield Running(f"http://127.0.0.1:{server.server_port}/slack/events", fake)
        finally:
            server.shutdown()
            server.server_close()


def action(answer: dict, action_id: str) -> dict:
    for block in answer["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element
    raise AssertionError(f"no {action_id} button in {answer}")


def test_company_lookup_then_share(app_server: Running) -> None:
    start = time.monotonic()
    assert app_server.command("Sensetme", "typo") == 200
    assert time.monotonic() - start < 3  # Slack's deadline for the ack
    answer = app_server.fake.wait_for_response("typo")
    assert answer["response_type"] == "ephemeral"
    assert "SenseTime raises $600M Series C" in json.dumps(answer)
    assert app_server.click(action(answer, ACTION_SHARE), "typo") == 200
    shared = app_server.fake.wait_for_response("typo", count=2)
    assert shared["response_type"] == "in_channel"
    assert "SenseTime raises $600M Series C" in json.dumps(shared)


def test_more_pages(app_server: Running) -> None:
    assert app_server.command("investor:Y Combinator", "more") == 200
    first = app_server.fake.wait_for_response("more")
    assert app_server.click(action(first, ACTION_MORE), "more") == 200
    second = app_server.fake.wait_for_response("more", count=2)
    assert second["replace_original"] is True and "Deals 11–14" in second["text"]


@pytest.mark.parametrize(
    "text", ["", "help", '"* NEAR( OR col:x', "🚀", "شركة", "x" * 5000, "<!channel>"]
)
def test_bad_input_gets_help_not_errors(app_server: Running, text: str) -> None:
    name = f"bad{abs(hash(text))}"
    assert app_server.command(text, name) == 200
    answer = app_server.fake.wait_for_response(name)
    dumped = json.dumps(answer, ensure_ascii=False)
    assert "<!channel>" not in dumped and "went wrong" not in dumped
    assert answer["response_type"] == "ephemeral" and answer["text"]


def test_bad_signature_is_refused(app_server: Running) -> None:
    body = urlencode(
        {
            "command": "/deal",
            "text": "SenseTime",
            "response_url": app_server.fake.response_url("forged"),
        }
    )
    assert app_server.post(body, sign_request(body, "wrong-secret")) == 401
    assert app_server.post(body, {"Content-Type": "application/x-www-form-urlencoded"}) == 401


def test_stale_timestamp_is_refused(app_server: Running) -> None:
    assert app_server.command("SenseTime", "stale", timestamp=int(time.time()) - 301) == 401
    with pytest.raises(TimeoutError):
        app_server.fake.wait_for_response("stale", timeout=0.3)
