"""Deal-matching evaluation: labelled clusters must each become one deal; near-misses two.

Stories come from tests/data/match_clusters.jsonl and match_nearmiss.jsonl: our own wording of
real deals, or references to ../shared/corpus headlines (skipped when the corpus is absent).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"
FOREVER = timedelta(days=365 * 100)


@dataclass
class MatchReport:
    clusters: int = 0
    one_deal: int = 0
    skipped: int = 0
    near_misses: int = 0
    false_merges: int = 0
    undetected: int = 0
    misses: list[str] = field(default_factory=list)


def _corpus() -> dict[str, dict] | None:
    if not CORPUS.is_file():
        return None
    with CORPUS.open(encoding="utf-8") as fh:
        return {row["link"]: row for row in map(json.loads, fh)}


def _story(ref: dict, corpus: dict | None) -> Story | None:
    if "corpus_link" in ref:
        if corpus is None or ref["corpus_link"] not in corpus:
            return None
        row = corpus[ref["corpus_link"]]
        return Story(
            link=row["link"],
            title=row["titles"][ref.get("title_index", 0)],
            published=datetime.fromisoformat(row["first_seen"]).astimezone(timezone.utc),
            outlet="TechCrunch",
            guid=row["link"],
        )
    published = datetime.fromisoformat(ref["published"].replace("Z", "+00:00"))
    return Story(
        link=ref["link"],
        title=ref["title"],
        summary=ref.get("summary", ""),
        published=published,
        outlet=ref.get("outlet", ""),
    )


def _deals_for(stories: list[Story]) -> list[int]:
    """The deal each story became part of, in story order (stories that are no deal left out)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "m.db"))
        deal_ids: list[int] = []
        for story in sorted(stories, key=lambda s: s.published):
            result = ingest(store, story, now=story.published, max_age=FOREVER)
            if result.event:
                deal_ids.append(result.event.deal.id)
        store.close()
    return deal_ids


def evaluate() -> MatchReport:
    corpus = _corpus()
    report = MatchReport()
    for name, expect_one in (("match_clusters.jsonl", True), ("match_nearmiss.jsonl", False)):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            label = item.get("cluster") or item.get("pair")
            stories = [_story(ref, corpus) for ref in item["stories"]]
            if any(s is None for s in stories):
                report.skipped += 1
                continue
            deals = _deals_for(stories)
            if expect_one:
                report.clusters += 1
                if len(set(deals)) == 1:
                    report.one_deal += 1
                else:
                    report.misses.append(f"cluster {label}: {len(set(deals))} deals")
            else:
                report.near_misses += 1
                if len(deals) < 2:  # a side not recognised as a deal: an extraction miss
                    report.undetected += 1
                    report.misses.append(f"near-miss {label}: only {len(deals)} side(s) a deal")
                elif len(set(deals)) < len(deals):
                    report.false_merges += 1
                    report.misses.append(f"near-miss {label}: merged into one deal")
    return report


def print_match_report(report: MatchReport) -> None:
    print(
        f"\n== deal matching: {report.clusters} clusters, {report.near_misses} near-miss pairs"
        f" ({report.skipped} skipped without ../shared/corpus)"
    )
    print(f"  clusters that became exactly one deal: {report.one_deal}/{report.clusters}")
    print(f"  false merges among near-misses:        {report.false_merges}/{report.near_misses}")
    print(f"  near-misses with a side not a deal:    {report.undetected}/{report.near_misses}")
    for miss in report.misses:
        print(f"  - {miss}")
