"""Sector tags (bot.extract.sectors) against labels made by reading (tests/data/sectors).

Scores each funding story's tags: micro precision, recall and F1 over tags, and whether the
first tag is one the reader gave; per sector on its own row. The world corpus's held-out
outlets are scored apart and their misses never listed (they are not tuned on).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.extract.sectors import SECTORS, sectors

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "sectors" / "labels.jsonl"
SHARED = ROOT.parent / "shared" / "corpus"


@dataclass
class Score:
    name: str
    n: int = 0
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    first_ok: int = 0
    first_n: int = 0
    misses: list = field(default_factory=list)

    def add(self, key: str, title: str, got: tuple[str, ...], want: list[str]) -> None:
        self.n += 1
        for tag in set(got) & set(want):
            self.tp[tag] += 1
        for tag in set(got) - set(want):
            self.fp[tag] += 1
        for tag in set(want) - set(got):
            self.fn[tag] += 1
        if want:
            self.first_n += 1
            self.first_ok += bool(got) and got[0] in want
        if set(got) != set(want):
            self.misses.append((key, list(got), want, title))

    def prf(self, tag: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[tag] if tag else sum(self.tp.values())
        fp = self.fp[tag] if tag else sum(self.fp.values())
        fn = self.fn[tag] if tag else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cases() -> list[tuple[str, str, str, list[str], str]] | None:
    """(key, title, summary, sectors, part) per label; None without ../shared/corpus."""
    world_path = SHARED / "world-feeds.jsonl"
    tc_path = SHARED / "techcrunch-startups-2024-2025.jsonl"
    if not world_path.is_file() or not tc_path.is_file():
        return None
    from tools.world import heldout_outlets

    world = {}
    with world_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            world[row["id"]] = row
    titles = {}
    with tc_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            titles[row["link"]] = row["titles"]
    held = heldout_outlets()
    out = []
    with LABELS.open(encoding="utf-8") as fh:
        for line in fh:
            label = json.loads(line)
            key = label["key"]
            if key in world:
                item = world[key]
                part = "world held out" if item["outlet"] in held else "world tune"
                out.append((key, item["title"], item.get("summary") or "", label["sectors"], part))
            else:
                link, _, index = key.rpartition("#")
                out.append((key, titles[link][int(index)], "", label["sectors"], "TechCrunch"))
    return out


def evaluate() -> dict[str, Score] | None:
    found = cases()
    if found is None:
        return None
    scores = {p: Score(p) for p in ("world tune", "world held out", "TechCrunch")}
    scores["all"] = Score("all")
    for key, title, summary, want, part in found:
        got = sectors(title, summary)
        scores[part].add(key, title, got, want)
        scores["all"].add(key, title, got, want)
    return scores


def print_sector_report(scores: dict[str, Score] | None, *, misses: int = 20, out=None) -> None:
    out = out or sys.stdout
    if scores is None:
        print("sectors: skipped, ../shared/corpus not found", file=out)
        return
    print(f"\n== sectors: {scores['all'].n} funding stories labelled by reading", file=out)
    print(f"{'':22s}{'n':>5s}  precision  recall    F1   first tag right", file=out)
    for name, s in scores.items():
        p, r, f1 = s.prf()
        first = s.first_ok / s.first_n if s.first_n else 1.0
        print(f"{name:22s}{s.n:5d}     {p:.2f}    {r:.2f}   {f1:.2f}   {first:.2f}", file=out)
    every = scores["all"]
    print(f"{'sector':22s}{'label':>5s}  precision  recall    F1", file=out)
    for tag in SECTORS:
        labelled = every.tp[tag] + every.fn[tag]
        p, r, f1 = every.prf(tag)
        print(f"{tag:22s}{labelled:5d}     {p:.2f}    {r:.2f}   {f1:.2f}", file=out)
    tune = [m for name in ("world tune", "TechCrunch") for m in scores[name].misses]
    print(f"-- sector misses, tune parts only (first {misses} of {len(tune)}):", file=out)
    for key, got, want, title in tune[:misses]:
        print(f"  got={got} want={want}  {title[:90]}  <{key[:60]}>", file=out)
