"""`dealbot doctor` against the fake Slack and a local feed server: a missing scope, a channel
the bot is not in, a dead feed, a corrupt database and a skewed clock each get a line with a
fix, and the exit code says whether anything is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fakeslack import FakeSlack

from bot import doctor
from bot.cli import main
from bot.config import Settings

MANIFEST = Path(__file__).resolve().parents[1] / "manifest.yml"
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
    b"<item><title>Mistral AI raises \xe2\x82\xac600M Series B led by General Catalyst</title>"
    b"<link>https://news.example/mistral</link></item></channel></rss>"
)


def test_the_doctor_asks_for_the_manifests_scopes() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    bot = text.split("    bot:\n", 1)[1].split("settings:", 1)[0]
    assert re.findall(r"^\s+- ([\w:.]+)", bot, re.M) == list(doctor.SCOPES)


@pytest.fixture
def setup(tmp_path, monkeypatch, feed_server):
    ok = feed_server.add("/ok", FEED)
    dead = feed_server.add("/gone", b"gone", status=404)
    (tmp_path / "feeds.toml").write_text(
        f'[[feeds]]\nname = "Local wire"\nurl = "{ok}"\n\n[[feeds]]\nname = "Gone"\nurl = "{dead}"\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEALBOT_DB", str(tmp_path / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(tmp_path / "feeds.toml"))
    monkeypatch.setenv("DEALBOT_ALLOW_PRIVATE_FEEDS", "1")
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    with FakeSlack() as fake:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.api_url)
        monkeypatch.setenv("DEALBOT_CHANNEL", "C0DEALS")
        yield fake, tmp_path


def test_a_missing_scope_and_a_channel_the_bot_is_not_in(setup, capsys) -> None:
    fake, _ = setup
    fake.scopes.remove("files:write")
    fake.add_channel("C0DEALS", "deals", member=False)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"token\s+ok\s+valid", out)
    assert re.search(r"scopes\s+PROBLEM\s+missing: files:write", out)
    assert "reinstall the app" in out
    assert re.search(r"channel\s+PROBLEM\s+#deals: the bot is not in it", out)
    assert "/invite @dealbot" in out
    assert re.search(r"feed\s+ok\s+Local wire: 1 items", out)
    assert re.search(r"feed\s+PROBLEM\s+Gone: ", out) and "dealbot feeds remove" in out
    assert re.search(r"clock\s+ok", out)


def test_all_good_exits_0(setup, capsys, feed_server) -> None:
    fake, tmp_path = setup
    (tmp_path / "feeds.toml").write_text(
        f'[[feeds]]\nname = "Local wire"\nurl = "{feed_server.url("/ok")}"\n'
    )
    fake.add_channel("C0DEALS", "deals")
    assert main(["doctor"]) == 0
    assert "all good" in capsys.readouterr().err


def test_a_refused_token_and_a_corrupt_database(setup, capsys, monkeypatch) -> None:
    _, tmp_path = setup
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-not-known")
    (tmp_path / "d.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"token\s+PROBLEM\s+Slack refused it: invalid_auth", out)
    assert re.search(r"database\s+PROBLEM", out) and "backup" in out


def test_clock_skew_is_a_problem() -> None:
    finding = doctor._skew("Mon, 07 Dec 2020 10:00:00 GMT")
    assert not finding.ok and "ahead of Slack" in finding.detail and "NTP" in finding.fix
    assert doctor._skew("").ok  # no Date header: nothing to compare


def test_console_mode_is_not_a_problem() -> None:
    [finding] = doctor.slack_checks(Settings(), client=None)
    assert finding.ok and "console mode" in finding.detail
