"""What Orca 43 says of a flag's tick box, and where a note's keyboard starts (24h, F4 and F6).

New case's first flag was heard "Flags check box": the row's label was the box's buddy, and
Orca prefers "labelled by" to the box's own words, "Domestic abuse". A note opened from
"Workload…" started on its Kind list, so the words typed at once changed the kind (even to
the private wellbeing one) and were lost."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import TAB, activate_window
from tests.atspi.test_announcements import _close_dialogs, _open_dialogs, _type
from tests.atspi.test_combo_boxes import _wait
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE = 0x20


def _button(bus: Any, name: str) -> Any:
    return next((o for o in bus.walk(bus.frame())
                 if o.get_role_name() == "push button" and o.get_name() == name), None)


def test_the_first_flag_is_heard_by_its_own_words(app_bus, orca):  # noqa: F811
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("2")))  # Caseload
        orca.mark()
        app_bus.ctrl(ord("n"))  # New case
        _wait(app_bus, lambda: _open_dialogs(app_bus), "New case did not open")
        orca.wait_for(app_bus.pump, "Reference")
        for _ in range(14):  # Tab through the form to past the flags
            app_bus.key(TAB)
            app_bus.pump(0.1)
        said = orca.wait_for(app_bus.pump, "Child safeguarding check box")
        assert any("Domestic abuse check box" in text for text in said), said
        assert not any("Flags check box" in text for text in said), said
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_a_workload_note_typed_at_once_goes_into_the_note(app_bus, orca):  # noqa: F811
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))  # Supervision
        _wait(app_bus, lambda: _button(app_bus, "Workload…") is not None, "no Workload… button")
        app_bus.focused_after(
            lambda: app_bus.Atspi.Component.grab_focus(_button(app_bus, "Workload…")))
        orca.mark()
        app_bus.key(SPACE)
        said = orca.wait_for(app_bus.pump, "Note text")
        assert not any("combo box" in text for text in said), said
        _type(app_bus, "Weekend work")
        dialog = _open_dialogs(app_bus)[0]

        def note() -> str:
            field = next(o for o in app_bus.walk(dialog)
                         if o.get_role_name() == "text" and o.get_name() == "Note")
            return app_bus.Atspi.Text.get_text(field, 0, -1)

        _wait(app_bus, lambda: note() == "Weekend work", f"the note holds {note()!r}")
        assert not any("Wellbeing" in text for text in orca.said()), orca.said()
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
