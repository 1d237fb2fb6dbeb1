"""What Orca says on Ctrl+1…Ctrl+5: the view the keyboard arrives in. From Time's quick entry,
Ctrl+5 said only "Grade combo box" (or the page tab it landed on), never "Settings"; from the
Views list the view's row is read as it is chosen ("Caseload."), and nothing more is said.
Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import pytest

from tests.atspi.bus import TAB, activate_window
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def test_ctrl_number_from_inside_a_view_says_the_view(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    moved = bus.focused_after(lambda: bus.key(TAB))  # from the Views list into Time
    assert moved is not None and moved.get_role_name() != "list item", bus.describe(moved)
    bus.pump(1.0)
    for key, title in (("5", "Settings"), ("2", "Caseload"), ("1", "Overview")):
        orca.mark()
        bus.focused_after(lambda k=key: bus.ctrl(ord(k)))
        orca.wait_for(bus.pump, f"{title} view.")
        bus.pump(1.0)
        said = orca.said()
        words = f"notification {title} view."
        assert [t for t in said if t.endswith(" view.")] == [words], said
        assert said.index(words) > 0, said  # after the control the keyboard landed on


def test_ctrl_number_from_the_views_list_says_the_view_once(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    views = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "list"
                 and o.get_name() == "Views")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(views))
    bus.pump(1.0)
    orca.mark()
    bus.focused_after(lambda: bus.ctrl(ord("2")))
    orca.wait_for(bus.pump, "Caseload.")
    bus.pump(1.0)
    said = orca.said()
    assert said.count("Caseload.") == 1 and not any(" view." in t for t in said), said


def test_ctrl_3_from_the_caseload_table_says_time_view(app_bus, orca):  # noqa: F811
    """The tester's keys: Ctrl+3 from a row of the Caseload table said nothing for about 2 s,
    then only "Quick time entry text", never "Time view."."""
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("2")))
    bus.pump(1.0)
    table = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                 and bus.Atspi.Accessible.get_role_name(o) == "table" and o.get_name() == "Cases")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(table))
    bus.pump(1.0)
    orca.mark()
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    orca.wait_for(bus.pump, "Time view.")
    bus.pump(1.0)
    said = orca.said()
    assert [t for t in said if t.endswith(" view.")] == ["notification Time view."], said
