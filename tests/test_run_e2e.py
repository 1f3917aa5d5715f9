"""`dealbot run` in HTTP mode as a subprocess: real scheduler, waitress, bolt and poll cycle
against FakeSlack and the local feed server. Each deal posts once; a restart posts nothing."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fakeslack import FakeSlack, sign_request

SAMPLES = Path(__file__).resolve().parents[1] / "bot" / "sample_feeds"
SECRET = "test-secret"


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


def start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
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


def test_run_http_mode_posts_each_deal_once(tmp_path, feed_server) -> None:
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
    db, port = tmp_path / "d.db", free_port()
    with FakeSlack() as fake:
        fake.add_channel("C0DEALS", "deals")
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "DEALBOT_CHANNEL": "C0DEALS",
            "DEALBOT_DB": str(db),
            "DEALBOT_ALLOW_PRIVATE_FEEDS": "1",  # the test feed server is on 127.0.0.1
            "DEALBOT_FEEDS": str(feeds),
            "PORT": str(port),
            "DEALBOT_MAX_AGE_HOURS": "1000000",
            "DEALBOT_POST_INTERVAL": "0",
        }
        env.pop("SLACK_APP_TOKEN", None)
        proc = start(env)
        try:
            wait_until(lambda: _posts_done(db))
            # the HTTP listener answers signed Slack requests at POST /slack/events
            body = json.dumps({"type": "url_verification", "challenge": "c123", "token": "t"})
            url = f"http://127.0.0.1:{port}/slack/events"
            wait_until(lambda: _answers(url))
            resp = httpx.post(url, content=body, headers=sign_request(body, SECRET))
            assert resp.status_code == 200 and "c123" in resp.text
            bad = httpx.post(url, content=body, headers=sign_request(body, "wrong"))
            assert bad.status_code == 401
        finally:
            stop(proc)
        cards = [m for m in fake.messages("C0DEALS") if m.get("metadata")]
        ids = [m["metadata"]["event_payload"]["deal_id"] for m in cards]
        with sqlite3.connect(db) as conn:
            deals = conn.execute("select count(*) from deals").fetchone()[0]
        assert deals > 0 and len(ids) == len(set(ids)) == deals

        # the next cycle (here: after a restart) posts nothing new
        before = len(fake.calls_to("chat.postMessage"))
        fetched = len(feed_server.requests)
        proc = start(env)
        try:
            wait_until(lambda: len(feed_server.requests) >= fetched + 2)
            time.sleep(0.3)
        finally:
            stop(proc)
        assert len(fake.calls_to("chat.postMessage")) == before


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
