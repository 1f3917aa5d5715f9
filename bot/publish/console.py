"""Console mode: print cards instead of posting them, with the same once-per-deal bookkeeping."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from bot.models import Event
from bot.render import console_card, headline
from bot.store import Store

CHANNEL = "console"


class ConsolePublisher:
    """Prints each announceable deal once; later sources print as one-line updates."""

    def __init__(self, store: Store, out: TextIO = sys.stdout):
        self.store = store
        self.out = out

    def settle_pending(self) -> None:
        """Nothing can be half-posted to a terminal."""

    def catch_up(self) -> None:
        """Updates are printed as they come; there is no thread to catch up."""

    def publish(self, events: Sequence[Event]) -> None:
        for event in events:
            deal = event.deal
            if deal.id is not None and self.store.has_post(deal.id, CHANNEL):
                note = " — now CONFIRMED" if event.confirmed else ""
                print(
                    f"↳ {headline(deal)}: {event.story.outlet} reports it too{note}"
                    f" ({event.story.link})",
                    file=self.out,
                )
            elif event.fresh:
                stored = self.store.deal(deal.id) if deal.id is not None else None
                print(console_card(stored or deal) + "\n", file=self.out)
                if deal.id is not None:
                    self.store.add_post(deal.id, CHANNEL, status="posted")
