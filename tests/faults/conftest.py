"""Fault-injection suite (issue 9): feeds, Slack, crashes, concurrency, hostile input, secrets
and a simulated-clock soak. Helpers live in faultkit.py; the feed server and fake Slack are the
shared ones in tests/fakes/ (feedserver.py, fakeslack.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # faultkit, whatever the import mode

from fakeslack import FakeSlack  # noqa: E402
from faultkit import TOKEN  # noqa: E402

from bot.store import Store  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "soak: long simulated-clock run (about a minute); deselect with -m 'not soak'"
    )


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(tokens=[TOKEN]) as server:
        server.add_channel("C0DEALS", "deals")
        yield server


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    s = Store(str(tmp_path / "d.db"))
    yield s
    s.close()
