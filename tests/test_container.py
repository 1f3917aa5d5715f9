"""The container files say what the README promises: a slim base, a non-root user, the
database on a volume, a health check on /healthz, and compose running it with .env. The image
itself is built by .ci/run where a Docker daemon is available."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim$", text, re.M)
    assert re.search(r"^USER dealbot$", text, re.M) and "useradd" in text
    assert 'VOLUME ["/data"]' in text and "DEALBOT_DB=/data/dealbot.db" in text
    assert "HEALTHCHECK" in text and "/healthz" in text
    assert re.search(r'^CMD \["dealbot", "run"\]$', text, re.M)
    # everything the package needs is copied before it is installed
    for path in ("pyproject.toml", "bot", "handlers", "feeds.toml"):
        assert re.search(rf"^COPY .*\b{re.escape(path)}\b", text, re.M), path


def test_compose_runs_it_with_the_env_file() -> None:
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert "build: ." in text and "env_file: .env" in text
    assert "dealbot-data:/data" in text and "restart: unless-stopped" in text


def test_the_image_leaves_secrets_and_databases_out() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".env", "*.db", ".venv", ".git"):
        assert entry in ignored


def test_ci_builds_the_image_or_says_why_not() -> None:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "docker build" in text and "image build skipped" in text
