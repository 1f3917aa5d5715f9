import pytest

from bot.config import ConfigError, load_settings


@pytest.fixture
def feeds_file(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "https://example.com/feed"\n')
    return str(path)


def test_defaults(feeds_file):
    s = load_settings({"DEALBOT_FEEDS": feeds_file})
    assert s.poll_minutes == 15 and s.tz_name == "UTC" and s.port == 3000
    assert s.roundup_cron == "0 9 * * mon" and s.max_age_hours == 72 and s.post_interval == 1
    assert s.console_mode and not s.socket_mode
    assert s.slack_api_url == "https://slack.com/api/"


@pytest.mark.parametrize(
    "env, names",
    [
        ({"DEALBOT_POLL_MINUTES": "abc"}, "DEALBOT_POLL_MINUTES"),
        ({"DEALBOT_POLL_MINUTES": "0"}, "DEALBOT_POLL_MINUTES"),
        ({"DEALBOT_TZ": "Mars/Olympus"}, "DEALBOT_TZ"),
        ({"DEALBOT_ROUNDUP_CRON": "every monday"}, "DEALBOT_ROUNDUP_CRON"),
        ({"PORT": "99999"}, "PORT"),
        ({"SLACK_BOT_TOKEN": "nope"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
        ({"DEALBOT_EDITORS": "ana"}, "DEALBOT_EDITORS"),
        ({"DEALBOT_DISMISS": "archive"}, "DEALBOT_DISMISS"),
        # not finite, or past any sensible bound: refused here, not by a traceback later
        ({"PORT": "1e999"}, "PORT"),
        ({"DEALBOT_POLL_MINUTES": "1e13"}, "DEALBOT_POLL_MINUTES"),
        ({"DEALBOT_MAX_AGE_HOURS": "inf"}, "DEALBOT_MAX_AGE_HOURS"),
        ({"DEALBOT_POST_INTERVAL": "inf"}, "DEALBOT_POST_INTERVAL"),
        ({"DEALBOT_POST_INTERVAL": "nan"}, "DEALBOT_POST_INTERVAL"),
        ({"DEALBOT_DB": "/no/such/folder/dealbot.db"}, "DEALBOT_DB"),
    ],
)
def test_bad_values_name_the_setting(feeds_file, env, names):
    with pytest.raises(ConfigError) as info:
        load_settings({"DEALBOT_FEEDS": feeds_file, **env})
    assert names in str(info.value) and "\n" not in str(info.value)


def test_missing_feeds_file(tmp_path):
    with pytest.raises(ConfigError, match="DEALBOT_FEEDS"):
        load_settings({"DEALBOT_FEEDS": str(tmp_path / "none.toml")})


def test_dotenv_loaded_and_environment_wins(tmp_path, feeds_file, monkeypatch):
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"DEALBOT_FEEDS={feeds_file}\nDEALBOT_POLL_MINUTES=5\nDEALBOT_TZ=Europe/Berlin\n"
    )
    monkeypatch.setenv("DEALBOT_TZ", "America/New_York")
    s = load_settings(dotenv_path=str(env_file))
    assert s.poll_minutes == 5 and s.tz_name == "America/New_York"


def test_secrets_not_in_repr(feeds_file):
    s = load_settings(
        {
            "DEALBOT_FEEDS": feeds_file,
            "SLACK_BOT_TOKEN": "xoxb-secret",
            "SLACK_SIGNING_SECRET": "shh",
        }
    )
    assert "xoxb-secret" not in repr(s) and "shh" not in repr(s)
    with pytest.raises(AttributeError):
        s.port = 1  # frozen
