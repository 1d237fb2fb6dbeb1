"""What Orca says for the first Tabs after F11 opens the meeting: nothing, for the tester at a
key every 0.35 s ("Agreed action" and "Owner" took the focus, by the bus, unsaid). Qt moved each
field's caret before telling of the focus; Orca, still busy with the new screen, took the caret
move in a field already marked focused as the focus arriving, quietly, and then had nothing to
say. Each key here goes as soon as the app has moved the focus (Orca may still be catching up),
and every field reached is said. Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import pytest

from tests.atspi.bus import TAB, activate_window
from tests.atspi.test_dialogs import ESCAPE, F11
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def test_the_first_tabs_after_f11_are_said(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    orca.mark()
    bus.focused_after(lambda: bus.key(F11))
    for _press in range(3):  # to the agreed action, its owner and its due date
        bus.focused_after(lambda: bus.key(TAB))
    try:
        said = orca.wait_for(bus.pump, "Due date")
        assert any(text.startswith("Agreed action") for text in said), said
        assert any(text.startswith("Owner") for text in said), said
    finally:
        bus.focused_after(lambda: bus.key(ESCAPE))  # out of the meeting for the next tests
        activate_window(bus)

