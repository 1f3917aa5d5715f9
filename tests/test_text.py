from bot.text import plain_text


def test_tags_entities_and_whitespace():
    assert (
        plain_text("<p>Acme&nbsp;raises <b>$5M</b></p>\n\n&amp;amp; more")
        == "Acme raises $5M & more"
    )


def test_mojibake_mended():
    assert plain_text("Acme raises â‚¬5M") == "Acme raises €5M"


def test_script_dropped_and_limit():
    assert plain_text("<script>alert(1)</script>ok") == "ok"
    assert len(plain_text("a " * 100_000)) <= 20_000


def test_bytes_and_empty():
    assert plain_text(b"caf\xc3\xa9") == "café"
    assert plain_text(None) == "" and plain_text("") == ""


def test_script_and_style_are_dropped_in_one_pass():
    assert plain_text("a<script>x<b>y</script>b<style>z</style>c") == "a b c"
    assert plain_text("keep <script>never closed") == "keep"
    # thousands of unclosed tags: linear, not a look-ahead from every tag (speed is in make bench)
    assert plain_text("<script>" * 12000 + "tail") == ""


def test_fullwidth_brackets_cannot_rebuild_a_mention() -> None:
    """NFKC runs before tags are stripped: "＜!channel＞" is folded to "<!channel>" and then
    stripped, instead of coming back as a live mention (issue 17, item 7)."""
    out = plain_text("Acme ＜!channel＞ raises ＜b＞$5M＜/b＞")
    assert "<" not in out and "!channel" not in out and out == "Acme raises $5M"


def test_invisible_format_characters_are_dropped() -> None:
    # a feed's headline wrapped in word joiners and a zero-width space, around a real name
    assert plain_text("\u2060Intel\u200b is getting $2B\u2060") == "Intel is getting $2B"
    # the joiners scripts need stay: "क्‍ष" keeps its zero-width joiner
    assert "\u200d" in plain_text("क्\u200dष")
