"""What the matching tests share: a fresh store, and one headline ingested as a story."""

from datetime import timedelta

import pytest

from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "d.db"))


def _feed(store, link, title, when, outlet="Wire"):
    story = Story(f"https://{outlet.lower()}.example/{link}", title, published=when, outlet=outlet)
    return ingest(store, story, now=when, max_age=timedelta(days=2))


@pytest.fixture
def feed():
    """feed(store, link, title, when, outlet="Wire"): the headline as one outlet's story, read
    when it was published."""
    return _feed
