"""The replay: every labelled real item (world feeds and TechCrunch) through `ingest` into one
store in time order, as a long-running bot would have seen them, scored against the labels.

A true deal is one labelled cluster (tests/data/match_clusters.jsonl, real items only) or one
item labelled funding/rumor that no cluster holds. The issue's acceptance counts:
- deals with exactly one card: every story of the deal that dealbot read as a deal landed on one
  card, at least one did, and that card holds no other true deal's story;
- multi-outlet deals with every outlet on its card (thread or update);
- false merges: cards holding stories of two or more true deals;
- non-deal stories carded: items labelled acquisition/ipo/fund/other that started a card.

A singleton label may be a deal some other item also reports (the clusters were found by reading,
not exhaustively), so a "false merge" printed here is worth reading before it is believed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store
from tools.match_eval import CORPUS, DATA, FOREVER, WORLD, _rows, _story
from tools.world import heldout_outlets

DEAL_KINDS = ("funding", "rumor")


@dataclass
class ReplayReport:
    stories: int = 0
    deals: int = 0  # true deals
    one_card: int = 0
    no_card: int = 0
    split: int = 0
    multi: int = 0  # true deals told by two or more outlets
    multi_whole: int = 0
    cards: int = 0
    false_merges: int = 0
    non_deals: int = 0
    non_deals_carded: int = 0
    held_out_unlisted: int = 0  # carded non-deals from held-out outlets: counted, never printed
    notes: list[str] = field(default_factory=list)


def _labelled(corpus: dict, world: dict) -> list[tuple[dict, str, bool]]:
    """(story reference, its key, is it labelled a deal) for every labelled real item."""
    out = []
    with (DATA / "world" / "labels.jsonl").open(encoding="utf-8") as fh:
        for label in map(json.loads, fh):
            if label["id"] in world and world[label["id"]].get("published"):  # undated: no place
                ref = {"world_id": label["id"]}
                out.append((ref, label["id"], label["kind"] in DEAL_KINDS))
    with (DATA / "corpus_labels.jsonl").open(encoding="utf-8") as fh:
        for label in map(json.loads, fh):
            if label["link"] in corpus:
                ref = {"corpus_link": label["link"], "title_index": label.get("title_index", 0)}
                out.append((ref, label["link"], label["kind"] in DEAL_KINDS))
    return out


def _clusters() -> dict[str, str]:
    """Item key -> cluster name, for clusters built only from real items."""
    out = {}
    for line in (DATA / "match_clusters.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        refs = item["stories"]
        if all("world_id" in r or "corpus_link" in r for r in refs):
            for r in refs:
                out[r.get("world_id") or r["corpus_link"]] = item["cluster"]
    return out


def replay() -> ReplayReport | None:
    corpus, world = _rows(CORPUS, "link"), _rows(WORLD, "id")
    if corpus is None or world is None:
        return None
    clusters = _clusters()
    truth: dict[str, str] = {}  # item key -> true deal
    items: list[tuple[Story, str, bool]] = []
    for ref, key, is_deal in _labelled(corpus, world):
        story = _story(ref, corpus, world)
        if story is None:
            continue
        if key in clusters:
            truth[key] = clusters[key]
        elif is_deal:
            truth[key] = key
        items.append((story, key, is_deal or key in clusters))
    report = ReplayReport(stories=len(items))
    held = heldout_outlets()
    card_of: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "replay.db"))
        for story, key, _ in sorted(items, key=lambda i: (i[0].published, i[1])):
            result = ingest(store, story, now=story.published, max_age=FOREVER)
            if result.event is not None and result.event.deal.id is not None:
                card_of[key] = result.event.deal.id
                if result.event.kind == "new" and key not in truth:
                    report.non_deals_carded += 1
                    if key in world and world[key].get("outlet") in held:
                        report.held_out_unlisted += 1  # a held-out item's text is never shown
                    else:
                        report.notes.append(f"non-deal carded: {story.title[:90]}")
        store.close()
    report.non_deals = sum(1 for _, key, _ in items if key not in truth)
    members: dict[str, list[str]] = defaultdict(list)
    for key, deal in truth.items():
        members[deal].append(key)
    on_card: dict[int, set[str]] = defaultdict(set)
    for key, card in card_of.items():
        if key in truth:
            on_card[card].add(truth[key])
    report.cards = len(set(card_of.values()))
    merged = {card for card, deals in on_card.items() if len(deals) > 1}
    report.false_merges = len(merged)
    # a held-out outlet's story is not even named by its id: reading it would make it tuning
    held_deals = {truth[k] for k in truth if k in world and world[k].get("outlet") in held}
    for card in sorted(merged):
        shown = sorted("(a held-out story)" if d in held_deals else d for d in on_card[card])
        report.notes.append(f"false merge? card {card}: {', '.join(shown)[:160]}")
    for deal, keys in members.items():
        report.deals += 1
        cards = {card_of[k] for k in keys if k in card_of}
        if len(keys) > 1:
            report.multi += 1
            if len(cards) == 1 and all(k in card_of for k in keys) and not cards & merged:
                report.multi_whole += 1
        if not cards:
            report.no_card += 1
        elif len(cards) > 1:
            report.split += 1
            shown = "(a held-out story)" if deal in held_deals else deal
            report.notes.append(f"split: {shown} on {len(cards)} cards")
        elif not cards & merged:
            report.one_card += 1
    return report


def print_replay(report: ReplayReport | None, *, notes: int = 0, out=sys.stdout) -> None:
    if report is None:
        print("\nreplay: skipped, ../shared/corpus not found", file=out)
        return
    r = report
    print(f"\n== replay: {r.stories} labelled real stories in time order into one store", file=out)
    print(
        f"  true deals with exactly one card:   {r.one_card}/{r.deals}"
        f"  ({r.one_card / max(r.deals, 1):.1%}; no card {r.no_card}, split {r.split})",
        file=out,
    )
    print(f"  multi-outlet deals, every outlet on the card: {r.multi_whole}/{r.multi}", file=out)
    print(
        f"  cards holding two true deals:       {r.false_merges}/{r.cards}"
        f"  ({r.false_merges / max(r.cards, 1):.1%})",
        file=out,
    )
    print(
        f"  non-deal stories that got a card:   {r.non_deals_carded}/{r.non_deals}"
        f"  ({r.non_deals_carded / max(r.non_deals, 1):.1%}; {r.held_out_unlisted} of them from"
        " held-out outlets, not listed)",
        file=out,
    )
    for note in r.notes[:notes]:
        print(f"  - {note}", file=out)


if __name__ == "__main__":
    print_replay(replay(), notes=int(sys.argv[1]) if len(sys.argv) > 1 else 20)
