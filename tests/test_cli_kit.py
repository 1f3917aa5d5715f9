"""The command line as operators use it: --version, -v after the subcommand, a poll that says
when every feed failed, posting with the bot token alone, and logs as JSON."""

from __future__ import annotations

import json
import logging

import pytest

from bot.cli import build_parser, main
from bot.config import Settings, load_settings
from bot.logs import setup_logging


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    (tmp_path / "feeds.toml").write_text(
        '[[feeds]]\nname = "Closed port"\nurl = "http://127.0.0.1:9/feed"\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEALBOT_DB", str(tmp_path / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(tmp_path / "feeds.toml"))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DEALBOT_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("dealbot ")


@pytest.mark.parametrize(
    "argv", [["-v", "feeds", "list"], ["feeds", "list", "-v"], ["feeds", "-v", "list"]]
)
def test_verbose_before_or_after_the_subcommand(argv) -> None:
    assert build_parser().parse_args(argv).verbose is True
    assert build_parser().parse_args(["feeds", "list"]).verbose is False


def test_poll_exits_1_when_every_feed_failed(workdir, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DEALBOT_ALLOW_PRIVATE_FEEDS", "1")
    assert main(["poll"]) == 1
    err = capsys.readouterr().err
    assert "polled 1 feeds" in err and "every feed failed" in err


def test_posting_needs_the_bot_token_alone(workdir, monkeypatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-only-a-token")
    settings = load_settings(dotenv_path=None)
    assert settings.slack_bot_token and settings.slack_signing_secret is None


def test_run_in_http_mode_asks_for_the_signing_secret(workdir, capsys) -> None:
    from bot.runner import run

    settings = Settings(slack_bot_token="xoxb-t", channel="C0DEALS", db_path=str(workdir / "d.db"))
    assert run(settings) == 2
    assert "SLACK_SIGNING_SECRET is required in HTTP mode" in capsys.readouterr().out


def test_json_logs_with_secrets_redacted(caplog) -> None:
    settings = Settings(slack_bot_token="xoxb-secret-1234567890", log_format="json")
    root = logging.getLogger()
    saved = [(h, h.formatter) for h in root.handlers]
    try:
        setup_logging(settings)
        logging.getLogger("dealbot.test").error("token %s refused", settings.slack_bot_token)
    finally:
        for handler, formatter in saved:
            handler.setFormatter(formatter)
    line = caplog.text.strip().splitlines()[-1]  # pytest's handler got the JSON formatter too
    record = json.loads(line)
    assert record["level"] == "ERROR" and record["logger"] == "dealbot.test"
    assert "xoxb-secret" not in line and "refused" in record["message"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("DEALBOT_LOG_LEVEL", "loud"), ("DEALBOT_LOG_FORMAT", "xml"), ("DEALBOT_METRICS_PORT", "0")],
)
def test_bad_logging_and_port_settings_are_named(workdir, monkeypatch, name, value) -> None:
    from bot.config import ConfigError

    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_settings(dotenv_path=None)


def test_feeds_domains_for_the_manifest(tmp_path) -> None:
    from bot.cli import unfurl_domains

    feeds = [
        {"url": "https://www.techcrunch.com/feed/"},
        {"url": "https://feeds.example.org/rss"},
        {"url": "https://sifted.eu/feed/?post_type=article"},
    ]
    assert unfurl_domains(feeds) == ["example.org", "sifted.eu", "techcrunch.com"]
