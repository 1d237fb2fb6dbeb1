"""What Orca says as the keyboard comes back to a dialog: the dialog and its words once, then the
field. Import calendar's ~70 words were read twice after each return from its file chooser (and
Export's after each question): the first file read connected a plain method to the dialog, which
changed its meta-object, and Qt gave the open dialog a new accessible object, so Orca took the
field's way in as a way into another dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.atspi.bus import activate_window, open_menu
from tests.atspi.test_announcements import RETURN, _close_dialogs, _open_dialogs, _type
from tests.atspi.test_combo_boxes import _wait
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE = 0x20
TITLE = "Import calendar — Caseload Companion"
HINT = "Subjects are shown here only to help you choose"


def _file_menu(bus) -> None:
    """File opened as a screen reader's menu command opens it, then waited for until the bus
    says its menu is up and has the keyboard (then a key chooses the item). A key sent sooner
    went to the window instead, while the menu was still coming up."""
    frame = bus.frame()
    frame.clear_cache()
    menu = next(o for o in bus.walk(frame)
                if o.get_role_name() == "menu item" and o.get_name() == "File")
    menu.get_action_iface().do_action(0)
    _wait(bus, lambda: open_menu(bus, menu) is not None, "the File menu never opened")


def test_coming_back_from_the_file_chooser_says_the_dialog_once(app_bus, orca):  # noqa: F811
    today = date.today().strftime("%Y%m%d")
    ics = app_bus.workdir / "week.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
                   f"UID:a1\r\nDTSTAMP:{today}T080000Z\r\nDTSTART:{today}T090000\r\n"
                   f"DTEND:{today}T093000\r\nSUMMARY:Team meeting\r\nEND:VEVENT\r\n"
                   "END:VCALENDAR\r\n", encoding="utf-8")
    try:
        activate_window(app_bus)
        _file_menu(app_bus)
        app_bus.key(ord("i"))  # &Import calendar…
        _wait(app_bus, lambda: _open_dialogs(app_bus), "Import calendar did not open")
        orca.wait_for(app_bus.pump, TITLE)
        orca.mark()
        app_bus.key(SPACE)  # Choose file…, where the dialog puts the keyboard
        orca.wait_for(app_bus.pump, "File name")
        _type(app_bus, str(ics))
        app_bus.key(RETURN)
        # The read's result is said last, after the dialog and the field: all said by then.
        said = orca.wait_for(app_bus.pump, "week.ics read")
        back = said[next(i for i, text in enumerate(said) if "File name" in text):]
        assert sum(HINT in text for text in back) == 1, back
        assert any("spin button" in text or "push button" in text for text in back), back
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_export_says_the_period_field_by_its_label_once(app_bus, orca):  # noqa: F811
    # Was "Period Period from 08/11/2026 spin button": the label, then a name repeating it.
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))  # Supervision
        def button():
            return next((o for o in app_bus.walk(app_bus.frame())
                         if o.get_role_name() == "push button" and o.get_name() == "Export…"), None)

        _wait(app_bus, lambda: button() is not None, "no Export… button")
        export = button()
        app_bus.focused_after(lambda: app_bus.Atspi.Component.grab_focus(export))
        orca.mark()
        app_bus.key(SPACE)
        said = orca.wait_for(app_bus.pump, "spin button")
        field = next(text for text in said if "spin button" in text)
        assert field.startswith("Period ") and "Period Period" not in field, said
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_times_activity_says_its_item_once(app_bus, orca):  # noqa: F811
    # Was "Activity combo box. Appointment / direct contact. Appointment / direct contact.":
    # the tooltip that shows a long name whole was read as the box's description as well.
    from tests.atspi.test_orca_speaks import _tab_to

    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("3")))  # Time

        def activity() -> Any:
            return next((o for o in app_bus.walk(app_bus.frame()) if o.get_role_name()
                         == "combo box" and o.get_name() == "Activity to time"), None)

        _wait(app_bus, lambda: activity() is not None, "the Time view has no Activity to time")
        combo = activity()
        orca.mark()
        _tab_to(app_bus, combo)
        orca.wait_for(app_bus.pump, "Activity combo box")
        app_bus.focused_after(lambda: app_bus.key(0xFF09))  # Tab on: said after all of it
        said = orca.wait_for(app_bus.pump, "Case combo box")
        box = next(i for i, text in enumerate(said) if "Activity combo box" in text)
        after = said[box + 1:next(i for i, text in enumerate(said) if "Case combo box" in text)]
        # The item, once (the timer's line may follow it, as the box's description).
        assert after and after[0].strip(" .") and after.count(after[0]) == 1, said
    finally:
        activate_window(app_bus)


def test_export_is_read_once_after_its_question(app_bus, orca):  # noqa: F811
    # The dialog, its words and "Saved …" with them were read twice as the keyboard came back
    # from "Fitting the summary on one page", then "Saved …" a third time as the notification;
    # then once with the dialog and once as the notification.
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))  # Supervision

        def button():
            return next((o for o in app_bus.walk(app_bus.frame())
                         if o.get_role_name() == "push button" and o.get_name() == "Export…"), None)

        _wait(app_bus, lambda: button() is not None, "no Export… button")
        app_bus.focused_after(lambda: app_bus.Atspi.Component.grab_focus(button()))
        app_bus.key(SPACE)
        orca.wait_for(app_bus.pump, "spin button")
        orca.mark()
        app_bus.key(RETURN)  # Save, the dialog's default
        asked = orca.wait_for(app_bus.pump, "push button")  # the question's Save, or none
        if any("Fitting the summary" in text for text in asked):
            app_bus.key(RETURN)  # Save, what the question is for
        said = orca.wait_for(app_bus.pump, "Saved supervision-", timeout=30)
        app_bus.pump(2.0)
        said = orca.said()
        assert sum("The summary is aggregate" in text for text in said) == 1, said
        # Once, as the notification: the dialog's line saying it is its status bar, which Orca
        # leaves out as it reads the dialog again (as a label it was said with the dialog).
        assert sum("Saved supervision-" in text for text in said) == 1, said
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
