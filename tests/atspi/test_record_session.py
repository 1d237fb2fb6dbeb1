"""Through AT-SPI, the tester's keys: Supervision > Record a session…, then one Return in "Date of
the session". It recorded an empty session and took the month's notes off the agenda without a
word, and Ctrl+Z did nothing. Now what recording will do is heard with the date field, the
recording is said politely, and Ctrl+Z takes it back (and says so)."""

from __future__ import annotations

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_announcements import POLITE, RETURN, Heard

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
SPACE = 0x20


def _button(bus: Bus, name: str):
    return next(o for o in bus.walk(bus.frame())
                if o.get_role_name() == "push button" and o.get_name() == name)


def _describes(label, field) -> bool:  # type: ignore[no-untyped-def]
    """Whether `label` is on the bus as the description of `field`."""
    for relation in label.get_relation_set():
        for index in range(relation.get_n_targets()):
            if relation.get_target(index) == field:
                return relation.get_relation_type().value_nick == "description-for"
    return False


def _open_notes(bus: Bus) -> int:
    """The notes on the agenda, read from the app's own (unencrypted demo) data file."""
    import sqlite3

    from core.store.paths import database_path

    with sqlite3.connect(database_path(bus.data_dir)) as conn:  # type: ignore[attr-defined]
        return conn.execute("SELECT count(*) FROM agenda_items WHERE discussed_on IS NULL"
                            ).fetchone()[0]


def test_return_in_the_date_records_says_so_and_ctrl_z_takes_it_back(app_bus):
    bus = app_bus
    heard = Heard(bus)
    notes = _open_notes(bus)
    assert notes > 0
    try:
        activate_window(bus)
        bus.focused_after(lambda: bus.ctrl(ord("4")))  # Supervision
        record = _button(bus, "Record a session…")
        bus.focused_after(lambda: bus.Atspi.Component.grab_focus(record))
        field = bus.focused_after(lambda: bus.key(SPACE))
        assert field is not None and field.get_name() == "Date of the session", \
            bus.describe(field)
        # What Return is about to do is heard with the field, not only in small print.
        assert f"marks the {notes} notes gathered up to" in field.get_description()
        # And only there: the label showing it is the field's description, so Orca 43 does not
        # read it again among the dialog's own words (a label with no relation) as it opens.
        dialog = field
        while dialog.get_role_name() != "dialog":
            dialog = dialog.get_parent()
        shown = [o for o in bus.walk(dialog) if o.get_role_name() == "label"
                 and o.get_name() == field.get_description()]
        assert shown, "the sentence is not on the dialog"
        assert all(_describes(o, field) for o in shown), "read with the dialog and the field"
        bus.key(RETURN)
        text, level = heard.wait_for("Recorded the session of")
        assert text.endswith(f": {notes} notes marked discussed. Undo with Ctrl+Z.")
        assert level == POLITE and _open_notes(bus) == 0
        activate_window(bus)  # no window manager gives the window back after a dialog
        bus.focused_after(lambda: bus.ctrl(ord("z")))
        text, level = heard.wait_for("Took back the session of")
        assert text.endswith(f"{notes} notes are on the agenda again.") and level == POLITE
        assert _open_notes(bus) == notes
    finally:
        heard.close()
        activate_window(bus)
