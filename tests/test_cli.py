"""The `dealbot` command as users and scripts run it (in a subprocess where exit codes matter)."""

import json
import subprocess
import sys

import pytest
from launch import dealbot

from bot.cli import main


def run(args, env_extra, cwd, stdin=None):
    env = {"PATH": "/usr/bin:/bin", **env_extra}
    return subprocess.run(
        dealbot(*args),
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "feeds.toml").write_text(
        '[[feeds]]\nname = "Local"\nurl = "http://127.0.0.1:9/feed"\n'
    )
    return tmp_path


def test_bad_setting_is_one_line_no_traceback(workdir):
    result = run(["poll"], {"DEALBOT_POLL_MINUTES": "abc", "PYTHONPATH": sys.path[0]}, workdir)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "DEALBOT_POLL_MINUTES" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_json_lines(capsys, tmp_path):
    lines = [
        {
            "title": "Alibaba leads $600M round in China's SenseTime",
            "summary": "",
            "link": "https://t.example/1",
        },
        {"title": "Acme lays off 20% of staff"},
        "not an object",
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n")
    assert main(["extract", str(path)]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(out) == 4
    first = out[0]
    assert first["is_funding"] and first["kind"] == "funding" and first["company"] == "SenseTime"
    assert (
        first["amount"] == 600000000
        and first["currency"] == "USD"
        and first["amount_usd"] == 600000000
    )
    assert first["lead_investors"] == ["Alibaba"] and first["location"] == "China"
    assert set(first) >= {"round", "valuation", "investors", "link"}
    assert out[1]["kind"] == "other" and not out[1]["is_funding"]
    assert "error" in out[2] and "error" in out[3]


def test_feeds_commands(workdir, monkeypatch, capsys, feed_server):
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("DEALBOT_DB", str(workdir / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(workdir / "feeds.toml"))
    rss = b'<rss version="2.0"><channel><title>News</title></channel></rss>'
    url = feed_server.add("/feed", rss)
    assert main(["feeds", "add", url]) == 2  # checked like /deal feeds add: a loopback address
    assert "loopback" in capsys.readouterr().err
    monkeypatch.setenv("DEALBOT_ALLOW_PRIVATE_FEEDS", "1")
    assert main(["feeds", "add", url, "--name", "News"]) == 0
    assert "0 items" in capsys.readouterr().out
    assert main(["feeds", "add", "javascript:alert(1)"]) == 2
    assert main(["feeds", "remove", "http://127.0.0.1:9/feed"]) == 0
    capsys.readouterr()
    assert main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert url in listing and "127.0.0.1:9/" not in listing


def test_poll_reports_failures_and_exits_1_when_every_feed_failed(workdir, monkeypatch, capsys):
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("DEALBOT_DB", str(workdir / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(workdir / "feeds.toml"))
    assert main(["poll"]) == 1  # its only feed failed: a script can tell
    assert "1 failed" in capsys.readouterr().err
    assert main(["feeds", "list"]) == 0
    assert "last error" in capsys.readouterr().out


def test_extract_from_stdin_survives_bad_bytes(tmp_path):
    data = b'{"title": "Acme raises $5M seed"}\n\xff\xfe not utf-8\n'
    result = subprocess.run(
        dealbot("extract"),
        input=data,
        capture_output=True,
        timeout=60,
        check=False,
    )
    lines = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert result.returncode == 0 and len(lines) == 2
    assert lines[0]["is_funding"] and list(lines[0])[:2] == ["is_funding", "kind"]
    assert "error" in lines[1]


def test_feeds_check_fetches_each_feed_once_and_reports_the_failures(
    tmp_path, monkeypatch, capsys, feed_server
):
    rss = (
        b'<rss version="2.0"><channel><title>News</title><item><title>Helsing raises '
        b"\xe2\x82\xac450M Series C led by General Catalyst</title><link>https://n.example/1</link>"
        b"</item></channel></rss>"
    )
    good = feed_server.add("/good", rss)
    bad = feed_server.add("/bad", b"oops", status=500)
    (tmp_path / "feeds.toml").write_text(
        f'[[feeds]]\nname = "Good"\nurl = "{good}"\nlanguage = "en"\n\n'
        f'[[feeds]]\nname = "Broken"\nurl = "{bad}"\n'
    )
    monkeypatch.setenv("DEALBOT_DB", str(tmp_path / "d.db"))
    monkeypatch.setenv("DEALBOT_FEEDS", str(tmp_path / "feeds.toml"))
    monkeypatch.setenv("DEALBOT_ALLOW_PRIVATE_FEEDS", "1")
    assert main(["feeds", "check"]) == 1
    out = capsys.readouterr()
    assert "ok    Good: 1 items, 1 look like funding news" in out.out
    assert "FAIL  Broken: HTTP 500" in out.out and "1 of 2 feeds answered" in out.err
    assert len(feed_server.requests) == 2  # each fetched once; nothing stored or posted
    assert main(["feeds", "list"]) == 0
    assert "[en]" in capsys.readouterr().out


def test_a_second_poster_on_one_database_stops_and_names_the_holder(workdir, monkeypatch, capsys):
    """`dealbot poll` while `dealbot run` holds the database exits 2 and says who holds it
    (issue 17, item 1); `deal` and `feeds list` only read and still work."""
    from bot.lock import exclusive

    db = str(workdir / "d.db")
    monkeypatch.setenv("DEALBOT_DB", db)
    monkeypatch.setenv("DEALBOT_FEEDS", str(workdir / "feeds.toml"))
    with exclusive(db, "run"):
        assert main(["poll"]) == 2
        err = capsys.readouterr().err
        assert f"{db} is in use by pid" in err and "(dealbot run)" in err
        assert main(["deal", "SenseTime"]) == 0
    assert main(["poll"]) == 1  # released: the next one runs (its only feed fails: exit 1, not 2)


def test_the_lock_is_released_when_its_holder_dies(tmp_path):
    import subprocess
    import sys

    db = str(tmp_path / "d.db")
    code = f"from bot.lock import exclusive\nwith exclusive({db!r}, 'run'):\n    import os; os._exit(9)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 9
    from bot.lock import exclusive

    with exclusive(db, "poll"):
        pass
