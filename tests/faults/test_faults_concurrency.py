"""Item 4: the poll job writing while 20 signed /deal requests arrive at once, through the real
bolt App over HTTP. No "database is locked", every request acked in time and answered."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from socketserver import ThreadingMixIn
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx
from fakeslack import sign_request
from faultkit import TOKEN, company_names, headline, hours_ago, rss
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.config import Settings
from bot.feeds.fetch import fetch_all
from bot.pipeline import poll
from bot.slack.app import create_app
from bot.store import Store

SECRET = "concurrency-signing-secret"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64  # 20 clients connect at once; socketserver's default backlog is 5


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_poll_and_20_deal_requests_at_once(tmp_path, fake, feed_server, caplog) -> None:
    names = company_names(400, seed=21)
    items = [
        (headline(n, i), f"https://busy.example/{n.lower()}", hours_ago(1 + i / 100))
        for i, n in enumerate(names)
    ]
    path = str(tmp_path / "d.db")
    web = Store(path)  # the listener's store; the poller gets its own, like a second process
    poller = Store(path)
    for k in range(4):
        poller.add_feed(feed_server.add(f"/busy{k}", rss(items[k::4])), f"Busy {k}")
    settings = Settings(
        slack_bot_token=TOKEN, slack_signing_secret=SECRET, slack_api_url=fake.api_url
    )
    app = create_app(settings, web)
    server = make_server(
        "127.0.0.1", 0, SlackRequestHandler(app), server_class=_Server, handler_class=_Quiet
    )
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/slack/events"
    result: dict = {}

    def job() -> None:
        result["report"] = poll(poller, fetch=partial(fetch_all, deadline=5.0))

    def ask(i: int) -> tuple[int, float]:
        body = urlencode(
            {
                "command": "/deal",
                "text": [names[i], "top 30d", f"investor:Accel min:{i}M", "round:seed"][i % 4],
                "user_id": "U1",
                "channel_id": "C1",
                "team_id": "T0DEALBOT",
                "response_url": fake.response_url(f"r{i}"),
            }
        )
        start = time.monotonic()
        resp = httpx.post(url, content=body, headers=sign_request(body, SECRET), timeout=10)
        return resp.status_code, time.monotonic() - start

    try:
        with caplog.at_level(logging.WARNING):
            poll_thread = threading.Thread(target=job)
            poll_thread.start()
            while poller.count("stories") < 20:  # the poller is writing now
                time.sleep(0.01)
            overlapped = poller.count("stories") < 400  # requests fire mid-cycle
            with ThreadPoolExecutor(20) as pool:
                acks = list(pool.map(ask, range(20)))
            answers = [fake.wait_for_response(f"r{i}", timeout=15) for i in range(20)]
            poll_thread.join(60)
    finally:
        server.shutdown()
        server.server_close()
    assert [status for status, _ in acks] == [200] * 20
    assert max(took for _, took in acks) < 3.0  # Slack's ack deadline
    assert all(a["response_type"] == "ephemeral" and a["text"] for a in answers)
    assert not [a for a in answers if "went wrong" in a["text"] or "failed" in a["text"]]
    assert "locked" not in caplog.text and "Traceback" not in caplog.text
    report = result["report"]
    assert report.new_stories == 400 and not report.failed
    assert overlapped
    web.close()
    poller.close()
