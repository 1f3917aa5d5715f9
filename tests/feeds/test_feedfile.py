import pytest

from bot.config import ConfigError
from bot.feeds.feedfile import load_feeds


def test_reads_feeds(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(
        '[[feeds]]\nurl = "https://a.example/feed"\nname = "A"\n\n[[feeds]]\nurl = "http://b.example/rss"\n'
    )
    assert load_feeds(str(path)) == [
        ("https://a.example/feed", "A"),
        ("http://b.example/rss", "http://b.example/rss"),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[feeds]\nurl=", "not valid TOML"),
        ('[[feeds]]\nurl = "file:///etc/passwd"\n', "feed #1"),
        ('[[feeds]]\nname = "no url"\n', "feed #1"),
        ('feeds = "x"\n', "must be a list"),
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
    assert len(feeds) >= 8 and all(url.startswith("https://") for url, _ in feeds)
