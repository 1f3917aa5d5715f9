"""Shared helpers: the machine description, timing, a result row."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
    }


def describe(m: dict) -> str:
    return f"{m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['python']}"


def best_of(fn: Callable[[], float], repeat: int) -> float:
    """The fastest of `repeat` timings (seconds): the least disturbed by a noisy machine."""
    return min(fn() for _ in range(repeat))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def row(name: str, measured: str, target: str, met: bool | None, **details) -> dict:
    """One line of the table; `details` go to results.json only."""
    return {"name": name, "measured": measured, "target": target, "met": met, **details}
