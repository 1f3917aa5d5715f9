"""Named points in a poll cycle and a post, where tests hang code (the fault suite kills the
process there, to prove that exactly-once survives a crash between any two writes).

Why hooks and not a switch read from the environment: production code should not look for test
settings. reader's update hooks are the model: the caller installs callables; with none
installed, `fire` is one dict lookup.
"""

from __future__ import annotations

from collections.abc import Callable

POINTS = (
    "in_ingest",  # inside a story's write transaction
    "after_store",  # a cycle's stories and deals stored, nothing announced yet
    "after_pending",  # a card's pending row written, Slack not called yet
    "after_post",  # a card is in Slack, its row still pending
    "after_reply",  # a thread reply is in Slack, not recorded yet
)
_installed: dict[str, list[Callable[[], None]]] = {}


def add(point: str, hook: Callable[[], None]) -> None:
    if point not in POINTS:
        raise ValueError(f"no hook point {point!r}; known: {', '.join(POINTS)}")
    _installed.setdefault(point, []).append(hook)


def clear() -> None:
    _installed.clear()


def fire(point: str) -> None:
    for hook in _installed.get(point, ()):
        hook()
