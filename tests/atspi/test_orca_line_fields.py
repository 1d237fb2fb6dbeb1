"""What Orca says of a one-line text field: its words whole. Orca 43 read every line edit one
character short as the keyboard reached it ("supervision-2026-12-07.pd." for the Export file
name, "C9 selected." for a case reference C97, "20m tra selected." for the time entry line's
`20m trav`): Qt's line edit gave empty attribute runs, and Orca ends the line where the last
run ends (tests/atspi/test_line_fields_read_whole.py asks the bus)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from core.supervision.export import default_file_name
from tests.atspi.bus import TAB, activate_window
from tests.atspi.test_announcements import _close_dialogs, _open_dialogs, _type
from tests.atspi.test_combo_boxes import _wait
from tests.atspi.test_orca_speaks import _tab_to, orca  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE, ESCAPE = 0x20, 0xFF1B
SHIFT_L = 50  # in the X server's default keymap (Xvfb's)


def _field(bus, name: str) -> Any:  # type: ignore[no-untyped-def]
    return next((o for d in _open_dialogs(bus) for o in bus.walk(d)
                 if o.get_role_name() == "text" and o.get_name() == name), None)


def _shift_tab(bus) -> Any:  # type: ignore[no-untyped-def]
    synth = bus.Atspi.KeySynthType

    def press() -> None:
        bus.Atspi.generate_keyboard_event(SHIFT_L, None, synth.PRESS)
        try:
            bus.key(TAB)
        finally:
            bus.Atspi.generate_keyboard_event(SHIFT_L, None, synth.RELEASE)

    return bus.focused_after(press)


def test_orca_reads_the_export_file_name_whole(app_bus, orca):  # noqa: F811
    name = default_file_name("pdf", date.today())
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))  # Supervision

        def button() -> Any:
            return next((o for o in app_bus.walk(app_bus.frame())
                         if o.get_role_name() == "push button" and o.get_name() == "Export…"),
                        None)

        _wait(app_bus, lambda: button() is not None, "no Export… button")
        app_bus.focused_after(lambda: app_bus.Atspi.Component.grab_focus(button()))
        app_bus.key(SPACE)
        _wait(app_bus, lambda: _field(app_bus, "File") is not None, "Export has no File field")
        orca.wait_for(app_bus.pump, "spin button")  # where the dialog puts the keyboard
        orca.mark()
        _tab_to(app_bus, _field(app_bus, "File"))
        said = orca.wait_for(app_bus.pump, " selected.")  # the field, then its words
        assert any(text.endswith(f"/{name} selected.") for text in said), said  # not "….pd"
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_orca_reads_an_edited_case_reference_whole(app_bus, orca):  # noqa: F811
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("2")))  # Caseload
        app_bus.focused_after(lambda: app_bus.ctrl(ord("n")))  # New case…
        _wait(app_bus, lambda: _field(app_bus, "Reference") is not None, "New case did not open")
        reference = _field(app_bus, "Reference")
        _wait(app_bus, lambda: "focused" in app_bus.states(reference),
              "the reference never had the keyboard")
        orca.wait_for(app_bus.pump, "New case")
        _type(app_bus, "C97")  # over the reference the dialog offers, selected
        _wait(app_bus, lambda: app_bus.Atspi.Text.get_text(reference, 0, -1) == "C97",
              "the reference never read C97")
        app_bus.focused_after(lambda: app_bus.key(TAB))
        app_bus.pump(1.0)
        orca.mark()
        assert _shift_tab(app_bus) == reference
        said = orca.wait_for(app_bus.pump, " selected.")  # the field, then its words
        assert "C97 selected." in said, said  # was "C9 selected."
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_orca_reads_a_typed_time_entry_line_whole(app_bus, orca):  # noqa: F811
    # The tester's line: "20m trav" was heard "20m tra." as the keyboard came back to it.
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("3")))  # Time

        def line() -> Any:
            return next((o for o in app_bus.walk(app_bus.frame()) if o.get_role_name() == "text"
                         and o.get_name() == "Quick time entry"), None)

        _wait(app_bus, lambda: line() is not None, "the Time view has no entry line")
        field = line()
        app_bus.focused_after(lambda: app_bus.Atspi.Component.grab_focus(field))
        _type(app_bus, "20m trav")
        _wait(app_bus, lambda: app_bus.Atspi.Text.get_text(field, 0, -1) == "20m trav",
              "the line never read 20m trav")
        app_bus.key(ESCAPE)  # the list of whole lines offered, closed; the words stay
        app_bus.focused_after(lambda: app_bus.key(TAB))
        app_bus.pump(1.0)
        orca.mark()
        assert _shift_tab(app_bus) == field
        said = orca.wait_for(app_bus.pump, " selected.")  # the field, then its words
        assert "20m trav selected." in said, said  # was "20m tra selected."
    finally:
        field = next((o for o in app_bus.walk(app_bus.frame()) if o.get_role_name() == "text"
                      and o.get_name() == "Quick time entry"), None)
        if field is not None:
            app_bus.Atspi.EditableText.set_text_contents(field, "")  # nothing left to log
        activate_window(app_bus)
