from bot.feeds.links import canonical_link, is_http_url, link_key


def test_tracking_parameters_and_fragment_removed():
    url = (
        "https://TechCrunch.com/2018/04/09/x/?utm_source=feed&utm_medium=rss&id=7&fbclid=1#comments"
    )
    assert canonical_link(url) == "https://techcrunch.com/2018/04/09/x/?id=7"


def test_link_key_ignores_scheme_www_and_trailing_slash():
    assert link_key("http://www.example.com/a/") == link_key("https://example.com/a?utm_campaign=z")


def test_only_http_links():
    assert is_http_url("https://example.com/")
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "",
        None,
        "http://",
    ):
        assert not is_http_url(bad)


def test_control_characters_and_spaces_are_percent_encoded() -> None:
    from bot.feeds.links import canonical_link, link_key

    assert canonical_link("https://x.example/a b\x1b[31m") == "https://x.example/a%20b%1B[31m"
    assert link_key("https://x.example/a\x07") == "x.example/a%07"
