"""The scheduled roundup: right local time across DST, once per period, chart in the thread."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fakeslack import FakeSlack
from slack_sdk import WebClient
from test_roundup import DEALS, END

from bot.roundup.job import GRACE, catch_up, last_fire, period_key, post_roundup, trigger
from bot.store import Store

UTC = timezone.utc


@pytest.mark.parametrize(
    "tz, before, after",
    [
        # Berlin leaves CET (UTC+1) for CEST (UTC+2) on 30 March 2025
        (
            "Europe/Berlin",
            datetime(2025, 3, 24, 8, tzinfo=UTC),
            datetime(2025, 3, 31, 7, tzinfo=UTC),
        ),
        # New York leaves EST (UTC-5) for EDT (UTC-4) on 9 March 2025
        (
            "America/New_York",
            datetime(2025, 3, 3, 14, tzinfo=UTC),
            datetime(2025, 3, 10, 13, tzinfo=UTC),
        ),
        # and back in autumn: Berlin 26 October, New York 2 November
        (
            "Europe/Berlin",
            datetime(2025, 10, 20, 7, tzinfo=UTC),
            datetime(2025, 10, 27, 8, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2025, 10, 27, 13, tzinfo=UTC),
            datetime(2025, 11, 3, 14, tzinfo=UTC),
        ),
    ],
)
def test_fires_at_nine_local_across_dst(tz, before, after):
    trig = trigger("0 9 * * mon", ZoneInfo(tz))
    first = trig.get_next_fire_time(None, before - timedelta(hours=1))
    second = trig.get_next_fire_time(first, first + timedelta(seconds=1))
    assert first.astimezone(UTC) == before and second.astimezone(UTC) == after
    assert first.hour == second.hour == 9
    assert last_fire(trig, after + timedelta(minutes=5)).astimezone(UTC) == after


@pytest.fixture
def slack():
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def store(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    with store.transaction() as db:
        for d in DEALS:
            store.save_deal(db, replace(d, id=None), prefix=d.company_key[:3], announce=True)
    return store


def client(fake):
    return WebClient(token="xoxb-test", base_url=fake.api_url)


def test_posted_once_with_chart_in_thread(store, slack):
    ts = post_roundup(store, client(slack), "C1", period="p1", end=END)
    assert ts and post_roundup(store, client(slack), "C1", period="p1", end=END) is None
    top = slack.messages("C1")
    assert len(top) == 1 and top[0]["metadata"]["event_type"] == "funding_roundup"
    assert "Anduril" in str(top[0]["blocks"]) and len(top[0]["blocks"]) <= 50
    assert [c.method for c in slack.calls if c.method.startswith("files")] == [
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
    ]
    (upload,) = slack.files.values()
    assert upload["content"].startswith(b"\x89PNG\r\n\x1a\n")
    assert slack.calls_to("files.completeUploadExternal")[0].params["thread_ts"] == ts


def test_restart_in_same_period_posts_nothing(store, slack, tmp_path):
    fire = datetime(2025, 6, 16, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    now = fire + timedelta(minutes=1)
    assert catch_up(store, client(slack), "C1", "0 9 * * mon", ZoneInfo("Europe/Berlin"), now)
    restarted = Store(store.path)
    assert (
        catch_up(restarted, client(slack), "C1", "0 9 * * mon", ZoneInfo("Europe/Berlin"), now)
        is None
    )
    assert len(slack.messages("C1")) == 1


def test_missed_roundup_posted_within_grace_only(store, slack):
    fire = datetime(2025, 6, 16, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    late = fire + GRACE + timedelta(minutes=1)
    assert (
        catch_up(store, client(slack), "C1", "0 9 * * mon", ZoneInfo("Europe/Berlin"), late) is None
    )
    assert slack.messages("C1") == []


def test_crash_after_post_is_settled_from_history(store, slack):
    post_roundup(store, client(slack), "C1", period="p2", end=END)
    with store.transaction() as db:  # as if the process died before recording the ts
        db["roundups"].update(("p2", "C1"), {"status": "pending", "ts": None})
    assert post_roundup(store, client(slack), "C1", period="p2", end=END) is None
    assert len(slack.messages("C1")) == 1
    assert store.db["roundups"].get(("p2", "C1"))["status"] == "posted"


def test_chart_upload_failure_keeps_text(store, slack):
    slack.fail_next("files.getUploadURLExternal", error="not_allowed_token_type")
    assert post_roundup(store, client(slack), "C1", period=period_key(END), end=END)
    assert len(slack.messages("C1")) == 1 and not slack.files


def test_empty_week_is_one_friendly_line(store, slack):
    quiet = END + timedelta(days=60)
    post_roundup(store, client(slack), "C1", period="quiet", end=quiet)
    (msg,) = slack.messages("C1")
    assert "quiet week" in msg["text"] and msg["text"].count("\n") == 0 and not slack.files


def test_the_fallback_text_is_escaped_like_the_blocks(tmp_path, slack):
    """A company name carrying "<!channel>" must not ping from the message's fallback text
    (issue 17, item 7)."""
    store = Store(str(tmp_path / "d.db"))
    hostile = replace(DEALS[0], id=None, company="Acme <!channel> & Co")
    with store.transaction() as db:
        store.save_deal(db, hostile, prefix="acm", announce=True)
    post_roundup(store, client(slack), "C1", period="p9", end=END)
    (call,) = slack.calls_to("chat.postMessage")
    text = call.params["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; Co" in text


def test_a_failed_post_is_retried_by_the_next_cycles_check_within_grace(store, slack):
    """Issue 17, item 10: the scheduled post fails (Slack 500, or the network), and the check
    `dealbot run` makes after every poll cycle posts it once, while its grace lasts."""
    tz = ZoneInfo("Europe/Berlin")
    fire = datetime(2025, 6, 16, 9, tzinfo=tz)
    slack.fail_next("chat.postMessage", status=500)
    assert post_roundup(store, client(slack), "C1", period=period_key(fire), end=fire) is None
    assert slack.messages("C1") == []
    after_a_cycle = fire + timedelta(minutes=15)
    assert catch_up(store, client(slack), "C1", "0 9 * * mon", tz, after_a_cycle)
    assert catch_up(store, client(slack), "C1", "0 9 * * mon", tz, after_a_cycle) is None
    assert len(slack.messages("C1")) == 1
