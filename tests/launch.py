"""Run `dealbot` in a subprocess with what tests install: a fixed clock, and hooks.

    python tests/launch.py --at 2026-11-25T12:00:00+00:00 -- run

Why: a subprocess cannot be handed a fake clock from the test, and `dealbot run` rightly acts
on the clock (a missed Monday roundup is posted at start). Travelling to a stated instant
(time-machine, ticking from there) makes such a test mean the same on every day.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

import time_machine


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="launch.py")
    parser.add_argument("--at", required=True, help="ISO instant the clock starts at")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args(argv)
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    from bot.cli import main as dealbot

    with time_machine.travel(datetime.fromisoformat(opts.at), tick=True):
        return dealbot(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
