"""Test-only crash points, so fault tests can kill -9 a real `dealbot poll` at an exact step.

Why: exactly-once must survive a crash between any two writes (a story stored but not
announced, a pending row whose card may or may not be in Slack, a thread reply posted but not
recorded). Killing the process from outside at the right instant is a race; a named point is
exact. `crash_point(name)` is a no-op unless DEALBOT_TEST_CRASH_AT names that point: then the
process sends itself SIGKILL (no cleanup, no flush, no atexit: what a power cut does).
`DEALBOT_TEST_CRASH_AT=after_post:2` kills at the second time the point is reached.
"""

from __future__ import annotations

import os
import signal

_seen: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Die here with SIGKILL if DEALBOT_TEST_CRASH_AT asks for this point; else do nothing."""
    wanted = os.environ.get("DEALBOT_TEST_CRASH_AT")
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
