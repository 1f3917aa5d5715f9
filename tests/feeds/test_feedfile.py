import pytest

from bot.config import ConfigError
from bot.feeds.feedfile import load_feeds


def test_reads_feeds(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(
        '[[feeds]]\nurl = "https://a.example/feed"\nname = "A"\n\n[[feeds]]\nurl = "http://b.example/rss"\n'
    )
    assert load_feeds(str(path)) == [
        ("https://a.example/feed", "A", None),
        ("http://b.example/rss", "http://b.example/rss", None),
    ]


def test_a_feed_says_its_language(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(
        '[[feeds]]\nurl = "https://thebridge.jp/feed"\nname = "THE BRIDGE"\nlanguage = "ja"\n'
    )
    (feed,) = load_feeds(str(path))
    assert (feed.name, feed.language) == ("THE BRIDGE", "ja")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[feeds]\nurl=", "not valid TOML"),
        ('[[feeds]]\nurl = "file:///etc/passwd"\n', "feed #1"),
        ('[[feeds]]\nname = "no url"\n', "feed #1"),
        ('feeds = "x"\n', "must be a list"),
        ('[[feeds]]\nurl = "https://a.example/f"\nlanguage = "German"\n', "two-letter code"),
    ],
)
def test_bad_files_name_the_setting(tmp_path, text, message):
    path = tmp_path / "f.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_feeds(str(path))
    assert "DEALBOT_FEEDS" in str(info.value)


def test_repository_feeds_file_is_valid():
    from pathlib import Path

    feeds = load_feeds(str(Path(__file__).resolve().parents[2] / "feeds.toml"))
    assert len(feeds) >= 20 and all(f.url.startswith("https://") for f in feeds)
    # the world out of the box: every language dealbot reads has an outlet
    assert {f.language for f in feeds} >= {"en", "de", "fr", "es", "pt", "zh", "ja", "ko"}
