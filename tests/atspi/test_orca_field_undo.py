"""What Orca says for each Ctrl+Z in the Time view's quick entry: the field's own typing taken
back is said ("Undone in this field."), then the window's step ("Undone: Log time (…)"). Orca 43
said nothing for the first, so the user could not tell which press did what. Skipped without
Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_announcements import _type, _until
from tests.atspi.test_orca_settings_deletions import _focus
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
RETURN = 0xFF0D


def _quick_entry(bus: Bus) -> Any:
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "text"
                and (o.get_name() or "").startswith("Quick time entry") and bus.showing(o))


def test_each_ctrl_z_in_the_quick_entry_says_what_it_took_back(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    line = _quick_entry(bus)
    orca.mark()
    _focus(bus, line)
    orca.wait_for(bus.pump, "Quick time entry")

    def reads(text: str) -> bool:
        return bus.Atspi.Text.get_text(line, 0, -1) == text

    _type(bus, "30m recording")
    _until(bus, lambda: reads("30m recording"), "the line never read what was typed")
    orca.mark()
    bus.key(RETURN)
    orca.wait_for(bus.pump, "Logged 30 minutes of Recording and admin")
    _type(bus, "abc")
    _until(bus, lambda: reads("abc"), "the line never read abc")
    orca.mark()
    bus.ctrl(ord("z"))
    said = orca.wait_for(bus.pump, "Undone in this field")
    assert not any("Undone: Log time" in text for text in said), said  # the typing, not the time
    for _ in range(5):  # what is left of the field's own typing, each press said
        if reads(""):
            break
        orca.mark()
        bus.ctrl(ord("z"))
        orca.wait_for(bus.pump, "Undone in this field")
    assert reads("")
    orca.mark()
    bus.ctrl(ord("z"))  # the window's now: the time logged
    said = orca.wait_for(bus.pump, "Undone: Log time (Recording and admin")
    assert not any("in this field" in text for text in said), said
