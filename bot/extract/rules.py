"""Ordered, named rules: each field of an extraction is chosen by the first rule that answers.

feedparser keeps its date handlers the same way: a list tried in order, each small and named.
The name of the rule that gave each field travels with the extraction (`Extraction.rules`), so
`make eval` can say which rule produced each field of each mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

S = TypeVar("S")
T = TypeVar("T")

Rule = tuple[str, Callable[[S], T | None]]


def first(rules: Sequence[tuple[str, Callable[[S], T | None]]], story: S) -> tuple[T | None, str]:
    """The first rule's answer that is not None or empty, and the rule's name ("" if none)."""
    for name, rule in rules:
        value = rule(story)
        if value is not None and value != () and value != "":
            return value, name
    return None, ""
