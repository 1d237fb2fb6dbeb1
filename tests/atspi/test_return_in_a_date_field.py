"""Through AT-SPI, the tester's keys: in Import calendar, with a week read and "Import 6 rows" the
default, Return in the "From" date field did nothing (Return in Export's dates pressed Save).
Return in a date field now presses the dialog's default, as from any other field."""

from __future__ import annotations

import time

import pytest

from tests.atspi.test_announcements import RETURN
from tests.atspi.test_every_dialog import _shown_dialog, host_bus  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(600)]  # a real app on a real bus


def test_return_in_from_imports_the_rows_ticked(host_bus):  # noqa: F811
    host, bus = host_bus
    while True:
        said = host.next()
        assert said != "done", "Import calendar was never opened"
        _, cls, name = said.split(" ", 2)
        if cls == "CalendarImportDialog":
            break
    dialog = _shown_dialog(bus, name)
    assert dialog is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the week is read off the UI thread
        ready = [o for o in bus.walk(dialog) if o.get_role_name() == "push button"
                 and (o.get_name() or "").startswith("Import ") and "enabled" in bus.states(o)]
        if ready:
            break
        bus.pump(0.1)
    assert ready, "the week was never read"
    field = next(o for o in bus.walk(dialog)
                 if o.get_role_name() == "spin button" and o.get_name() == "From")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(field))
    assert "focused" in bus.states(field), bus.states(field)
    bus.key(RETURN)
    deadline = time.monotonic() + 10
    while bus.showing(dialog) and time.monotonic() < deadline:
        bus.pump(0.1)
    assert not bus.showing(dialog), "Return in From did not press Import"
