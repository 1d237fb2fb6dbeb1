"""What Orca says on Settings > Weightings, reached with Tab: arriving in "Tier points" said the
table ("table with 33 rows 4 columns") and no row, though a cell was current, and each number
field was read as a jumble ("138 selected … Standard court report (points) text. 13 selected …
Text unselected."). Now the row is read on arrival, and each field says its name, then its
value. Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import TAB, Bus, _press_tab, _wait_for_title, activate_window
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def _weightings(bus: Bus) -> None:
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("5")))
    _wait_for_title(bus, "Settings")

    def tab_list() -> Any:
        found = bus.by_role(bus.frame(), "page tab list")[0]
        found.clear_cache()
        return found

    names = [tab_list().get_child_at_index(i).get_name()
             for i in range(tab_list().get_child_count())]
    _press_tab(bus, tab_list, names.index("Weightings"))
    bus.pump(0.5)


def _row_after_table(said: list[str]) -> list[str]:
    """The numbers said after the table itself ("206.", "219.", …): its current row."""
    after = said[next((i for i, text in enumerate(said) if "table with" in text), len(said)):]
    return [text for text in after if text.rstrip(".").isdigit()]


def _named(bus: Bus, role: str, name: str) -> Any:
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == role
                and (o.get_name() or "").startswith(name) and bus.showing(o))


def test_orca_reads_the_row_and_each_number_by_its_name(app_bus, orca):  # noqa: F811
    bus = app_bus
    _weightings(bus)
    table = _named(bus, "table", "Tier points")
    start = _named(bus, "spin button", "Effective from")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(start))  # Tab from here
    orca.mark()
    for _press in range(5):
        if bus.stop_of(bus.focused_after(lambda: bus.key(TAB))) == table:
            break
    else:
        pytest.fail("Tab never reached Tier points")
    said = orca.wait_for(bus.pump, "table with")
    deadline = time.monotonic() + 15
    while not _row_after_table(said) and time.monotonic() < deadline:
        bus.pump(0.1)  # the row the keyboard is on, after the table
        said = orca.said()
    assert _row_after_table(said), said  # its points, read out
    assert "not selected." not in said, said

    field = _named(bus, "spin button", "Standard court report")
    value = bus.Atspi.Text.get_text(field, 0, -1)  # as the page shows it (138, by default)
    for _press in range(8):
        orca.mark()
        if bus.focused_after(lambda: bus.key(TAB)) == field:
            break
    else:
        pytest.fail("Tab never reached Standard court report")
    said = orca.wait_for(bus.pump, "Standard court report (points)")
    bus.pump(0.5)  # anything Orca would add about a selection
    said = orca.said()
    assert said[0].startswith(f"Standard court report (points) {value}"), said  # name, value
    assert not any("selected" in text for text in said), said
