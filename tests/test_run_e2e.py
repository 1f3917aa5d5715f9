"""`dealbot run` in HTTP mode as a subprocess: real scheduler, waitress, bolt and poll cycle
against FakeSlack and the local feed server. Each deal posts once; a restart posts nothing."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from datetime import datetime
from pathlib import Path

import httpx
from fakeslack import FakeSlack, sign_request
from launch import dealbot

SAMPLES = Path(__file__).resolve().parents[1] / "bot" / "sample_feeds"
SECRET = "test-secret"
WEDNESDAY = "2026-11-25T12:00:00+00:00"  # two days after the last Monday roundup: none due
MONDAY = "2026-11-30T10:00:00+00:00"  # an hour after the roundup's 09:00: it is due at start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float = 8.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def start(env: dict[str, str], at: str = WEDNESDAY) -> subprocess.Popen:
    """`dealbot run` with its clock starting at `at`, whatever today is."""
    return subprocess.Popen(
        dealbot("run", at=at),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=8)
    assert proc.returncode == 0, out
    assert "dealbot: stopped" in out
    return out


def _env(tmp_path: Path, feed_server, fake: FakeSlack, port: int) -> dict[str, str]:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        "".join(
            f'[[feeds]]\nname = "{name}"\nurl = "{feed_server.add("/" + f.name, f.read_bytes())}"\n\n'
            for f, name in (
                (SAMPLES / "techcrunch.xml", "TechCrunch"),
                (SAMPLES / "eu-startups.xml", "EU-Startups"),
            )
        )
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "DEALBOT_CHANNEL": "C0DEALS",
        "DEALBOT_DB": str(tmp_path / "d.db"),
        "DEALBOT_ALLOW_PRIVATE_FEEDS": "1",  # the test feed server is on 127.0.0.1
        "DEALBOT_FEEDS": str(feeds),
        "PORT": str(port),
        "DEALBOT_MAX_AGE_HOURS": "1000000",
        "DEALBOT_POST_INTERVAL": "0",
        "DEALBOT_ROUNDUP_CRON": "0 9 * * mon",
        "DEALBOT_TZ": "UTC",
    }
    env.pop("SLACK_APP_TOKEN", None)
    return env


def _cards(fake: FakeSlack) -> list[dict]:
    return [
        m
        for m in fake.messages("C0DEALS")
        if (m.get("metadata") or {}).get("event_type") == "funding_deal"
    ]


def _roundups(fake: FakeSlack) -> list[dict]:
    return [
        m
        for m in fake.messages("C0DEALS")
        if (m.get("metadata") or {}).get("event_type") == "funding_roundup"
    ]


def test_run_http_mode_posts_each_deal_once(tmp_path, feed_server) -> None:
    db, port = tmp_path / "d.db", free_port()
    with FakeSlack() as fake:
        fake.add_channel("C0DEALS", "deals")
        env = _env(tmp_path, feed_server, fake, port)
        started = time.time()
        proc = start(env)
        try:
            wait_until(lambda: _posts_done(db))
            # the HTTP listener answers signed Slack requests at POST /slack/events
            body = json.dumps({"type": "url_verification", "challenge": "c123", "token": "t"})
            url = f"http://127.0.0.1:{port}/slack/events"
            wait_until(lambda: _answers(url))
            # signed by the bot's clock (WEDNESDAY + time since start), as Slack's would be
            ts = int(datetime.fromisoformat(WEDNESDAY).timestamp() + time.time() - started)
            resp = httpx.post(url, content=body, headers=sign_request(body, SECRET, ts))
            assert resp.status_code == 200 and "c123" in resp.text
            bad = httpx.post(url, content=body, headers=sign_request(body, "wrong", ts))
            assert bad.status_code == 401
            # unsigned junk and oversized bodies: a plain refusal, never a 500 (issue 17)
            junk_headers = {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=1"}
            for _ in range(20):
                junk = httpx.post(url, content=b"\xff\xfe{not json", headers=junk_headers)
                assert junk.status_code == 400
            huge = httpx.post(url, content=b"x" * (2 * 1024 * 1024), headers=junk_headers)
            assert huge.status_code == 413
            # beside Slack's path: health, metrics and the deal feed (issue 20)
            base = f"http://127.0.0.1:{port}"
            wait_until(lambda: httpx.get(f"{base}/healthz").status_code == 200)
            assert httpx.get(f"{base}/healthz").json()["status"] == "ok"
            metrics = httpx.get(f"{base}/metrics").text
            assert "dealbot_polls_total 1.0" in metrics and "dealbot_cards_posted_total" in metrics
            feed = httpx.get(f"{base}/deals.json").json()
            assert len(feed["items"]) == deals_now(db)
        finally:
            out = stop(proc)
        assert "Traceback" not in out
        ids = [m["metadata"]["event_payload"]["deal_id"] for m in _cards(fake)]
        assert _roundups(fake) == []  # Wednesday: no roundup is due
        with sqlite3.connect(db) as conn:
            deals = conn.execute("select count(*) from deals").fetchone()[0]
        assert deals > 0 and len(ids) == len(set(ids)) == deals

        # the next cycle (here: after a restart, the feeds due again) posts nothing new
        before = len(fake.calls_to("chat.postMessage"))
        fetched = len(feed_server.requests)
        _make_due(db)
        proc = start(env)
        try:
            wait_until(lambda: len(feed_server.requests) >= fetched + 2)
            time.sleep(0.3)
        finally:
            stop(proc)
        assert len(fake.calls_to("chat.postMessage")) == before


def _make_due(db: Path) -> None:
    """Every feed due now (each feed keeps its own schedule across restarts, issue 22)."""
    with sqlite3.connect(db) as conn:
        conn.execute("update feeds set next_poll = null")


def deals_now(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from deals").fetchone()[0]


def _posts_done(db: Path) -> bool:
    try:
        with sqlite3.connect(db) as conn:
            posted = conn.execute("select count(*) from posts where status = 'posted'").fetchone()[
                0
            ]
            deals = conn.execute("select count(*) from deals").fetchone()[0]
    except sqlite3.Error:
        return False
    return deals > 0 and posted == deals


def _answers(url: str) -> bool:
    try:
        httpx.get(url, timeout=0.5)
        return True
    except httpx.HTTPError:
        return False


def test_run_posts_a_missed_roundup_once_beside_the_cards(tmp_path, feed_server) -> None:
    """Started an hour after Monday's 09:00 roundup, `dealbot run` posts that roundup once,
    and each deal's card once; a restart within the grace posts neither again."""
    db, port = tmp_path / "d.db", free_port()
    with FakeSlack() as fake:
        fake.add_channel("C0DEALS", "deals")
        env = _env(tmp_path, feed_server, fake, port)
        proc = start(env, at=MONDAY)
        try:
            wait_until(lambda: _posts_done(db) and len(_roundups(fake)) == 1)
        finally:
            stop(proc)
        ids = [m["metadata"]["event_payload"]["deal_id"] for m in _cards(fake)]
        assert len(ids) == len(set(ids)) > 0
        assert _roundups(fake)[0]["metadata"]["event_payload"]["period"].startswith("2026-11-30T09")
        fetched = len(feed_server.requests)
        _make_due(db)
        proc = start(env, at=MONDAY)
        try:
            wait_until(lambda: len(feed_server.requests) >= fetched + 2)
            time.sleep(0.3)
        finally:
            stop(proc)
        assert len(_roundups(fake)) == 1 and len(_cards(fake)) == len(ids)
