"""`make bench` (python -m bench): every performance claim, measured side by side in one run.

Prints a table (name, measured, target, met?) and writes bench/results.json with the date and a
description of the machine. Synthetic databases are built once into bench/.cache/ (git-ignored).

    python -m bench                 everything (about 5 minutes; + ~1 minute the first time)
    python -m bench ingest scale    only some: ingest extraction scale deal poll memory
                                    freshness fanout
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from datetime import datetime, timezone

from bench import deal, extraction, fanout, freshness, ingest, memory, poll, scale
from bench.common import CACHE, HERE, describe, machine

BENCHES = {
    "ingest": ingest.run,
    "extraction": extraction.run,
    "scale": scale.run,
    "deal": deal.run,
    "poll": poll.run,
    "memory": memory.run,
    "freshness": freshness.run,
    "fanout": fanout.run,
}


def table(rows: list[dict]) -> str:
    width = max(len(r["name"]) for r in rows)
    mwidth = max(len(r["measured"]) for r in rows)
    lines = [f"{'benchmark':{width}s}  {'measured':{mwidth}s}  {'target':16s} met?"]
    for r in rows:
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        lines.append(f"{r['name']:{width}s}  {r['measured']:{mwidth}s}  {r['target']:16s} {met}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    logging.disable(logging.WARNING)  # hanging feeds are expected to fail; keep the table clean
    names = argv or list(BENCHES)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
        return 2
    info = machine()
    load_before = os.getloadavg()  # other processes on the machine make p99s noisy: say so
    print(f"dealbot bench on {describe(info)}", flush=True)
    rows: list[dict] = []
    timings = {}
    for name in names:
        print(f"- {name} …", flush=True)
        start = time.perf_counter()
        rows += BENCHES[name]()
        timings[name] = round(time.perf_counter() - start, 1)
    print()
    print(table(rows))
    out = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": info,
        "machine_description": describe(info),
        "seconds": timings,
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in os.getloadavg()],
        },
        "results": rows,
    }
    # only a complete run replaces the published results; a partial one goes to the cache
    path = HERE / "results.json" if names == list(BENCHES) else CACHE / "results-partial.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"\nload average (1 min) before/after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f}")
    print(f"written {path} ({sum(timings.values()):.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
