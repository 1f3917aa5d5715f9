"""How many feeds that feedparser reads does dealbot reject whole? Run over a folder of feed
files (for instance feedparser's own tests/, fetched for reading, never committed):

    python -m tools.feed_compat PATH/TO/feedparser/tests

A feed is "read by feedparser" when it finds a feed version and a title or entries; "rejected
by dealbot" when parse_feed returns an error and no stories. Feeds that declare entities are
counted apart (dealbot refuses them on purpose: they can expand without bound).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import feedparser

from bot.feeds.parse import parse_feed

SUFFIXES = (".xml", ".rdf", ".rss", ".atom")


def main(folder: str) -> int:
    files = [p for p in Path(folder).rglob("*") if p.is_file() and p.suffix in SUFFIXES]
    read = 0
    refused_on_purpose = 0
    rejected: Counter[str] = Counter()
    for path in files:
        data = path.read_bytes()
        theirs = feedparser.parse(data)
        if not (theirs.get("version") and (theirs.entries or theirs.feed)):
            continue
        ours = parse_feed(data, feed_url="https://example.com/feed")
        if ours.error and not ours.stories:
            if ours.error.startswith("refused: XML entity declarations"):
                refused_on_purpose += 1
                continue
            rejected[ours.error.split(":")[0] + ": " + ours.error.split(":")[-1].strip()] += 1
        read += 1
    total = sum(rejected.values())
    print(f"{len(files)} files; feedparser reads {read + refused_on_purpose}")
    print(f"  refused on purpose (entity declarations): {refused_on_purpose}")
    print(f"  rejected by dealbot: {total} of {read} ({total / max(read, 1):.1%})")
    for reason, count in rejected.most_common(10):
        print(f"    {count:4d}  {reason}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
