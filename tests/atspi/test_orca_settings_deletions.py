"""What Orca says as an activity or a leave day is deleted in Settings, with Space on Delete or
Remove, and as leave is added. Orca 43 said only the table the focus landed in ("Activities you
log time against." "table with 15 rows 4 columns" "Other." …): the notice was on the bus, but
the focus went from the disabled button to the next table and back, and the page was read again
after the notice, and Orca never said it. Now the words come first, then the table. Skipped without Orca, as
tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import Bus, _press_tab, _wait_for_title, activate_window
from tests.atspi.test_announcements import _type
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE, RETURN = 0x20, 0xFF0D


def _settings_page(bus: Bus, page: str) -> None:
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("5")))
    _wait_for_title(bus, "Settings")

    def tab_list() -> Any:
        found = bus.by_role(bus.frame(), "page tab list")[0]
        found.clear_cache()
        return found

    names = [tab_list().get_child_at_index(i).get_name()
             for i in range(tab_list().get_child_count())]
    _press_tab(bus, tab_list, names.index(page))
    bus.pump(0.5)


def _button(bus: Bus, name: str) -> Any:
    """The showing push button called `name` (one a page)."""
    found = [o for o in bus.walk(bus.frame()) if o.get_role_name() == "push button"
             and (o.get_name() or "").replace("&", "") == name and bus.showing(o)]
    assert found, f"no {name} button showing"
    return found[0]


def _focus(bus: Bus, obj: Any) -> None:
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(obj))


def _said_before_the_table(bus: Bus, orca: Any, words: str) -> None:  # noqa: F811 - orca
    """`words` said once, and before the table the keyboard lands in is read: Orca 43 speaks
    what comes in the order it comes and cuts none of it short, so what went is heard first and
    then where the keyboard is ("Now on …" was heard before "Deleted …")."""
    orca.wait_for(bus.pump, words)
    bus.pump(1.5)  # anything more Orca would say about where the focus went
    said = orca.said()
    at = [i for i, text in enumerate(said) if words in text]
    assert len(at) == 1, said
    assert not any("table with" in text for text in said[:at[0]]), said


def test_orca_says_an_activity_deleted_with_space(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Activities")
    _focus(bus, _button(bus, "Add…"))
    orca.mark()
    bus.key(SPACE)
    orca.wait_for(bus.pump, "Name of the activity")
    _type(bus, "Peer mentoring")
    orca.mark()
    bus.key(RETURN)
    orca.wait_for(bus.pump, "Added the activity Peer mentoring")
    # The new row is the one chosen: Delete acts on it.
    _focus(bus, _button(bus, "Delete"))
    bus.pump(0.5)
    orca.mark()
    bus.key(SPACE)
    _said_before_the_table(bus, orca, "Deleted the activity Peer mentoring")


def test_orca_says_leave_added_and_deleted(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Working week")
    _focus(bus, _button(bus, "Add leave"))
    bus.pump(0.5)
    orca.mark()
    bus.key(RETURN)
    said = orca.wait_for(bus.pump, "Undo with Ctrl+Z")
    added = next(text for text in said if "Undo with Ctrl+Z" in text)
    assert " on " in added and ("Added" in added or "Changed" in added), said
    table = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                 and (o.get_name() or "").startswith("Leave days"))
    _focus(bus, table)  # arriving chooses the row the keyboard is on
    remove = _button(bus, "Remove")
    _focus(bus, remove)
    assert "focused" in bus.states(remove)
    bus.pump(0.5)
    orca.mark()
    bus.key(SPACE)
    _said_before_the_table(bus, orca, "Deleted the leave on")


DOWN = 0xFF54


def test_orca_says_a_reduction_brought_back_without_reading_the_row_again(app_bus, orca):  # noqa: F811
    """Ctrl+Z of a reduction's deletion, with the keyboard on the row that stayed: Orca said
    "Brought back the reduction …" and then the whole unmoved row again ("Court duty." "3 hours
    a week." …). The table was reset and its row chosen anew; now only the words are said."""
    from tests.atspi.test_orca_page_tabs import _alt

    bus = app_bus
    _settings_page(bus, "Reductions & reports")
    table = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                 and o.get_name() == "Reductions" and bus.showing(o))
    _focus(bus, table)  # on its first row, which stays
    bus.focused_after(lambda: bus.key(DOWN))  # the second, to delete
    _focus(bus, _button(bus, "Delete reduction"))
    bus.pump(0.5)
    orca.mark()
    bus.key(SPACE)
    orca.wait_for(bus.pump, "Delete the reduction")
    _alt(bus, "y")
    said = orca.wait_for(bus.pump, "Deleted the reduction")
    gone = next(t for t in said if "Deleted the reduction" in t).split("“")[1].split("”")[0]
    bus.pump(1.5)
    kept = [o.get_name() for o in bus.walk(table) if o.get_role_name() == "table cell"
            and "selected" in bus.states(o)]
    assert kept, "no row chosen after the deletion"
    orca.mark()
    bus.ctrl(ord("z"))
    orca.wait_for(bus.pump, f"Brought back the reduction “{gone}”")
    bus.pump(1.5)  # anything Orca would add about the row
    said = orca.said()
    assert [t for t in said if "Brought back" in t] == [
        f"notification Brought back the reduction “{gone}”."], said
    assert not any(t.rstrip(".") in kept for t in said), (kept, said)


def test_hide_keeps_the_keyboard_on_the_button_now_called_show(app_bus, orca):  # noqa: F811
    """Activities, Hide (Space): Orca said "Show", the button renaming itself, and then the
    table's row, as the keyboard left the button for the table; Show, to take it back, was
    three Tabs away. Now the keyboard stays on the button and the row is not read."""
    bus = app_bus
    _settings_page(bus, "Activities")
    table = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                 and (o.get_name() or "").startswith("Activities") and bus.showing(o))
    _focus(bus, table)  # arriving chooses the row the keyboard is on
    bus.focused_after(lambda: bus.key(DOWN))
    hide = _button(bus, "Hide")
    _focus(bus, hide)
    bus.pump(0.5)
    orca.mark()
    bus.key(SPACE)
    try:
        said = orca.wait_for(bus.pump, "hidden. Undo with Ctrl+Z.")
        bus.pump(1.5)  # anything Orca would add about where the keyboard is
        said = orca.said()
        assert said.count("Show") <= 1 and not any("table with" in t for t in said), said
        assert "focused" in bus.states(hide) and hide.get_name().replace("&", "") == "Show"
    finally:
        orca.mark()
        bus.key(SPACE)  # shown again, as the other tests expect
        orca.wait_for(bus.pump, "shown. Undo with Ctrl+Z.")
