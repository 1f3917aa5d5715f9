"""Install to any workspace, end to end over HTTP against the fake Slack: the Add to Slack flow
(state checked, oauth.v2.access), a forged state refused, tokens encrypted at rest, two
workspaces each getting their own cards with their own token, and an uninstall stopping posts.
The deal is our own sentence about a real round (SenseTime's $600M Series C, April 2018)."""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from cryptography.fernet import Fernet
from fakeslack import FakeSlack, sign_request
from wsgi import serve_app

from bot.config import ConfigError, Settings, load_settings
from bot.models import Story
from bot.pipeline import ingest
from bot.publish.fanout import oauth_fanout
from bot.slack.app import create_app
from bot.store import Store

SECRET = "s3cret-oauth"
WHEN = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)


@dataclass
class Running:
    base: str
    fake: FakeSlack
    store: Store
    settings: Settings

    def get(self, path: str, cookie: str | None = None) -> tuple[int, str, Any]:
        req = urllib.request.Request(self.base + path, headers={"Cookie": cookie} if cookie else {})
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, resp.read().decode(), resp.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), e.headers

    def install(self, team: str, name: str) -> int:
        status, page, headers = self.get("/slack/install")
        assert status == 200
        state = re.search(r"state=([\w-]+)", page).group(1)
        cookie = (headers.get("Set-Cookie") or "").split(";")[0]
        self.fake.oauth_codes[f"code-{team}"] = (team, name)
        status, _, _ = self.get(f"/slack/oauth_redirect?code=code-{team}&state={state}", cookie)
        return status

    def event(self, team: str, event: dict) -> int:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": team,
                "api_app_id": "A0DEALBOT",
                "type": "event_callback",
                "event_id": f"Ev{team}{event['type']}",
                "event_time": 1,
                "event": event,
            }
        )
        headers = {**sign_request(body, SECRET), "Content-Type": "application/json"}
        req = urllib.request.Request(
            self.base + "/slack/events", data=body.encode(), headers=headers, method="POST"
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status


@pytest.fixture
def running(tmp_path) -> Iterator[Running]:
    store = Store(str(tmp_path / "oauth.db"))
    with FakeSlack() as fake:
        settings = Settings(
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            slack_client_id="111.222",
            slack_client_secret="client-secret",
            secret_key=Fernet.generate_key().decode(),
            db_path=str(tmp_path / "oauth.db"),
            post_interval=0,
        )
        with serve_app(create_app(settings, store)) as base:
            yield Running(base, fake, store, settings)


def test_install_with_the_state_checked_and_tokens_encrypted(running: Running) -> None:
    assert running.install("T0ONE", "Acme") == 200
    [access] = running.fake.calls_to("oauth.v2.access")
    assert access.params["code"] == "code-T0ONE"
    assert running.store.installed_teams("111.222") == [(None, "T0ONE")]
    with sqlite3.connect(running.settings.db_path) as conn:
        dump = "\n".join(conn.iterdump())
    assert "xoxb-" not in dump and "gAAAA" in dump  # Fernet tokens, never the plain token


def test_a_forged_state_is_refused(running: Running) -> None:
    running.fake.oauth_codes["code-T0EVIL"] = ("T0EVIL", "Evil")
    status, page, _ = running.get("/slack/oauth_redirect?code=code-T0EVIL&state=forged")
    assert status >= 400 and running.fake.calls_to("oauth.v2.access") == []
    assert running.store.installed_teams("111.222") == []


def test_two_workspaces_get_their_own_cards_and_an_uninstall_stops_posts(running: Running) -> None:
    assert running.install("T0ONE", "Acme") == 200
    assert running.install("T0TWO", "Beta") == 200
    running.store.set_subscription("C0ONE", "{}", "U1", "T0ONE")
    running.store.set_subscription("C0TWO", "{}", "U2", "T0TWO")
    fanout = oauth_fanout(running.settings, running.store)
    story = Story(
        "https://news.example/st", "SenseTime raises $600M Series C led by Alibaba", published=WHEN
    )
    event = ingest(running.store, story, now=WHEN, max_age=timedelta(days=3)).event
    fanout.publish([event])
    posts = {
        c.params["channel"]: c.headers["authorization"]
        for c in running.fake.calls_to("chat.postMessage")
    }
    assert set(posts) == {"C0ONE", "C0TWO"}
    assert "xoxb-T0ONE-" in posts["C0ONE"] and "xoxb-T0TWO-" in posts["C0TWO"]
    teams = {r["channel"]: r["team_id"] for r in running.store.db.query("select * from posts")}
    assert teams == {"C0ONE": "T0ONE", "C0TWO": "T0TWO"}  # every per-workspace row says whose

    assert running.event("T0TWO", {"type": "app_uninstalled"}) == 200
    deadline = datetime.now().timestamp() + 5
    while running.store.installed_teams("111.222") != [(None, "T0ONE")]:
        assert datetime.now().timestamp() < deadline, "the uninstall was not handled"
    assert [r["channel"] for r in running.store.subscription_rows()] == ["C0ONE"]
    before = len(running.fake.calls_to("chat.postMessage"))
    later = Story("https://news.example/mg", "Megvii raises $460M Series C", published=WHEN)
    fanout.publish([ingest(running.store, later, now=WHEN, max_age=timedelta(days=3)).event])
    channels = [c.params["channel"] for c in running.fake.calls_to("chat.postMessage")[before:]]
    assert channels == ["C0ONE"]


def test_oauth_needs_its_secret_key(tmp_path, monkeypatch) -> None:
    (tmp_path / "feeds.toml").write_text('[[feeds]]\nname = "L"\nurl = "http://127.0.0.1:9/f"\n')
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "SLACK_CLIENT_ID": "111.222",
        "SLACK_CLIENT_SECRET": "s",
        "SLACK_SIGNING_SECRET": "x",
        "DEALBOT_FEEDS": str(tmp_path / "feeds.toml"),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DEALBOT_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="DEALBOT_SECRET_KEY is required"):
        load_settings(dotenv_path=None)
    monkeypatch.setenv("DEALBOT_SECRET_KEY", "not-a-key")
    with pytest.raises(ConfigError, match="not a Fernet key"):
        load_settings(dotenv_path=None)
    monkeypatch.setenv("DEALBOT_SECRET_KEY", Fernet.generate_key().decode())
    assert load_settings(dotenv_path=None).oauth_mode


