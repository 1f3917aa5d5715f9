"""Item 2: Slack faults through the real WebClient (dealbot's retry handlers) against FakeSlack:
429 + Retry-After, 500/503 (applied or not), timeouts, ok:false, invalid_auth at start and
mid-run. Each is retried or reported; no card twice, none dropped (a pending row is retried)."""

from __future__ import annotations

import logging
import subprocess
import time

import pytest
from faultkit import (
    CH,
    TOKEN,
    Bot,
    assert_exactly_once,
    card_ids,
    company_names,
    dealbot_env,
    headline,
    hours_ago,
    replies,
    rss,
    slack_client,
)
from launch import dealbot

NAMES = company_names(5, seed=11)


def feed(first: int, last: int, host: str = "tc") -> bytes:
    return rss(
        [
            (headline(NAMES[i], i), f"https://{host}.example/{NAMES[i].lower()}", hours_ago(3))
            for i in range(first, last)
        ]
    )


@pytest.fixture
def bot(fake, store, feed_server) -> Bot:
    store.add_feed(feed_server.add("/tc", feed(0, 3)), "TechCrunch")
    return Bot(store, slack_client(fake))


def test_429_waits_retry_after_then_posts_once(fake, store, bot) -> None:
    fake.fail_next("chat.postMessage", times=1, status=429, retry_after=1)
    start = time.monotonic()
    bot.poll()
    assert time.monotonic() - start >= 1.0  # Retry-After was honoured, not ignored
    assert [c.status for c in fake.calls_to("chat.postMessage")][:2] == [429, 200]
    assert_exactly_once(fake, store)


def test_429_past_the_retry_budget_stays_pending_then_posts(fake, store, bot) -> None:
    fake.fail_next("chat.postMessage", times=6, status=429, retry_after=0)  # 1 + 5 retries
    bot.poll()
    first = store.db["posts"].get((min(d.id for d in store.deals()), CH))
    assert first["status"] == "pending" and first["error"] == "ratelimited"
    bot.poll()  # next cycle
    assert_exactly_once(fake, store)


@pytest.mark.parametrize("status", [500, 503])
@pytest.mark.parametrize("applied", [False, True], ids=["lost", "posted-answer-lost"])
def test_5xx_on_post_is_settled_not_doubled(fake, store, bot, status, applied) -> None:
    fake.fail_next("chat.postMessage", status=status, applied=applied)
    bot.poll()
    assert len([c for c in fake.calls_to("chat.postMessage") if c.status >= 500]) == 1
    bot.poll()
    assert_exactly_once(fake, store)


@pytest.mark.parametrize("status", [500, 503])
def test_5xx_on_idempotent_calls_is_retried(fake, store, bot, status) -> None:
    bot.poll()
    feed_server_deal = store.deals()[0].id
    store.db["posts"].update((feed_server_deal, CH), {"status": "pending"})
    fake.fail_next("conversations.history", times=2, status=status)  # ServerErrorRetryHandler
    bot.poll()
    assert [c.status for c in fake.calls_to("conversations.history")] == [status, status, 200]
    assert_exactly_once(fake, store)


def test_timeout_then_late_landing_is_not_doubled(fake, store, feed_server) -> None:
    """The answer comes after the client gave up, and the post did happen (the worst case)."""
    store.add_feed(feed_server.add("/tc", feed(0, 1)), "TechCrunch")
    bot = Bot(store, slack_client(fake, timeout=1))
    fake.delay("chat.postMessage", 2.0)
    start = time.monotonic()
    bot.poll()
    assert time.monotonic() - start < 2.0  # gave up after the client timeout, not retried
    assert store.db["posts"].get((min(d.id for d in store.deals()), CH))["status"] == "pending"
    fake.wait_for_calls("chat.postMessage", 1, timeout=5)  # the late post lands in Slack
    fake.delay("chat.postMessage", 0)
    bot.poll()  # settled from history
    assert len(fake.calls_to("chat.postMessage")) == 1
    assert_exactly_once(fake, store)


def test_timeout_on_thread_reply_is_not_doubled(fake, store, feed_server, bot) -> None:
    bot.poll()
    store.add_feed(feed_server.add("/eu", feed(0, 2, host="eu")), "EU-Startups")
    slow = Bot(store, slack_client(fake, timeout=1))
    fake.delay("chat.postMessage", 1.5)
    slow.poll()
    fake.wait_for_calls("chat.postMessage", len(fake.calls_to("chat.postMessage")), timeout=5)
    time.sleep(0.6)
    fake.delay("chat.postMessage", 0)
    slow.poll()
    slow.poll()
    assert_exactly_once(fake, store)
    assert len(replies(fake)) == 2


@pytest.mark.parametrize(
    "error", ["channel_not_found", "not_in_channel", "is_archived", "fatal_error", "msg_too_long"]
)
def test_ok_false_is_reported_and_retried(fake, store, bot, caplog, error) -> None:
    fake.fail_next("chat.postMessage", error=error)
    if error == "not_in_channel":
        fake.fail_next("chat.postMessage", error=error)  # also after joining
    with caplog.at_level(logging.ERROR, logger="bot.publish.slack"):
        bot.poll()
    assert error in caplog.text
    bot.poll()
    assert_exactly_once(fake, store)


def test_ok_false_on_update_and_reply_is_caught_up(fake, store, feed_server, bot) -> None:
    bot.poll()
    store.add_feed(feed_server.add("/eu", feed(0, 2, host="eu")), "EU-Startups")
    fake.fail_next("chat.update", error="internal_error")
    bot.poll()
    fake.fail_next("chat.postMessage", error="ratelimited")
    bot.poll()
    bot.poll()
    assert_exactly_once(fake, store)
    assert len(replies(fake)) == 2
    shown = {c["metadata"]["event_payload"]["sources"] for c in fake.messages(CH)}
    assert shown == {1, 2}


def test_invalid_auth_mid_run_keeps_deals_pending_until_the_token_works(
    fake, store, feed_server, bot, caplog
) -> None:
    bot.poll()
    fake.tokens.clear()  # the token is revoked
    feed_server.add("/tc", feed(0, 5))
    with caplog.at_level(logging.ERROR, logger="bot.publish.slack"):
        bot.poll()
        bot.poll()
    assert "invalid_auth" in caplog.text and "SLACK_BOT_TOKEN was refused" in caplog.text
    pending = {r["deal_id"] for r in store.db["posts"].rows_where("status = 'pending'")}
    assert pending == {d.id for d in store.deals()} - set(card_ids(fake))
    assert len(pending) == 2
    fake.tokens.add(TOKEN)  # fixed
    bot.poll()
    assert_exactly_once(fake, store)


def test_invalid_auth_at_start_stops_run_with_a_clear_message(fake, tmp_path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("")
    bad = "xoxb-revoked-0000-SECRETPART"
    env = dealbot_env(fake, tmp_path / "d.db", feeds, token=bad, secret="sig-secret-123456")
    proc = subprocess.run(
        dealbot("-v", "run"),
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "Slack refused the token (invalid_auth)" in out and "SLACK_BOT_TOKEN" in out
    assert "SECRETPART" not in out and "sig-secret-123456" not in out
    assert not fake.calls_to("chat.postMessage")
