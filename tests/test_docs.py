"""Docs are tested: every `dealbot` command and every setting is in README (and .env.example)."""

import argparse
import re
from pathlib import Path

import pytest

from bot import cli
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / ".env.example").read_text(encoding="utf-8")


def commands() -> list[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("name", commands())
def test_every_command_is_in_readme(name):
    assert re.search(rf"`dealbot {name}\b", README), f"dealbot {name} missing from README"


SETTINGS = re.findall(r"^\| `([A-Z_]+)` \|", README, re.M)


def test_settings_table_matches_env_example_and_config():
    assert len(SETTINGS) >= 13
    for name in SETTINGS:
        assert re.search(rf"^{name}=", ENV_EXAMPLE, re.M), f"{name} missing from .env.example"
    assert len(Settings.__dataclass_fields__) >= len(SETTINGS) - 1
