"""bot.slack.mrkdwn: text from outside can never ping, forge a link or break a block."""

from __future__ import annotations

import re

import pytest

from bot.slack.mrkdwn import clip, escape, link


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("<!channel> raises", "&lt;!channel&gt; raises"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("A&B", "A&amp;B"),
        ("&amp;", "&amp;amp;"),  # escaped once, as typed
        (None, ""),
    ],
)
def test_escape(raw: str | None, safe: str) -> None:
    assert escape(raw) == safe


def test_links_only_for_http_and_never_forged() -> None:
    assert link("https://example.com/a?b=1&c=2", "Story") == (
        "<https://example.com/a?b=1&amp;c=2|Story>"
    )
    assert link("javascript:alert(1)", "Click") == "Click"
    assert link("https://x.example/|evil", "a|b\nc") == "<https://x.example/%7Cevil|a b c>"
    assert link("https://x.example/<!here>", "t") == "<https://x.example/%3C!here%3E|t>"
    assert link(None, "") == "link"


def test_clip() -> None:
    assert clip("abcdef", 10) == "abcdef"
    assert clip("abcdef", 4) == "abc…" and len(clip("x" * 5000, 3000)) == 3000


def test_clip_never_cuts_inside_an_entity() -> None:
    escaped = escape("a&b<c>" * 10)
    for limit in range(2, 40):
        out = clip(escaped, limit)
        assert len(out) <= limit
        assert not re.search(r"&(?:a|am|amp|l|lt|g|gt)?…$", out), out
