"""Run `dealbot` in a subprocess with what tests install: a stated clock, and hooks.

    python tests/launch.py --at 2026-11-25T12:00:00+00:00 [--crash-at after_post:2] -- run

Why: a subprocess cannot be handed a fake clock or a hook from the test. `dealbot run` rightly
acts on the clock (a missed Monday roundup is posted at start), so a test that starts it says
when it starts (time-machine, ticking from there). `--crash-at POINT[:N]` installs a hook
(bot.hooks) that kills the process with SIGKILL the Nth time POINT is reached: no cleanup, no
flush, no atexit, what a power cut does.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import datetime, timezone
from pathlib import Path

import time_machine

HERE = Path(__file__).resolve()


def dealbot(*args: str, at: str | None = None, crash_at: str | None = None) -> list[str]:
    """The command line for `dealbot ARGS` under the launcher. The clock starts at `at`, by
    default at this process's now, so a suite run at a fixed instant reaches its subprocesses."""
    at = at or datetime.now(timezone.utc).isoformat()
    crash = ["--crash-at", crash_at] if crash_at else []
    return [sys.executable, str(HERE), "--at", at, *crash, "--", *args]


def _install_crash(spec: str) -> None:
    from bot import hooks

    point, _, nth = spec.partition(":")
    reached = 0

    def kill() -> None:
        nonlocal reached
        reached += 1
        if reached >= int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)

    hooks.add(point, kill)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="launch.py")
    parser.add_argument("--at", required=True, help="ISO instant the clock starts at")
    parser.add_argument("--crash-at", help="POINT[:N]: SIGKILL the Nth time POINT is reached")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args(argv)
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    if opts.crash_at:
        _install_crash(opts.crash_at)
    from bot.cli import main as run_dealbot

    with time_machine.travel(datetime.fromisoformat(opts.at), tick=True):
        return run_dealbot(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
