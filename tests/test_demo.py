import io
import re

from bot.demo import run_demo


def test_demo_prints_each_deal_once_with_sensetime_right():
    out = io.StringIO()
    assert run_demo(out) == 0
    text = out.getvalue()
    cards = [
        c
        for c in text.split("\n\n")
        if re.search(r"^(⚠ RUMOUR.*: )?\S.* (raises|reportedly raising)", c)
    ]
    headlines = [c.splitlines()[0] for c in cards]
    assert len(headlines) == len(set(headlines)), headlines
    sense = [c for c in cards if c.startswith("SenseTime")]
    assert len(sense) == 1
    card = sense[0]
    assert "SenseTime raises $600M Series C" in card
    assert "Valuation: $4.5B" in card and "Lead:      Alibaba" in card
    investors = re.search(r"Investors: (.*)", card).group(1).split(", ")
    assert set(investors) == {"Alibaba", "Qualcomm", "Temasek", "Suning"}
    assert "Location:  China" in card
    assert card.count("Source:") == 2
    assert "second cycle: 3 of 3 feeds not modified" in text and "0 new stories" in text
