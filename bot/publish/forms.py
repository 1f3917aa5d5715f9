"""The modals behind a card's menu: Fix this deal, Merge into another deal, Split sources (pure).

Built with slack_sdk's models, which check Block Kit's limits when serialised (title 24
characters, option text 75, initial values within max_length, 100 options). The form carries
the deal's id and a fingerprint of each prefilled field in private_metadata, so a submission
changes only the fields this person edited: two people fixing one deal at once do not undo
each other's fields.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from slack_sdk.models.blocks import (
    ExternalDataSelectElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.edit.fields import EDITABLE, LABELS, NAME_MAX, shown
from bot.models import ROUNDS, Deal
from bot.render import headline, round_name
from bot.slack.mrkdwn import clip

FIX, MERGE, SPLIT = "deal_fix", "deal_merge", "deal_split"  # callback_ids
MERGE_TARGET = "merge_target"  # the external_select's action_id (its options load as you type)
VALUE = "value"  # every input's action_id
NOTE = "note"
INPUT_MAX = 3000  # plain_text_input's own limit
OPTION_MAX = 75
HINTS = {
    "amount": "$620M, €1.2bn, Rs 500 crore; empty if undisclosed",
    "valuation": "$4.5B; empty if not reported",
    "lead_investors": "Names separated by commas",
    "investors": "Names separated by commas (the leads go above)",
}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _text_input(name: str, value: str, *, multiline: bool = False) -> PlainTextInputElement:
    limit = NAME_MAX if name in ("company", "location") else INPUT_MAX
    return PlainTextInputElement(
        action_id=VALUE,
        initial_value=value[:limit] or None,
        multiline=multiline,
        max_length=limit,
        placeholder=PlainTextObject(text=HINTS[name]) if name in HINTS else None,
    )


def _round_select(deal: Deal) -> StaticSelectElement:
    options = [Option(text=PlainTextObject(text=round_name(r)), value=r) for r in ROUNDS]
    initial = next((o for o in options if o.value == deal.round), None)
    return StaticSelectElement(action_id=VALUE, options=options, initial_option=initial)


def fix_view(deal: Deal) -> dict:
    """The Fix this deal modal, prefilled with what the card says."""
    was = {name: fingerprint(shown(deal, name)) for name in EDITABLE}
    blocks = []
    for name in EDITABLE:
        element = (
            _round_select(deal)
            if name == "round"
            else _text_input(name, shown(deal, name), multiline=name.endswith("investors"))
        )
        blocks.append(
            InputBlock(
                block_id=name,
                label=PlainTextObject(text=LABELS[name]),
                element=element,
                optional=name != "company" or not deal.company,
            )
        )
    blocks.append(
        InputBlock(
            block_id=NOTE,
            label=PlainTextObject(text="Note (why, or where the right figure is)"),
            element=PlainTextInputElement(action_id=VALUE, multiline=True, max_length=500),
            optional=True,
        )
    )
    return View(
        type="modal",
        callback_id=FIX,
        title=PlainTextObject(text="Fix this deal"),
        submit=PlainTextObject(text="Save"),
        close=PlainTextObject(text="Cancel"),
        private_metadata=json.dumps({"deal": deal.id, "was": was}),
        blocks=blocks,
    ).to_dict()


def submitted(view: dict) -> tuple[int | None, dict[str, str], str]:
    """(deal id, the fields this person changed as text, their note) from a Fix submission."""
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        meta = {}
    deal_id = meta.get("deal") if isinstance(meta.get("deal"), int) else None
    was = meta.get("was") if isinstance(meta.get("was"), dict) else {}
    values = (view.get("state") or {}).get("values") or {}
    changed: dict[str, str] = {}
    for name in EDITABLE:
        state = (values.get(name) or {}).get(VALUE) or {}
        if state.get("type") == "static_select":
            text = str((state.get("selected_option") or {}).get("value") or "")
        else:
            text = str(state.get("value") or "")
        if fingerprint(text) != was.get(name):
            changed[name] = text
    note = str(((values.get(NOTE) or {}).get(VALUE) or {}).get("value") or "").strip()
    return deal_id, changed, note[:500]


def deal_option(deal: Deal) -> dict:
    """One deal as an option of the merge search: headline and date, within 75 characters."""
    when = f" ({deal.announced:%d %b %Y})"
    text = clip(headline(deal), OPTION_MAX - len(when)) + when
    return {"text": {"type": "plain_text", "text": text}, "value": str(deal.id)}


def merge_view(deal: Deal) -> dict:
    """Merge into another deal: a search that loads deals as the person types."""
    return View(
        type="modal",
        callback_id=MERGE,
        title=PlainTextObject(text="Merge into a deal"),
        submit=PlainTextObject(text="Merge"),
        close=PlainTextObject(text="Cancel"),
        private_metadata=json.dumps({"deal": deal.id}),
        blocks=[
            SectionBlock(
                text=PlainTextObject(
                    text=clip(
                        f"This card: {headline(deal)}. Its stories move to the deal you "
                        "pick, and this card points there.",
                        3000,
                    )
                )
            ),
            InputBlock(
                block_id="target",
                label=PlainTextObject(text="The deal this round already has a card for"),
                element=ExternalDataSelectElement(
                    action_id=MERGE_TARGET,
                    min_query_length=1,
                    placeholder=PlainTextObject(text="Company or investor"),
                ),
            ),
        ],
    ).to_dict()


def split_view(deal: Deal, sources: Sequence[tuple[int, str]]) -> dict:
    """Split sources: pick the stories (story id, outlet: title) that report another round."""
    options = [
        Option(text=PlainTextObject(text=clip(label, OPTION_MAX)), value=str(story_id))
        for story_id, label in sources[:100]
    ]
    return View(
        type="modal",
        callback_id=SPLIT,
        title=PlainTextObject(text="Split sources"),
        submit=PlainTextObject(text="Split"),
        close=PlainTextObject(text="Cancel"),
        private_metadata=json.dumps({"deal": deal.id}),
        blocks=[
            InputBlock(
                block_id="stories",
                label=PlainTextObject(text="Stories about another round (they get their own card)"),
                element=StaticMultiSelectElement(action_id=VALUE, options=options),
            )
        ],
    ).to_dict()


def view_deal(view: dict) -> int | None:
    """The deal id a merge or split modal was opened for."""
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return None
    deal_id = meta.get("deal") if isinstance(meta, dict) else None
    return deal_id if isinstance(deal_id, int) else None
