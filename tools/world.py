"""The world corpus in `make eval`: real feed items from about 240 outlets in ten languages,
labelled by reading (tests/data/world/labels.jsonl), scored apart for the outlets we tune on and
the outlets held out (tests/data/world/heldout_outlets.txt), with a row per region and language.

The held-out part is never tuned on: its misses are not printed, only its numbers.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tools.evaluate import SHARED, Case, Report, score

ROOT = Path(__file__).resolve().parents[1]
WORLD = SHARED / "corpus" / "world-feeds.jsonl"
LABELS = ROOT / "tests" / "data" / "world" / "labels.jsonl"
HELDOUT = ROOT / "tests" / "data" / "world" / "heldout_outlets.txt"
# the targets for the held-out outlets
TARGETS = {
    "funding_f1": 0.95,
    "company": 0.92,
    "amount": 0.95,
    "round": 0.92,
    "lead_investors": 0.85,
}
COLUMNS = ("funding_f1", "company", "amount", "currency", "round", "lead_investors", "investors")
SHORT = {"funding_f1": "F1", "lead_investors": "lead", "investors": "invest"}


@dataclass(frozen=True)
class WorldCase:
    case: Case
    outlet: str
    language: str
    region: str
    heldout: bool


def heldout_outlets(path: Path = HELDOUT) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def world_cases() -> list[WorldCase] | None:
    """Every labelled world item, or None when ../shared/corpus is not here."""
    if not WORLD.is_file():
        return None
    items = {}
    with WORLD.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            items[row["id"]] = row
    held = heldout_outlets()
    cases = []
    with LABELS.open(encoding="utf-8") as fh:
        for line in fh:
            label = json.loads(line)
            item = items[label["id"]]
            cases.append(
                WorldCase(
                    Case(label["id"], item["title"], item.get("summary") or "", label),
                    item["outlet"],
                    item["language"],
                    _region(item["region"]),
                    item["outlet"] in held,
                )
            )
    return cases


def _region(region: str) -> str:
    """Europe's sub-regions as one row: a row of six items says nothing."""
    return "Europe" if region.startswith("Europe") else region


def slices(cases: list[WorldCase]) -> list[tuple[str, Callable[[WorldCase], bool]]]:
    regions = sorted({c.region for c in cases})
    languages = sorted({c.language for c in cases})
    out: list[tuple[str, Callable[[WorldCase], bool]]] = [
        ("all", lambda c: True),
        ("all but English", lambda c: c.language != "en"),
    ]
    out += [(f"region {r}", lambda c, r=r: c.region == r) for r in regions]
    out += [(f"language {x}", lambda c, x=x: c.language == x) for x in languages]
    return out


def _cell(report: Report, column: str) -> str:
    if report.n == 0 or (column == "funding_f1" and not report.tp + report.fp + report.fn):
        return "-"
    if column != "funding_f1" and report.field_n == 0:
        return "-"
    return f"{report.scores()[column]:.2f}"


def print_world(cases: list[WorldCase], *, misses: int, out=sys.stdout) -> dict[str, Report]:
    """The side-by-side table; returns the two overall reports ("tune", "heldout")."""
    print(
        f"\n== world corpus: {len(cases)} items labelled by reading, "
        f"{sum(c.heldout for c in cases)} from outlets held out of tuning",
        file=out,
    )
    head = "  ".join(f"{SHORT.get(c, c)[:6]:>6s}" for c in COLUMNS)
    print(f"{'':22s} {'tune':>10s} {head}  | {'held out':>10s} {head}", file=out)
    overall: dict[str, Report] = {}
    for name, wanted in slices(cases):
        row = []
        for part, held in (("tune", False), ("heldout", True)):
            chosen = [c.case for c in cases if c.heldout == held and wanted(c)]
            report = score(f"world {part} {name}", chosen)
            if name == "all":
                overall[part] = report
            count = f"{report.n}/{report.field_n}f"
            row.append(f"{count:>10s} " + "  ".join(f"{_cell(report, c):>6s}" for c in COLUMNS))
        print(f"{name:22s} {row[0]}  | {row[1]}", file=out)
    tune = overall["tune"]
    if misses:
        print(f"-- tune misses (first {misses} of {len(tune.misses)}):", file=out)
        for key, f, got, want, title, why in tune.misses[:misses]:
            rule = f" (rule: {why[f]})" if why.get(f) else ""
            print(f"  [{f}] got={got!r} want={want!r}{rule}  {title[:110]}  <{key}>", file=out)
    return overall


def failures(report: Report) -> list[str]:
    scores = report.scores()
    return [f"{k} {scores[k]:.3f} < {t}" for k, t in TARGETS.items() if scores[k] < t]
