"""bot.hooks: named points tests hang code on; nothing runs unless a test installs it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot import hooks


@pytest.fixture(autouse=True)
def clean() -> Iterator[None]:
    hooks.clear()
    yield
    hooks.clear()


def test_nothing_installed_does_nothing() -> None:
    for point in hooks.POINTS:
        hooks.fire(point)


def test_installed_hooks_run_in_order_at_their_point_only() -> None:
    calls: list[str] = []
    hooks.add("after_post", lambda: calls.append("a"))
    hooks.add("after_post", lambda: calls.append("b"))
    hooks.add("after_store", lambda: calls.append("store"))
    hooks.fire("after_post")
    assert calls == ["a", "b"]


def test_an_unknown_point_is_refused() -> None:
    with pytest.raises(ValueError, match="no hook point"):
        hooks.add("after_lunch", lambda: None)
