"""Down in New case's closed Tier box says each tier by its name: Orca 43 said "Untiered (scores
nothing)", "A3.", "not selected.", "A1." (A2 never named). Skipped without Orca, as
tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import pytest

from tests.atspi.bus import activate_window
from tests.atspi.test_announcements import _close_dialogs, _open_dialogs
from tests.atspi.test_combo_boxes import _wait
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
DOWN = 0xFF54


def test_down_in_the_closed_tier_box_says_each_tier(app_bus, orca):  # noqa: F811
    bus = app_bus
    try:
        activate_window(bus)
        bus.focused_after(lambda: bus.ctrl(ord("2")))  # Caseload
        bus.ctrl(ord("n"))  # New case
        _wait(bus, lambda: _open_dialogs(bus), "New case did not open")
        dialog = _open_dialogs(bus)[-1]
        tier = next(o for o in bus.walk(dialog) if o.get_role_name() == "combo box"
                    and (o.get_name() or "").startswith("Tier"))
        bus.focused_after(lambda: bus.Atspi.Component.grab_focus(tier))
        bus.pump(1.0)
        orca.mark()
        for _ in range(5):  # at a typing pace, as the tester pressed them
            bus.key(DOWN)
            bus.pump(0.25)
        orca.wait_for(bus.pump, "A0")
        bus.pump(1.0)
        said = orca.said()
        for name in ("Untiered (scores nothing)", "A3", "A2", "A1", "A0"):
            assert any(t.startswith(name) for t in said), (name, said)
        assert not any("not selected" in t for t in said), said
    finally:
        _close_dialogs(bus)
        activate_window(bus)
