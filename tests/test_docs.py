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


MODULE_MAP = README[
    README.index("| folder / module | job |") : README.index("## Tests, evaluation")
]


def test_every_module_the_readme_names_exists() -> None:
    named = re.findall(r"`((?:bot|handlers|tools)/[\w/]*(?:\.py|/))`", MODULE_MAP)
    assert len(named) >= 12
    missing = [n for n in named if not (ROOT / n).exists()]
    assert not missing, f"README names modules that do not exist: {missing}"
    for folder in ("feeds", "extract", "match", "store", "publish", "lookup", "roundup", "slack"):
        files = re.findall(r"`(\w+\.py)`", MODULE_MAP.split(f"`bot/{folder}/`")[1].split("\n")[0])
        gone = [f for f in files if not (ROOT / "bot" / folder / f).exists()]
        assert not gone, f"bot/{folder}/ has no {gone}"


def test_every_subpackage_is_in_the_module_map() -> None:
    packages = [p.name for p in (ROOT / "bot").iterdir() if (p / "__init__.py").exists()]
    assert all(f"`bot/{p}/`" in MODULE_MAP for p in packages), packages


def _parsers(parser: argparse.ArgumentParser, path: str = "dealbot"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


def test_every_subcommand_and_option_has_help_text() -> None:
    missing = []
    for path, parser in _parsers(cli.build_parser()):
        if path != "dealbot" and not parser.description:
            missing.append(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{path} {c.dest}" for c in action._choices_actions if not c.help]
            elif not action.help and action.dest != "help":
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"no help text: {missing}"
