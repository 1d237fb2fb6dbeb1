"""What Orca says when a drop-down list is opened, moved in and closed without a choice (Esc):
the item the box still shows, which the timer would use, never the row the arrows left
highlighted. Orca 43 said "Activity combo box." "Home visit." for a box showing "Appointment /
direct contact": it read the closed list's highlighted row (ui/widgets/combo_accessible.py).
Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import Bus, _wait_for_title, activate_window
from tests.atspi.test_combo_boxes import _list, _wait
from tests.atspi.test_names import current_item
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
DOWN, ESC = 0xFF54, 0xFF1B


def _activity(bus: Bus) -> Any:
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    _wait_for_title(bus, "Time")
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "combo box"
                and (o.get_name() or "").startswith("Activity") and bus.showing(o))


def test_a_list_closed_with_esc_is_said_with_the_item_the_box_still_shows(app_bus, orca):  # noqa: F811
    bus = app_bus
    atspi = bus.Atspi
    combo = _activity(bus)
    focused = bus.focused_after(lambda: atspi.Component.grab_focus(combo))
    assert focused == combo
    shown = current_item(bus, combo)
    items = _list(combo)
    names = [items.get_child_at_index(i).get_name() for i in range(items.get_child_count())]
    assert shown in names and names.index(shown) + 1 < len(names), (shown, names)
    passed = names[names.index(shown) + 1]
    actions = [atspi.Action.get_action_name(combo, i)
               for i in range(atspi.Action.get_n_actions(combo))]
    atspi.Action.do_action(combo, actions.index("ShowMenu"))
    _wait(bus, lambda: bus.showing(items), "Show menu did not open the list")
    bus.pump(0.5)
    orca.mark()
    bus.key(DOWN)
    orca.wait_for(bus.pump, passed)  # the row the arrows are on, said in the open list
    orca.mark()
    bus.key(ESC)
    _wait(bus, lambda: not bus.showing(items), "Esc did not close the list")
    said = orca.wait_for(bus.pump, shown)
    bus.pump(1.0)  # anything more Orca says about the box
    said = orca.said()
    assert any(shown in text for text in said), said
    assert not any(passed in text for text in said), said  # the row left, never the box's item
    assert current_item(bus, combo) == shown
