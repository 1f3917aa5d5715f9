"""Shared fixtures (a local feed server, the shared data directory) and `--at`: the whole suite
with the clock started at a fixed instant, so a test that depends on today's date is found on
any day, not on some Monday in CI.

    pytest --at 2026-11-30T10:00:00+00:00                # a Monday, an hour after the roundup
    pytest --at 2026-12-31T23:59:00 --tz Pacific/Kiritimati   # New Year's Eve in UTC+14
    pytest --at 2028-02-29T12:00:00+00:00                # a leap day

Subprocesses started through tests/launch.py start at this process's now, so they travel too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from feedserver import FeedServer


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--at", help="start the clock at this ISO instant for the whole run")
    parser.addoption("--tz", help="with --at: the local time zone (sets TZ), e.g. Asia/Tokyo")


def pytest_configure(config: pytest.Config) -> None:
    at = config.getoption("--at")
    if not at:
        return
    import time_machine

    when = datetime.fromisoformat(at)
    if config.getoption("--tz"):
        when = when.replace(tzinfo=ZoneInfo(config.getoption("--tz")))  # time-machine sets TZ
    traveller = time_machine.travel(when, tick=True)
    traveller.start()
    config.stash[_TRAVEL] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVEL, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    at = config.getoption("--at")
    return f"clock started at {at} {config.getoption('--tz') or ''}".strip() if at else None


_TRAVEL = pytest.StashKey[object]()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer on 127.0.0.1 (port 0), stopped after the test."""
    with FeedServer() as server:
        yield server


@pytest.fixture
def shared_dir() -> Path:
    """../shared next to the repository (fixtures and corpus); skips when it is absent."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        pytest.skip(f"shared data directory not found: {path} (expected beside the checkout)")
    return path


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder for `dealbot` commands run in-process: a feeds file (one local feed),
    DEALBOT_DB and DEALBOT_FEEDS set, no Slack token (console mode)."""
    (tmp_path / "feeds.toml").write_text('[[feeds]]\nname = "L"\nurl = "http://127.0.0.1:9/f"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEALBOT_DB", str(tmp_path / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(tmp_path / "feeds.toml"))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DEALBOT_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path