def test_the_installer_picks_the_channel_and_each_workspace_has_its_own_roundup_time(
    running: Running,
) -> None:
    from bot.roundup.job import workspace_roundups

    running.fake.oauth_codes["code-T0TOK"] = ("T0TOK", "Tokyo Co", "C0TOKYO")
    status, page, headers = running.get("/slack/install")
    state = re.search(r"state=([\w-]+)", page).group(1)
    cookie = (headers.get("Set-Cookie") or "").split(";")[0]
    assert running.get(f"/slack/oauth_redirect?code=code-T0TOK&state={state}", cookie)[0] == 200
    assert running.install("T0UTC", "UTC Co") == 200
    running.store.set_subscription("C0UTC", '{"roundup": "weekly"}', "U2", "T0UTC")
    running.store.set_workspace_tz("T0TOK", "Asia/Tokyo", "U0ADMIN")
    # the installer's channel gets every deal, with no /deal subscribe
    fanout = oauth_fanout(running.settings, running.store)
    story = Story("https://news.example/st", "SenseTime raises $600M Series C", published=WHEN)
    fanout.publish([ingest(running.store, story, now=WHEN, max_age=timedelta(days=3)).event])
    channels = {c.params["channel"] for c in running.fake.calls_to("chat.postMessage")}
    assert channels == {"C0TOKYO", "C0UTC"}  # the install channel, and a subscribed one
    # Monday 09:30 in Tokyo is 00:30 UTC: Tokyo's roundup is due, UTC's (09:00 UTC) is not
    monday = datetime(2026, 11, 30, 0, 30, tzinfo=timezone.utc)
    assert workspace_roundups(running.settings, running.store, now=monday) == 1
    assert workspace_roundups(running.settings, running.store, now=monday) == 1  # again: no post
    roundups = [
        c.params["channel"]
        for c in running.fake.calls_to("chat.postMessage")
        if (c.params.get("metadata") or {}).get("event_type") == "funding_roundup"
    ]
    assert roundups == ["C0TOKYO"]
    later = datetime(2026, 11, 30, 9, 30, tzinfo=timezone.utc)
    workspace_roundups(running.settings, running.store, now=later)
    roundups = [
        c.params["channel"]
        for c in running.fake.calls_to("chat.postMessage")
        if (c.params.get("metadata") or {}).get("event_type") == "funding_roundup"
    ]
    assert sorted(roundups) == ["C0TOKYO", "C0UTC"]


