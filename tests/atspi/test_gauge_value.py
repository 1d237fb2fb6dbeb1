"""Through AT-SPI, the Overview's gauges as a screen reader meets them: a level with a Value (where
the marker sits, between the scale's ends), named by the visible heading of its card followed by
the band in words, so what is heard starts with words, not with a number."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from tests.atspi.bus import ITEM_HOLDERS, Bus, places
from tests.atspi.test_names import _labelled_by, _status

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus


def _whole(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _gauges(bus: Bus) -> dict[str, Any]:
    shown = bus.walk(bus.frame(), into=lambda o: o.get_role_name() not in ITEM_HOLDERS)
    return {o.get_name(): o for o in shown if o.get_role_name() == "progress bar"}


def _card_labels(bus: Bus, gauge: Any) -> list[str]:
    """The words shown on the card the gauge sits on, as the bus reads them."""
    return [o.get_name() for o in bus.walk(gauge.get_parent()) if o.get_role_name() == "label"]


def _reading(bus: Bus, gauge: Any) -> tuple[float, float, float]:
    assert "Value" in gauge.get_interfaces(), f"{bus.describe(gauge)} has no Value interface"
    value = bus.Atspi.Value
    return (value.get_current_value(gauge), value.get_minimum_value(gauge),
            value.get_maximum_value(gauge))


def test_each_gauge_has_a_value_and_is_heard_words_first(app_bus):
    next(places(app_bus))  # the Overview
    status = _status(app_bus)
    words = status["without_figures"]  # Show figures is off, as the window starts
    gauges = _gauges(app_bus)
    expected = {
        # name: (the card's heading, the band's words, current, minimum, maximum)
        f"This week's estimate: {words['headline']}":
            ("This week's estimate", words["headline"], _whole(status["capacity_percent"]),
             60, max(150, _whole(status["capacity_percent"]))),
        f"Caseload: {words['caseload_headline']}":
            ("Caseload", words["caseload_headline"], status["caseload_count"], 0,
             max(_whole(1.6 * status["caseload_reference"]), status["caseload_count"])),
    }
    assert set(gauges) == set(expected), f"gauges on the bus: {sorted(gauges)}"
    for name, (heading, band, current, low, high) in expected.items():
        gauge = gauges[name]
        # The name is what the card shows: its heading, then the band's headline under it.
        shown = _card_labels(app_bus, gauge)
        assert heading in shown and band in shown, f"{name!r} is not what the card shows"
        assert heading in _labelled_by(app_bus, gauge)
        # The numbers: where the marker sits, percent of available hours or cases.
        assert _reading(app_bus, gauge) == (current, low, high)
        # Heard as name, role, then the description: words all the way, the band first.
        description = gauge.get_description()
        assert description.startswith(band)
        heard = f"{gauge.get_name()}, {gauge.get_role_name()}, {description}"
        assert heard.startswith(f"{heading}: {band}, progress bar, {band}")
        assert "%" not in heard and "percent" not in heard, "a figure with Show figures off"
