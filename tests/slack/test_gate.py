"""The HTTP door (issue 17, items 2 and 14): big bodies are refused before they are read,
unsigned junk gets 400/401 and one counted log line, never a 500 and a traceback."""

from __future__ import annotations

import io
import json
import logging
import time

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.slack.gate import MAX_BODY, RefusalLog, SlackGate

SECRET = "gate-secret"


class Unreadable(io.RawIOBase):
    """A body that must not be read (a 150 MiB upload)."""

    def read(self, *_args):  # pragma: no cover - reaching this fails the test
        raise AssertionError("the body was read")


def call(gate, *, body=b"", headers=None, length=None, path="/slack/events", stream=None):
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(body) if length is None else length),
        "wsgi.input": stream or io.BytesIO(body),
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in (headers or {}).items()},
    }
    seen = {}

    def start_response(status, response_headers):
        seen["status"] = int(status.split()[0])

    out = b"".join(gate(environ, start_response))
    return seen["status"], out, environ


def signed(body: bytes, *, when: int | None = None) -> dict:
    ts = str(int(time.time()) if when is None else when)
    sig = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}


@pytest.fixture
def passed():
    calls = []

    def app(environ, start_response):
        calls.append(environ["wsgi.input"].read())
        start_response("200 OK", [])
        return [b"ok"]

    return app, calls


def test_a_big_body_is_refused_unread(passed):
    app, calls = passed
    status, _, _ = call(
        SlackGate(app, SECRET), length=150 * 1024 * 1024, stream=Unreadable(), headers={}
    )
    assert status == 413 and calls == []
    assert MAX_BODY == 1024 * 1024


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"{not json", {}, 400),  # no signature headers at all
        (
            b"\xff\xfe\x00junk",
            {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=1"},
            400,
        ),
        (
            json.dumps({"a": 1}).encode(),
            {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=0"},
            401,
        ),
    ],
)
def test_unsigned_junk_gets_a_plain_refusal(passed, body, headers, status):
    app, calls = passed
    got, out, _ = call(SlackGate(app, SECRET), body=body, headers=headers)
    assert got == status and calls == [] and len(out) < 100


def test_a_signed_request_reaches_bolt_with_its_body(passed):
    app, calls = passed
    body = b"command=%2Fdeal&text=SenseTime"
    status, _, _ = call(SlackGate(app, SECRET), body=body, headers=signed(body))
    assert status == 200 and calls == [body]


def test_an_old_signature_is_refused(passed):
    app, calls = passed
    body = b"command=%2Fdeal"
    status, _, _ = call(SlackGate(app, SECRET), body=body, headers=signed(body, when=1_000_000))
    assert status == 401 and calls == []


def test_other_paths_pass_through(passed):
    app, calls = passed
    status, _, _ = call(SlackGate(app, SECRET), body=b"x", path="/healthz")
    assert status == 200 and calls == [b"x"]


def test_refusals_are_counted_and_logged_once_a_minute(passed, caplog):
    app, _ = passed
    now = [0.0]
    refusals = RefusalLog(clock=lambda: now[0])
    gate = SlackGate(app, SECRET, refusals=refusals)
    with caplog.at_level(logging.WARNING, logger="bot.slack.gate"):
        for _ in range(500):
            call(gate, body=b"junk")
        now[0] = 61.0
        call(gate, body=b"junk")
    assert refusals.count == 501
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2 and "refused 500 request(s)" in lines[1]
    assert not any(r.exc_info for r in caplog.records)
