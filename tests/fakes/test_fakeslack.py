"""The fake Slack Web API, driven by the real slack_sdk and slack_bolt clients.

Why: every end-to-end test of the bot trusts this fake, so it is itself checked against the
real client code paths (form vs JSON bodies, retry handlers, files_upload_v2, respond()).
"""

from __future__ import annotations

import re
import struct
import time
import zlib
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fakeslack import FakeSlack, sign_request
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

META = {"event_type": "funding_deal", "event_payload": {"deal_id": 42}}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def client(fake: FakeSlack, token: str = "xoxb-test", **kw: object) -> WebClient:
    return WebClient(token=token, base_url=fake.api_url, **kw)  # type: ignore[arg-type]


def tiny_png() -> bytes:
    """A valid 1x1 PNG, so the upload test carries real image bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_post_and_history_carry_metadata(fake: FakeSlack) -> None:
    web = client(fake)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*SenseTime*"}}]
    first = web.chat_postMessage(
        channel="C1", text="SenseTime raises $600M", blocks=blocks, metadata=META
    )
    second = web.chat_postMessage(channel="C1", text="second")
    assert re.fullmatch(r"\d{10}\.\d{6}", first["ts"]) and first["channel"] == "C1"
    assert float(second["ts"]) > float(first["ts"])

    call = fake.calls_to("chat.postMessage")[0]
    assert call.headers["authorization"] == "Bearer xoxb-test"
    assert call.params["metadata"] == META and call.params["blocks"] == blocks

    hist = web.conversations_history(channel="C1", include_all_metadata=True)["messages"]
    assert [m["ts"] for m in hist] == [second["ts"], first["ts"]]  # newest first
    assert hist[1]["metadata"] == META and hist[1]["blocks"] == blocks
    plain = web.conversations_history(channel="C1", limit=1)  # form-encoded, no metadata asked
    assert plain["has_more"] and "metadata" not in plain["messages"][0]
    assert len(web.conversations_history(channel="C1", oldest=first["ts"])["messages"]) == 1


def test_form_encoded_json_fields_are_decoded(fake: FakeSlack) -> None:
    """WebClient sends most methods form-encoded, with nested fields as JSON strings."""
    client(fake).api_call(
        "chat.postMessage", params={"channel": "C1", "text": "x", "metadata": '{"event_type": "e"}'}
    )
    assert fake.calls_to("chat.postMessage")[0].params["metadata"] == {"event_type": "e"}


def test_update_and_thread(fake: FakeSlack) -> None:
    web = client(fake)
    card = web.chat_postMessage(channel="C1", text="rumour", metadata=META)
    web.chat_postMessage(channel="C1", text="second outlet", thread_ts=card["ts"])
    web.chat_postMessage(channel="C1", text="confirmed", thread_ts=card["ts"], reply_broadcast=True)
    web.chat_update(channel="C1", ts=card["ts"], text="confirmed card")
    assert [m["text"] for m in fake.messages("C1")] == ["confirmed card", "confirmed"]
    top = fake.messages("C1")[0]
    assert top["edited"] and top["reply_count"] == 2 and top["metadata"] == META
    replies = web.conversations_replies(channel="C1", ts=card["ts"])["messages"]
    assert [m["text"] for m in replies] == ["confirmed card", "second outlet", "confirmed"]
    with pytest.raises(SlackApiError) as err:
        web.chat_update(channel="C1", ts="1.000001", text="x")
    assert err.value.response["error"] == "message_not_found"


def test_rate_limit_twice_then_success_posts_once(fake: FakeSlack, monkeypatch) -> None:
    # the handler sleeps Retry-After + random() seconds; drop the jitter to keep this fast
    monkeypatch.setattr("slack_sdk.http_retry.builtin_handlers.random.random", lambda: 0.0)
    fake.fail_next("chat.postMessage", times=2, status=429, retry_after=0)
    web = client(fake, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)])
    assert web.chat_postMessage(channel="C1", text="deal")["ok"]
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [429, 429, 200]
    assert len(fake.messages("C1")) == 1


def test_rate_limit_without_retry_raises_with_retry_after(fake: FakeSlack) -> None:
    fake.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as err:
        client(fake).chat_postMessage(channel="C1", text="deal")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert fake.messages("C1") == []


def test_server_error_retried(fake: FakeSlack) -> None:
    fake.fail_next("chat.postMessage", status=500)
    retry = ServerErrorRetryHandler(
        max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.01)
    )
    assert client(fake, retry_handlers=[retry]).chat_postMessage(channel="C1", text="x")["ok"]
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [500, 200]
    assert len(fake.messages("C1")) == 1


def test_lost_reply_shows_why_blind_retries_double(fake: FakeSlack) -> None:
    """applied=True: Slack posted, the answer was lost; a blind retry doubles the card."""
    fake.fail_next("chat.postMessage", status=503, applied=True)
    retry = ServerErrorRetryHandler(
        max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.01)
    )
    client(fake, retry_handlers=[retry]).chat_postMessage(channel="C1", text="x")
    assert len(fake.messages("C1")) == 2


def test_ok_false_error_raises(fake: FakeSlack) -> None:
    fake.fail_next("chat.postMessage", error="channel_not_found")
    web = client(fake)
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="x")
    assert err.value.response["error"] == "channel_not_found"
    assert web.chat_postMessage(channel="C1", text="x")["ok"]  # only the next call failed


def test_auth(fake: FakeSlack) -> None:
    assert client(fake).auth_test()["user_id"] == "U0DEALBOT"
    with pytest.raises(SlackApiError) as err:
        client(fake, token="xoxb-wrong").auth_test()
    assert err.value.response["error"] == "invalid_auth"
    with pytest.raises(SlackApiError):
        client(fake, token="xoxb-wrong").chat_postMessage(channel="C1", text="x")
    assert fake.messages("C1") == []


def test_files_upload_v2_reaches_fake(fake: FakeSlack) -> None:
    web = client(fake)
    parent = web.chat_postMessage(channel="C1", text="Weekly roundup")
    png = tiny_png()
    res = web.files_upload_v2(
        channel="C1", thread_ts=parent["ts"], content=png, filename="roundup.png", title="Top deals"
    )
    fid = res["file"]["id"]
    assert fake.files[fid]["content"] == png and res["file"]["mimetype"] == "image/png"
    assert [c.method for c in fake.calls[-3:]] == [
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
    ]
    done = fake.calls_to("files.completeUploadExternal")[0].params
    assert done["files"] == [{"id": fid, "title": "Top deals"}]
    assert done["thread_ts"] == parent["ts"]
    reply = fake.messages("C1", replies=True)[-1]
    assert reply["thread_ts"] == parent["ts"] and reply["files"][0]["id"] == fid


def test_not_in_channel_until_join(fake: FakeSlack) -> None:
    fake.add_channel("C2", "deals", member=False)
    fake.add_channel("G1", "secret", member=False, private=True)
    web = client(fake)
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C2", text="x")
    assert err.value.response["error"] == "not_in_channel"
    assert web.conversations_join(channel="C2")["channel"]["is_member"]
    assert web.chat_postMessage(channel="#deals", text="x")["channel"] == "C2"
    assert len(fake.messages("C2")) == 1
    with pytest.raises(SlackApiError) as err:
        web.conversations_join(channel="G1")
    assert err.value.response["error"] == "method_not_supported_for_channel_type"


def test_users_info_admin_flag(fake: FakeSlack) -> None:
    fake.add_user("UADMIN", "ana", is_admin=True)
    web = client(fake)
    assert web.users_info(user="UADMIN")["user"]["is_admin"] is True
    assert web.users_info(user="UOTHER")["user"]["is_admin"] is False


def test_delay(fake: FakeSlack) -> None:
    fake.delay("auth.test", 0.2)
    start = time.monotonic()
    client(fake).auth_test()
    assert time.monotonic() - start >= 0.2


def test_response_url_capture(fake: FakeSlack) -> None:
    url = fake.response_url("deal")
    WebhookClient(url).send(text="found 1 deal", response_type="ephemeral")
    assert fake.wait_for_response("deal", timeout=1) == {
        "text": "found 1 deal",
        "response_type": "ephemeral",
    }
    with pytest.raises(TimeoutError):
        fake.wait_for_response("deal", timeout=0.05, count=2)


def test_sign_request_verified_by_slack_sdk() -> None:
    body = urlencode({"command": "/deal", "text": "SenseTime"})
    verifier = SignatureVerifier("s3cret")
    assert verifier.is_valid_request(body, sign_request(body, "s3cret"))
    assert not verifier.is_valid_request(body + "x", sign_request(body, "s3cret"))
    assert not verifier.is_valid_request(body, sign_request(body, "other"))
    assert not verifier.is_valid_request(body, sign_request(body, "s3cret", int(time.time()) - 600))


def test_bolt_app_slash_command_end_to_end(fake: FakeSlack) -> None:
    """The real bolt App: auth.test at start, a signed /deal, respond() to the response_url."""
    app = App(client=client(fake), signing_secret="s3cret")
    assert fake.calls_to("auth.test")

    @app.command("/deal")
    def deal(ack, respond, command):  # type: ignore[no-untyped-def]
        ack()
        respond(f"you asked for {command['text']}")

    body = urlencode(
        {
            "command": "/deal",
            "text": "SenseTime",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T0DEALBOT",
            "trigger_id": "1.2",
            "response_url": fake.response_url("deal"),
        }
    )
    signed: dict = sign_request(body, "s3cret")
    assert app.dispatch(BoltRequest(body=body, headers=signed)).status == 200
    assert fake.wait_for_response("deal")["text"] == "you asked for SenseTime"
    bad: dict = sign_request(body, "s3cret", int(time.time()) - 600)
    assert app.dispatch(BoltRequest(body=body, headers=bad)).status == 401
