"""Shared fixtures: a local feed server and the shared data directory beside the checkout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer


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
