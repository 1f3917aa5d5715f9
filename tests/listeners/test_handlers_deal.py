"""/deal and its buttons as bolt calls them: callbacks with Mock(Ack) / Mock(Respond)."""

from __future__ import annotations

import json
from unittest.mock import Mock

import pytest
from deals import BAD, make_store
from slack_bolt import Ack, Respond

from bot.lookup import messages
from bot.lookup.answers import ACTION_MORE, ACTION_SHARE, button_value, read_button_value
from bot.store import Store
from handlers.actions import make_more, make_share
from handlers.deal import make_deal_command


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return make_store(tmp_path_factory.mktemp("deal"))


def run_command(store: Store, text: str) -> tuple[Mock, dict]:
    ack, respond = Mock(Ack), Mock(Respond)
    make_deal_command(store)(ack=ack, respond=respond, command={"text": text})
    ack.assert_called_once_with()
    respond.assert_called_once()
    return ack, respond.call_args.kwargs


def buttons(answer: dict) -> dict[str, dict]:
    return {
        e["action_id"]: e
        for b in answer.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    }


def all_text(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False)


def test_company_answer_is_ephemeral_with_share(store: Store) -> None:
    _, answer = run_command(store, "SenseTime")
    assert answer["response_type"] == "ephemeral"
    assert "SenseTime raises $600M Series C" in all_text(answer)
    assert "Lead: Alibaba" in all_text(answer)
    assert "<https://news.example/sensetime/400|News &amp; Co>" in all_text(answer)
    assert set(buttons(answer)) == {ACTION_SHARE}


def test_more_button_when_over_ten(store: Store) -> None:
    _, answer = run_command(store, "investor:Y Combinator")
    more = buttons(answer)[ACTION_MORE]
    assert read_button_value(more["value"]) == ("investor:Y Combinator", 10)


def test_help_has_no_buttons(store: Store) -> None:
    for text in ("", "help"):
        _, answer = run_command(store, text)
        assert "investor:Alibaba" in answer["text"] and not buttons(answer)


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_bad_input_helpful_and_escaped(store: Store, text: str) -> None:
    _, answer = run_command(store, text)
    dumped = all_text(answer)
    assert messages.INTERNAL_ERROR not in dumped
    assert "<!channel>" not in dumped and "<@U123>" not in dumped
    assert len(dumped) < 20000


def test_feed_text_escaped(store: Store) -> None:
    _, answer = run_command(store, "<!channel> Corp")
    dumped = all_text(answer)
    assert "&lt;!channel&gt; Corp" in dumped and "&lt;@U123&gt;" in dumped
    assert "Evil &amp; Co" in dumped
    assert "<!channel>" not in dumped and "<@U123>" not in dumped


def test_unexpected_error_is_friendly(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import handlers.deal

    monkeypatch.setattr(handlers.deal, "search", Mock(side_effect=RuntimeError("boom")))
    _, answer = run_command(store, "SenseTime")
    assert answer == {"text": messages.INTERNAL_ERROR, "response_type": "ephemeral"}


def click(store: Store, factory, value: str) -> dict:  # type: ignore[no-untyped-def]
    ack, respond = Mock(Ack), Mock(Respond)
    body = {"user": {"id": "U42"}, "actions": [{"value": value}]}
    factory(store)(ack=ack, respond=respond, body=body)
    ack.assert_called_once_with()
    return respond.call_args.kwargs


def test_share_posts_in_channel(store: Store) -> None:
    answer = click(store, make_share, button_value("SenseTime", 0))
    assert answer["response_type"] == "in_channel" and answer["delete_original"] is True
    assert "SenseTime raises $600M Series C" in all_text(answer)
    assert "<@U42>" in all_text(answer) and not buttons(answer)


def test_more_replaces_with_next_page(store: Store) -> None:
    answer = click(store, make_more, button_value("investor:Y Combinator", 10))
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is True
    assert "Deals 11–14" in answer["text"] and ACTION_MORE not in buttons(answer)


def test_a_button_older_than_its_response_url_says_the_answer_expired(store: Store) -> None:
    ack, respond, client = Mock(Ack), Mock(Respond), Mock()
    body = {
        "user": {"id": "U42"},
        "channel": {"id": "C0DEALS"},
        "actions": [{"value": button_value("SenseTime", 0, created=1_000_000)}],
    }
    make_share(store, clock=lambda: 1_000_000 + 31 * 60)(
        ack=ack, respond=respond, body=body, client=client
    )
    respond.assert_not_called()  # its response_url is dead
    client.chat_postEphemeral.assert_called_once_with(
        channel="C0DEALS", user="U42", text=messages.EXPIRED
    )
    fresh = Mock(Respond)
    make_more(store, clock=lambda: 1_000_000 + 60)(
        ack=Mock(Ack), respond=fresh, body=body, client=client
    )
    assert fresh.call_args.kwargs["response_type"] == "ephemeral"


@pytest.mark.parametrize("value", ["", "not json", "[]", '{"q": 5, "o": "x"}', "null"])
def test_tampered_button_value(store: Store, value: str) -> None:
    answer = click(store, make_share, value)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] in (messages.EXPIRED, messages.INTERNAL_ERROR)
