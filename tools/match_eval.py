"""Deal-matching evaluation: labelled clusters must each become one deal; near-misses two.

Stories come from tests/data/match_clusters.jsonl and match_nearmiss.jsonl. A story is one of:
a TechCrunch corpus item (`corpus_link`), a world-feeds item (`world_id`), both read from
../shared/corpus and skipped where it is absent; or our own wording of a real public deal
(`title`, `published`, `outlet`, with `"ours": true`). Clusters holding any of our own reports are
counted apart from clusters built only from real items, and a cluster's `across` tags
("languages", "currencies") are labels we made by reading, counted per tag.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "techcrunch-startups-2024-2025.jsonl"
WORLD = ROOT.parent / "shared" / "corpus" / "world-feeds.jsonl"
FOREVER = timedelta(days=365 * 100)


@dataclass
class MatchReport:
    clusters: int = 0
    one_deal: int = 0
    real_clusters: int = 0  # built only from real items in ../shared/corpus
    real_one_deal: int = 0
    across: Counter = field(default_factory=Counter)  # tag -> clusters
    across_one_deal: Counter = field(default_factory=Counter)
    cluster_side_missed: int = 0  # a story of the cluster not read as a deal at all
    skipped: int = 0
    near_misses: int = 0
    false_merges: int = 0
    undetected: int = 0
    misses: list[str] = field(default_factory=list)


def _rows(path: Path, key: str) -> dict[str, dict] | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return {row[key]: row for row in map(json.loads, fh)}


def _when(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(hour=12, tzinfo=timezone.utc)


def _story(ref: dict, corpus: dict | None, world: dict | None) -> Story | None:
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
    if "world_id" in ref:
        if world is None or ref["world_id"] not in world:
            return None
        row = world[ref["world_id"]]
        return Story(
            link=row["link"],
            title=row["title"],
            summary=row.get("summary") or "",
            published=_when(ref.get("published") or row["published"]),
            outlet=row["outlet"],
        )
    return Story(
        link=ref["link"],
        title=ref["title"],
        summary=ref.get("summary", ""),
        published=_when(ref["published"]),
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
    corpus = _rows(CORPUS, "link")
    world = _rows(WORLD, "id")
    report = MatchReport()
    for name, expect_one in (("match_clusters.jsonl", True), ("match_nearmiss.jsonl", False)):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            label = item.get("cluster") or item.get("pair")
            stories = [_story(ref, corpus, world) for ref in item["stories"]]
            if any(s is None for s in stories):
                report.skipped += 1
                continue
            deals = _deals_for([s for s in stories if s is not None])
            if expect_one:
                _score_cluster(report, item, label, len(stories), deals)
            else:
                report.near_misses += 1
                if len(deals) < 2:  # a side not recognised as a deal: an extraction miss
                    report.undetected += 1
                    report.misses.append(f"near-miss {label}: only {len(deals)} side(s) a deal")
                elif len(set(deals)) < len(deals):
                    report.false_merges += 1
                    report.misses.append(f"near-miss {label}: merged into one deal")
    return report


def _score_cluster(report: MatchReport, item: dict, label: str, stories: int, deals: list):
    """One deal from every story of the cluster; a story read as no deal fails it too."""
    real = not any(ref.get("ours") for ref in item["stories"])
    report.clusters += 1
    report.real_clusters += real
    tags = item.get("across") or []
    report.across.update(tags)
    ok = len(deals) == stories and len(set(deals)) == 1
    if ok:
        report.one_deal += 1
        report.real_one_deal += real
        report.across_one_deal.update(tags)
    elif len(deals) < stories:
        report.cluster_side_missed += 1
        report.misses.append(f"cluster {label}: {stories - len(deals)} story(ies) not a deal")
    else:
        report.misses.append(f"cluster {label}: {len(set(deals))} deals")


def print_match_report(report: MatchReport) -> None:
    print(
        f"\n== deal matching: {report.clusters} clusters, {report.near_misses} near-miss pairs"
        f" ({report.skipped} skipped without ../shared/corpus)"
    )
    ours = report.clusters - report.real_clusters
    print(f"  clusters that became exactly one deal: {report.one_deal}/{report.clusters}")
    print(f"    built from real items only:          {report.real_one_deal}/{report.real_clusters}")
    print(
        f"    holding our own reports:             {report.one_deal - report.real_one_deal}/{ours}"
    )
    for tag in sorted(report.across):
        print(f"    across {tag + ':':<30}{report.across_one_deal[tag]}/{report.across[tag]}")
    print(f"  clusters with a story not read as a deal: {report.cluster_side_missed}")
    print(f"  false merges among near-misses:        {report.false_merges}/{report.near_misses}")
    print(f"  near-misses with a side not a deal:    {report.undetected}/{report.near_misses}")
    for miss in report.misses:
        print(f"  - {miss}")
