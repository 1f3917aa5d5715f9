"""The tree shows the data flow, and imports point one way: feeds → extract → match → store →
lookup → publish → roundup, with the base modules below everything and the commands on top.
No module imports one of a later stage, and no import circle exists (lazy imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# lower number = nearer the start of the data flow; a module may import its own rank or lower
RANKS = [
    (0, ("bot.text", "bot.clock", "bot.models", "bot.keys", "bot.config", "bot.logs", "bot.lock")),
    (0, ("bot.hooks", "bot.slack.client", "bot.slack.gate", "bot.metrics", "bot.slack.install")),
    (1, ("bot.feeds",)),
    (2, ("bot.slack.mrkdwn",)),  # escapes what feeds bring, for every Slack surface
    (3, ("bot.extract",)),
    (4, ("bot.match",)),
    (5, ("bot.store", "bot.render")),
    (6, ("bot.lookup", "bot.edit")),
    (7, ("bot.publish",)),
    (8, ("bot.roundup",)),
    (9, ("bot.pipeline",)),
    (10, ("bot.jobs", "bot.demo", "bot.slack.app", "handlers", "bot.web")),
    (11, ("bot.runner", "bot.cli", "bot.__main__", "bot")),
]


def rank(module: str) -> int:
    best = None
    for number, prefixes in RANKS:
        for prefix in prefixes:
            inside = module == prefix or module.startswith(prefix + ".")
            if inside and (best is None or len(prefix) > best[1]):
                best = (number, len(prefix))
    assert best is not None, f"{module} has no place in RANKS: add it where it belongs"
    return best[0]


def modules() -> dict[str, Path]:
    found = {}
    for top in ("bot", "handlers"):
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(path: Path, known: set[str]) -> set[str]:
    """Every bot/handlers module `path` imports, at the top or inside a function."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{a.name}" for a in node.names]
            names = [m for m in submodules if m in known] or [node.module]
        else:
            continue
        out |= {n for n in names if n in known}
    return out


def test_every_import_points_down_the_data_flow() -> None:
    mods = modules()
    wrong = [
        f"{name} (rank {rank(name)}) imports {dep} (rank {rank(dep)})"
        for name, path in mods.items()
        for dep in imports(path, set(mods))
        if rank(dep) > rank(name)
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_circle() -> None:
    mods = modules()
    graph = {name: imports(path, set(mods)) - {name} for name, path in mods.items()}
    # a package's __init__ importing its own modules is not a circle
    graph = {n: {d for d in deps if not n.startswith(d + ".")} for n, deps in graph.items()}
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                circles.append(" → ".join([*trail[trail.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not circles, "\n".join(circles)


def test_only_the_store_runs_sql() -> None:
    """SQL lives in bot/store: nowhere else executes statements or touches tables."""
    needles = (".execute(", ".query(", ".rows_where(", ".db.table(", '.db["', "store.db")
    offenders = [
        f"{name}: {needle}"
        for name, path in modules().items()
        if not name.startswith("bot.store")
        for needle in needles
        if needle in path.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders
