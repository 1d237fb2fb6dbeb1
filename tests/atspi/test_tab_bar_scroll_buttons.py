"""Through AT-SPI: a tab bar's Scroll Left and Scroll Right buttons (shown when its pages do not
fit, as Settings' six at 200% on a 1280×800 screen) are never focusable, so neither Tab nor
Ctrl+Tab lands on them, and what a screen reader hears on the tab bar is the page: Orca says
"Reductions & reports page tab", not a count that takes in the two buttons."""

from __future__ import annotations

import pytest

from tests.atspi.bus import TAB, Bus, activate_window, places
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]
RIGHT = 0xFF53


def test_no_tab_bars_scroll_button_can_take_focus(app_bus):
    seen, focusable = 0, []
    for place in places(app_bus):
        for tabs in app_bus.by_role(app_bus.frame(), "page tab list"):
            for index in range(tabs.get_child_count()):
                child = tabs.get_child_at_index(index)
                if child.get_role_name() == "page tab":
                    continue
                seen += 1
                if "focusable" in app_bus.states(child):
                    focusable.append(f"{place}: {app_bus.describe(child)}")
    assert seen >= 2  # Qt puts its two scroll buttons in every tab bar, shown or not
    assert focusable == []


def _to_page_tabs(bus: Bus):  # type: ignore[no-untyped-def]
    for _ in range(40):
        focused = bus.focused_after(lambda: bus.key(TAB))
        if focused is not None and focused.get_role_name() == "page tab list":
            return focused
    raise AssertionError("Tab never reached the Settings page tabs")


def test_orca_says_the_page_on_a_tab_bar(app_bus, orca):  # noqa: F811
    activate_window(app_bus)
    app_bus.focused_after(lambda: app_bus.ctrl(ord("5")))
    _to_page_tabs(app_bus)
    orca.mark()
    app_bus.key(RIGHT)
    orca.wait_for(app_bus.pump, "Reductions")
    app_bus.pump(0.5)
    said = " ".join(orca.said())
    assert "Reductions & reports page tab" in said
    assert "scroll" not in said.casefold()