def test_deal_settings_sets_the_workspace_time_zone(tmp_path) -> None:
    from unittest.mock import Mock

    from handlers.settings import handle

    store = Store(str(tmp_path / "s.db"))
    settings = Settings(admins=("U0ADMIN",))
    said = []

    def respond(**kw):
        said.append(kw["text"])

    handle(
        store, settings, "tz:Mars/Olympus", {"team_id": "T1", "user_id": "U0ADMIN"}, Mock(), respond
    )
    handle(
        store, settings, "tz:Europe/Berlin", {"team_id": "T1", "user_id": "U0ANA"}, None, respond
    )
    handle(
        store, settings, "tz:Europe/Berlin", {"team_id": "T1", "user_id": "U0ADMIN"}, None, respond
    )
    handle(store, settings, "", {"team_id": "T1", "user_id": "U0ANA"}, None, respond)
    assert "not a time zone" in said[0] and "Only workspace admins" in said[1]
    assert said[2] == "This workspace's roundups now run in Europe/Berlin."
    assert "in Europe/Berlin" in said[3] and store.workspace_tz("T1") == "Europe/Berlin"


def test_rotating_tokens_are_refreshed_before_they_expire_and_stored_encrypted(
    running: Running,
) -> None:
    running.fake.rotating_codes.add("code-T0ROT")
    assert running.install("T0ROT", "Rotating Co") == 200
    running.store.set_subscription("C0ROT", "{}", "U1", "T0ROT")
    fanout = oauth_fanout(running.settings, running.store)
    story = Story("https://news.example/st", "SenseTime raises $600M Series C", published=WHEN)
    fanout.publish([ingest(running.store, story, now=WHEN, max_age=timedelta(days=3)).event])
    refreshes = [c for c in running.fake.calls_to("oauth.v2.access") if c.params.get("grant_type")]
    assert len(refreshes) == 1  # the install's token ends within two hours: rotated first
    [post] = running.fake.calls_to("chat.postMessage")
    installed = running.fake.calls_to("oauth.v2.access")[0]
    assert post.headers["authorization"].startswith("Bearer xoxe.xoxb-T0ROT-")
    with sqlite3.connect(running.settings.db_path) as conn:
        dump = "\n".join(conn.iterdump())
    assert "xoxb-" not in dump and "xoxe-1-" not in dump and installed.params["code"]


def test_an_invalid_token_in_one_workspace_never_stops_the_others(running: Running) -> None:
    assert running.install("T0ONE", "Acme") == 200
    assert running.install("T0TWO", "Beta") == 200
    running.store.set_subscription("C0ONE", "{}", "U1", "T0ONE")
    running.store.set_subscription("C0TWO", "{}", "U2", "T0TWO")
    revoked = next(t for t in running.fake.tokens if t.startswith("xoxb-T0ONE-"))
    running.fake.tokens.discard(revoked)  # revoked on Slack's side, not yet told to us
    fanout = oauth_fanout(running.settings, running.store)
    story = Story("https://news.example/st", "SenseTime raises $600M Series C", published=WHEN)
    fanout.publish([ingest(running.store, story, now=WHEN, max_age=timedelta(days=3)).event])
    landed = [m for m in running.fake.history.get("C0TWO", []) if m.get("metadata")]
    assert len(landed) == 1 and not running.fake.history.get("C0ONE")
    [row] = [r for r in running.store.db.query("select * from posts where channel = 'C0ONE'")]
    assert row["status"] == "pending"  # kept, so the card goes out once the workspace works again
