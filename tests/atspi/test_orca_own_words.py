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
        for _ in range(20):  # Tab through the form, one field at a time, to the first flag
            orca.mark()
            landed = app_bus.focused_after(lambda: app_bus.key(TAB))
            if landed is not None and landed.get_role_name() == "check box" \
                    and landed.get_name() == "Domestic abuse":
                break
        said = orca.wait_for(app_bus.pump, "check box")
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


def test_add_a_reduction_tabs_to_the_chosen_unit_and_says_the_amount_with_it(
        app_bus, orca):  # noqa: F811
    """Tab went from "Amount 80.0 spin button" to "Hours a week not selected radio button" and
    passed over the chosen "% of contracted hours"; a Space there made 80% 80 hours (24h, F10)."""
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("5")))  # Settings
        tabs = next(o for o in app_bus.walk(app_bus.frame())
                    if o.get_role_name() == "page tab" and o.get_name() == "Reductions & reports")
        app_bus.Atspi.Action.do_action(tabs, 0)
        _wait(app_bus, lambda: _button(app_bus, "Add reduction…") is not None,
              "no Add reduction… button")
        app_bus.focused_after(
            lambda: app_bus.Atspi.Component.grab_focus(_button(app_bus, "Add reduction…")))
        app_bus.key(SPACE)
        orca.wait_for(app_bus.pump, "Reason")
        orca.mark()
        app_bus.key(TAB)
        said = orca.wait_for(app_bus.pump, "spin button")
        amount = next(text for text in said if "spin button" in text)
        assert "80.0%" in amount or "80.0 percent" in amount, said
        orca.mark()
        app_bus.key(TAB)
        said = orca.wait_for(app_bus.pump, "radio button")
        assert any("% of contracted hours" in text for text in said), said
        assert not any("Hours a week" in text for text in said), said
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
        for tab in app_bus.walk(app_bus.frame()):  # Settings as the other tests find it
            if tab.get_role_name() == "page tab" and tab.get_name() == "Profile":
                app_bus.Atspi.Action.do_action(tab, 0)
                break


def test_a_typed_note_left_with_esc_is_asked_about_and_kept(app_bus, orca):  # noqa: F811
    """The tester's keys: Workload…, a sentence typed, Escape. The note closed and the words
    were gone; now "Discard your note?" is asked, and Escape again keeps writing."""
    try:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))  # Supervision
        _wait(app_bus, lambda: _button(app_bus, "Workload…") is not None, "no Workload… button")
        app_bus.focused_after(
            lambda: app_bus.Atspi.Component.grab_focus(_button(app_bus, "Workload…")))
        app_bus.key(SPACE)
        orca.wait_for(app_bus.pump, "Note text")
        _type(app_bus, "Five new cases this week")
        app_bus.pump(0.5)
        orca.mark()
        app_bus.key(0xFF1B)  # Escape
        orca.wait_for(app_bus.pump, "Discard your note?")
        orca.mark()
        back = app_bus.focused_after(lambda: app_bus.key(0xFF1B))  # Escape: Keep writing
        app_bus.pump(0.5)
        assert back is not None and back.get_role_name() == "text", app_bus.describe(back)
        words = app_bus.Atspi.Text.get_text(back, 0, app_bus.Atspi.Text.get_character_count(back))
        assert "Five new cases this week" in words
        assert _open_dialogs(app_bus), "the note stayed open"
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
