"""Item 6: tokens and the signing secret never reach logs, stderr or error messages.
bot/logs.py's filter sits on the root handlers that bot.cli.main installs for every command."""

from __future__ import annotations

import io
import logging
import subprocess

import pytest
from faultkit import company_names, dealbot_env, headline, hours_ago, rss
from launch import dealbot

from bot.config import Settings
from bot.logs import setup_logging

BOT = "xoxb-1111-2222-SeCrEtBoTtOkEn"
USER = "xoxp-3333-4444-SeCrEtUsErToKeN"
APP = "xapp-1-A0-5555-SeCrEtApPtOkEn"
SIGNING = "5f2b9c0e8d7a6b5c4d3e2f1a0b9c8d7e"
SECRETS = ("SeCrEt", SIGNING)


@pytest.fixture
def captured():
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    root = logging.getLogger()
    root.addHandler(handler)
    old = root.level
    settings = Settings(slack_bot_token=BOT, slack_app_token=APP, slack_signing_secret=SIGNING)
    redactor = setup_logging(settings, verbose=True)
    try:
        yield out
    finally:
        root.removeHandler(handler)
        root.setLevel(old)
        for h in root.handlers:
            h.removeFilter(redactor)


def test_tokens_in_message_args_and_exceptions_are_redacted(captured) -> None:
    log = logging.getLogger("anything.else")  # not a dealbot logger: the filter is on handlers
    log.warning("token %s and %s", BOT, {"user": USER, "app": APP})
    log.error(f"signing secret {SIGNING} in an f-string")
    try:
        raise RuntimeError(
            f"client=<WebClient token={BOT!r}> headers={{'Authorization': 'Bearer {BOT}'}}"
        )
    except RuntimeError:
        log.exception("call failed")
    log.info("bad %s format %s", BOT)  # a broken format string is still logged, redacted
    text = captured.getvalue()
    assert "[REDACTED]" in text and "RuntimeError" in text and "call failed" in text
    for secret in SECRETS:
        assert secret not in text


def test_short_placeholder_secrets_do_not_garble_logs(captured) -> None:
    setup_logging(Settings(slack_signing_secret="s"), verbose=True)
    logging.getLogger("x").warning("slack sends signed requests")
    assert "slack sends signed requests" in captured.getvalue()


def test_dealbot_poll_with_a_refused_token_leaks_nothing(tmp_path, feed_server, fake) -> None:
    """Every Slack call is refused (invalid_auth), logged with -v: stderr names the problem,
    never the token or the signing secret."""
    name = company_names(1, seed=2)[0]
    url = feed_server.add("/tc", rss([(headline(name, 1), "https://tc.example/x", hours_ago(1))]))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nname = "TC"\nurl = "{url}"\n')
    env = dealbot_env(fake, tmp_path / "d.db", feeds, token=BOT, secret=SIGNING)
    proc = subprocess.run(
        dealbot("-v", "poll"),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "invalid_auth" in out and "SLACK_BOT_TOKEN was refused" in out
    for secret in SECRETS:
        assert secret not in out
    # and the token did reach Slack (so it was really used, just never shown)
    assert fake.calls_to("chat.postMessage")[0].headers["authorization"] == f"Bearer {BOT}"


def test_settings_repr_and_config_errors_hide_secrets() -> None:
    text = repr(Settings(slack_bot_token=BOT, slack_app_token=APP, slack_signing_secret=SIGNING))
    for secret in SECRETS:
        assert secret not in text
    from bot.config import ConfigError, load_settings

    with pytest.raises(ConfigError) as err:
        load_settings({"SLACK_BOT_TOKEN": "xoxp-SeCrEt-user-token"}, dotenv_path=None)
    assert "SeCrEt" not in str(err.value)
