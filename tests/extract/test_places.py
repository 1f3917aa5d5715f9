"""bot.extract.places: places and demonyms before a company, and the regions filters use."""

from __future__ import annotations

from bot.extract.places import in_region, location_in, place_name


def test_demonyms_and_places() -> None:
    assert place_name("Indian") == "India"
    assert place_name("Berlin") == "Berlin"
    assert place_name("Acme") is None


def test_location_before_the_company() -> None:
    assert location_in("Berlin-based Helsing raises €450M", "Helsing") == "Berlin"


def test_regions() -> None:
    assert in_region("Berlin", "Europe")
    assert not in_region("Berlin", "Asia")
    assert not in_region(None, "Europe")
