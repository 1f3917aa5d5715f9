"""Card builders: fields, rumour mark, fallback text, and feed text that must stay inert."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from slack_sdk.errors import SlackObjectFormationError

from bot.models import Deal, Source
from bot.publish.cards import EVENT_TYPE, render_card, reply_text
from bot.slack.mrkdwn import escape, link

WHEN = datetime(2018, 4, 9, tzinfo=timezone.utc)
TC = Source("TechCrunch", "SenseTime raises $600M", "https://techcrunch.com/sensetime", WHEN)


def sensetime(**kw) -> Deal:
    base = dict(
        company="SenseTime",
        company_key="sensetime",
        status="confirmed",
        announced=WHEN,
        amount=6e8,
        currency="USD",
        amount_usd=6e8,
        round="series-c",
        valuation=4.5e9,
        valuation_currency="USD",
        lead_investors=("Alibaba",),
        investors=("Alibaba", "Qualcomm", "Temasek", "Suning"),
        location="Beijing",
        id=7,
    )
    base.update(kw)
    return Deal(**base)


def texts(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_card_header_fields_context_and_metadata() -> None:
    card = render_card(sensetime(), [TC])
    header, fields, context = card.blocks
    assert header == {
        "type": "header",
        "text": {"type": "plain_text", "text": "SenseTime raises $600M Series C"},
    }
    shown = [f["text"] for f in fields["fields"]]
    assert shown == [
        "*Amount*\n$600M",
        "*Round*\nSeries C",
        "*Valuation*\n$4.5B",
        "*Lead*\nAlibaba",
        "*Investors*\nAlibaba, Qualcomm, Temasek, Suning",
        "*Location*\nBeijing",
    ]
    assert (
        context["elements"][0]["text"]
        == "<https://techcrunch.com/sensetime|TechCrunch> · <!date^1523232000^{date_short}|9 Apr 2018>"  # 2018-04-09T00:00Z
    )
    assert card.text == "SenseTime raises $600M Series C (TechCrunch)"
    assert card.metadata == {
        "event_type": EVENT_TYPE,
        "event_payload": {"deal_id": 7, "sources": 1},
    }


def test_foreign_amount_shows_usd_equivalent() -> None:
    card = render_card(sensetime(amount=6e8, currency="EUR", amount_usd=6.96e8), [TC])
    assert "€600M (≈ $696M at" in card.blocks[1]["fields"][0]["text"]


def test_rumour_is_marked_in_card_and_fallback() -> None:
    card = render_card(sensetime(status="rumor"), [TC])
    assert "reportedly raising" in card.blocks[0]["text"]["text"]
    assert "Reported, not confirmed" in card.blocks[1]["text"]["text"]
    assert card.text.startswith("[reported, not confirmed]")


@pytest.mark.parametrize(
    "planted",
    ["<!channel> Acme", "<https://evil.example|TechCrunch>", "<@U123> hi", "<!here|here>"],
)
def test_feed_text_cannot_ping_or_link(planted: str) -> None:
    deal = sensetime(company=planted, lead_investors=(planted,), location=planted)
    source = Source(planted, planted, "https://ok.example/a", WHEN)
    card = render_card(deal, [source])
    everything = texts(card.blocks) + card.text + reply_text(source)
    for bad in ("<!channel>", "<!here", "<@U123>", "<https://evil.example"):
        assert bad not in everything
    assert "&lt;" in everything
    assert "evil.example|" not in everything.replace("&lt;https://evil.example|", "")


def test_link_labels_and_schemes() -> None:
    assert link("https://a.example/x?a=1&b=2", "A|B <c>") == (
        "<https://a.example/x?a=1&amp;b=2|A B &lt;c&gt;>"
    )
    assert link("javascript:alert(1)", "Click") == "Click"
    assert link("https://a.example/x|y>z", "L") == "<https://a.example/x%7Cy%3Ez|L>"
    assert escape("AT&T <b>") == "AT&amp;T &lt;b&gt;"


def test_reply_marks_confirmation() -> None:
    assert reply_text(TC, confirmed=True).startswith(":white_check_mark: *Now confirmed.*")
    assert reply_text(TC) == "TechCrunch: <https://techcrunch.com/sensetime|SenseTime raises $600M>"


def test_reply_marks_a_follow_up() -> None:
    assert reply_text(replace(TC, note="Follow-up")).startswith(
        ":newspaper: Follow-up: TechCrunch:"
    )


def test_long_header_is_cut_to_slack_limit() -> None:
    card = render_card(sensetime(company="X" * 400), [TC])
    assert len(card.blocks[0]["text"]["text"]) == 150


def test_slack_sdk_validates_limits() -> None:
    from slack_sdk.models.blocks import HeaderBlock

    with pytest.raises(SlackObjectFormationError):
        HeaderBlock(text="x" * 151).to_dict()


def test_an_unnamed_company_is_announced_by_its_headline() -> None:
    """ "Indian insurtech provider raises $45m" with no name anywhere: a card all the same."""
    story = Source("DealStreetAsia", "Indian insurtech provider raises $45m", "https://d.example/x")
    card = render_card(sensetime(company="", company_key="", round=None, valuation=None), [story])
    header = card.blocks[0]["text"]["text"]
    assert header == "Indian insurtech provider raises $45m (company not named)"
    assert "*Company*\\ncompany not named" in texts(card.blocks)  # JSON escapes the newline


def test_a_story_not_in_english_keeps_its_headline_and_says_its_language() -> None:
    # Moonshot AI (月之暗面), February 2024: over $1B led by Alibaba
    story = Source(
        "36Kr", "月之暗面完成超10亿美元融资，阿里巴巴领投", "https://36kr.example/1", WHEN
    )
    deal = sensetime(company="月之暗面", company_key="月之暗面", amount=1e9, language="zh")
    card = render_card(deal, [story])
    assert "Chinese: 月之暗面完成超10亿美元融资，阿里巴巴领投" in texts(card.blocks)
    assert "Chinese:" not in texts(render_card(sensetime(), [TC]).blocks)
