"""`dealbot deal show|edit|dismiss|merge|split …` and `dealbot corrections export`: the card
menu's operations for operators, in the terminal.

The same operations as Slack's menu (bot.edit), so a fix means the same wherever it is made;
with a bot token the deal's cards in Slack are updated too, and their threads say an operator
made the change. No lock is taken: each operation is one transaction, and `dealbot run` may
keep running beside it.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from bot.config import Settings
from bot.edit.fields import EDITABLE, parse_fields
from bot.edit.ops import EditError, dismiss, edit, merge_deals, split
from bot.store import Store

OPERATIONS = ("show", "edit", "dismiss", "merge", "split")
USAGE = """usage:
  dealbot deal show ID
  dealbot deal edit ID field=value… [note=…]   fields: {fields}
  dealbot deal dismiss ID
  dealbot deal merge ID INTO_ID
  dealbot deal split ID STORY_ID…""".format(fields=", ".join(EDITABLE))


def is_operation(words: list[str]) -> bool:
    """`deal edit 12 …` is an operation; `deal edit` or `deal Editas` is a lookup."""
    return len(words) >= 2 and words[0] in OPERATIONS and words[1].isdigit()


def _who() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return f"terminal:{name}"[:60]


def _slack(settings: Settings, store: Store) -> Callable[[Callable], None]:
    """Run a card refresh against Slack when a token is set; otherwise say nothing is posted."""

    def run(step: Callable) -> None:
        if settings.console_mode:
            print("(no SLACK_BOT_TOKEN: Slack cards not updated)", file=sys.stderr)
            return
        from bot.slack.client import make_client

        step(make_client(settings))

    return run


def run_operation(settings: Settings, store: Store, words: list[str]) -> int:
    from bot.publish import refresh
    from bot.render import console_card

    what, deal_id, rest = words[0], int(words[1]), words[2:]
    who, slack = "an operator (terminal)", _slack(settings, store)
    try:
        if what == "show":
            deal = store.deal(deal_id)
            if deal is None:
                raise EditError(f"There is no deal {deal_id}.")
            print(console_card(deal))
            if deal.removed:
                print(
                    f"  Removed:   {deal.removed}"
                    + (f" into {deal.merged_into}" if deal.merged_into else "")
                )
            for row in store.source_rows(deal_id):
                print(f"  story {row['story_id']}: {row['outlet'] or ''}: {row['title']}")
            return 0
        if what == "edit":
            form, note = {}, None
            for word in rest:
                name, eq, value = word.partition("=")
                if not eq or name not in (*EDITABLE, "note"):
                    print(f"error: {word!r} is not field=value\n{USAGE}", file=sys.stderr)
                    return 2
                if name == "note":
                    note = value
                else:
                    form[name] = value
            parsed = parse_fields(form)
            for name, message in parsed.errors.items():
                print(f"error: {name}: {message}", file=sys.stderr)
            if parsed.errors or not (form or note):
                return 2 if parsed.errors else _usage()
            _, changes = edit(store, deal_id, parsed.values, user=_who(), note=note)
            for change in changes:
                print(change.said())
            if not changes and not note:
                print("nothing changed")
                return 0
            slack(
                lambda c: refresh.redraw(
                    store, c, deal_id, note=refresh.fixed_note(who, changes, note)
                )
            )
            return 0
        if what == "dismiss" and not rest:
            dismiss(store, deal_id, user=_who())
            print(f"deal {deal_id} removed (not a funding story)")
            why = f"Removed by {who} (not a funding story)"
            delete = settings.dismiss_mode == "delete"
            slack(lambda c: refresh.take_down(store, c, deal_id, why, delete=delete))
            return 0
        if what == "merge" and len(rest) == 1 and rest[0].isdigit():
            into = int(rest[0])
            merge_deals(store, deal_id, into, user=_who())
            print(f"deal {deal_id} merged into {into}")
            slack(lambda c: refresh.after_merge(store, c, deal_id, into, who=who))
            return 0
        if what == "split" and rest and all(w.isdigit() for w in rest):
            _, other = split(store, deal_id, [int(w) for w in rest], user=_who())
            print(f"{len(rest)} stories of deal {deal_id} are now deal {other.id}")
            slack(
                lambda c: refresh.after_split(
                    store, c, deal_id, other.id or 0, who=who, post_interval=settings.post_interval
                )
            )
            return 0
    except EditError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return _usage()


def _usage() -> int:
    print(USAGE, file=sys.stderr)
    return 2


def export_corrections(store: Store, since: str | None, output: str | None) -> int:
    """`dealbot corrections export [--since 30d|2026-11-01] [--output FILE]`."""
    from bot.clock import utcnow
    from bot.edit.export import labelled_examples, write_jsonl

    start = None
    if since:
        if since[:-1].isdigit() and since[-1:] == "d" and len(since) < 7:
            start = utcnow() - timedelta(days=int(since[:-1]))
        else:
            try:
                start = datetime.fromisoformat(since)
            except ValueError:
                start = None
            if start is not None and start.tzinfo is None:
                start = start.replace(tzinfo=timezone.utc)
        if start is None:
            print(
                f"error: --since {since!r}: write 30d or a date such as 2026-11-01", file=sys.stderr
            )
            return 2
    examples = labelled_examples(store, since=start)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as out:
                n = write_jsonl(examples, out)
        except OSError as exc:
            print(f"error: cannot write {output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        n = write_jsonl(examples, sys.stdout)
    print(f"{n} labelled examples", file=sys.stderr)
    return 0
