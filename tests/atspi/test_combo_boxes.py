"""Through AT-SPI, a combo box as a screen-reader user works it: heard by its label, with the
item it shows, its list of items, its Press and Show menu actions, and an event each time the
item changes, whether chosen from the open list or with the arrow keys on the closed box. The
Caseload view's case type filter stands for them all (every combo box is the same accessible,
ui/widgets/combo_accessible.py); tests/atspi/test_names.py checks every one's name."""

from __future__ import annotations

import time
from typing import Any

import pytest

from core.caseload.models import CASE_TYPE_LABELS, CASE_TYPES
from tests.atspi.bus import ITEM_HOLDERS, Bus, activate_window
from tests.atspi.test_names import _labelled_by, combo_problem, current_item

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
DOWN, UP, RETURN = 0xFF54, 0xFF52, 0xFF0D
ITEMS = ["All types", *(CASE_TYPE_LABELS[key] for key in CASE_TYPES)]


def _type_filter(bus: Bus) -> Any:
    """The Caseload view's combo box labelled "Type"."""
    bus.focused_after(lambda: bus.ctrl(ord("2")))
    deadline = time.monotonic() + 10
    while True:
        found = [o for o in bus.walk(bus.frame(), into=lambda o: o.get_role_name()
                                     not in ITEM_HOLDERS)
                 if o.get_role_name() == "combo box" and "Type" in _labelled_by(bus, o)]
        if found:
            return found[0]
        assert time.monotonic() < deadline, "no combo box labelled Type on the Caseload view"
        bus.pump(0.1)


def _list(combo: Any) -> Any:
    lists = [combo.get_child_at_index(i) for i in range(combo.get_child_count())]
    lists = [o for o in lists if o is not None and o.get_role_name() == "list"]
    assert len(lists) == 1, "a combo box has its list of items as its child"
    return lists[0]


def _wait(bus: Bus, done, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 10
    while not done():
        assert time.monotonic() < deadline, what
        bus.pump(0.05)


class Changes:
    """The events a screen reader hears when one combo box's item changes: Qt sends them (a
    "selection-changed" on the combo box itself) only to a client listening for value changes,
    as screen readers do, so this listens for both from the start of the test."""

    KINDS = ("object:selection-changed", "object:property-change:accessible-value")

    def __init__(self, bus: Bus, combo: Any):
        self.bus, self.combo, self.seen = bus, combo, 0
        self._listener = bus.Atspi.EventListener.new(self._on)
        for kind in self.KINDS:
            self._listener.register(kind)

    def _on(self, event: Any) -> None:
        if event.type == "object:selection-changed" and event.source == self.combo:
            self.seen += 1

    def after(self, act, what: str) -> None:  # type: ignore[no-untyped-def]
        self.bus.pump(0.05)
        before = self.seen
        act()
        _wait(self.bus, lambda: self.seen > before, f"no value-changed event: {what}")

    def close(self) -> None:
        for kind in self.KINDS:
            self._listener.deregister(kind)


def test_a_combo_box_is_heard_by_its_label_and_still_shows_chooses_and_says_its_item(app_bus):
    activate_window(app_bus)
    atspi = app_bus.Atspi
    combo = _type_filter(app_bus)
    changes = Changes(app_bus, combo)
    try:
        _check(app_bus, combo, changes)
    finally:
        changes.close()
        if current_item(app_bus, combo) != ITEMS[0]:  # the filter as the other tests expect it
            atspi.Component.grab_focus(combo)
            for _ in ITEMS:
                app_bus.key(UP)
            app_bus.pump(0.5)


def _check(app_bus: Bus, combo: Any, changes: Changes) -> None:
    atspi = app_bus.Atspi
    assert combo_problem(app_bus, combo) is None, combo_problem(app_bus, combo)
    assert "type" in combo.get_name().casefold() and combo.get_name() != "All types"
    # The item it shows, and its list with every item, for the screen reader to read.
    assert current_item(app_bus, combo) == "All types"
    items = _list(combo)
    assert [items.get_child_at_index(i).get_name() for i in range(items.get_child_count())] \
        == ITEMS
    # Its actions open the list and close it again, as a click does.
    actions = [atspi.Action.get_action_name(combo, i)
               for i in range(atspi.Action.get_n_actions(combo))]
    assert {"Press", "ShowMenu", "SetFocus"} <= set(actions)
    assert "expandable" in app_bus.states(combo) and "expanded" not in app_bus.states(combo)
    atspi.Action.do_action(combo, actions.index("Press"))
    _wait(app_bus, lambda: "expanded" in app_bus.states(combo) and app_bus.showing(items),
          "Press did not open the list")
    atspi.Action.do_action(combo, actions.index("Press"))
    _wait(app_bus, lambda: "expanded" not in app_bus.states(combo)
          and not app_bus.showing(items), "Press did not close the list")
    # Chosen from the open list (Show menu, Down, Return): an event, and the new item.
    atspi.Action.do_action(combo, actions.index("ShowMenu"))
    _wait(app_bus, lambda: app_bus.showing(items), "Show menu did not open the list")
    app_bus.key(DOWN)
    changes.after(lambda: app_bus.key(RETURN), "choosing from the list")
    _wait(app_bus, lambda: "expanded" not in app_bus.states(combo), "the list stayed open")
    assert current_item(app_bus, combo) == ITEMS[1]
    assert combo_problem(app_bus, combo) is None  # still its label, not "Community"
    # With the arrow keys on the closed box, once it has the focus: the focus event that a
    # screen reader speaks comes from the box, named by its label.
    activate_window(app_bus)  # no window manager gives the window back the keyboard
    focused = app_bus.focused_after(lambda: atspi.Component.grab_focus(combo))
    assert focused == combo and combo_problem(app_bus, focused) is None
    changes.after(lambda: app_bus.key(DOWN), "Down on the closed box")
    assert current_item(app_bus, combo) == ITEMS[2]
    changes.after(lambda: app_bus.key(UP), "Up on the closed box")
    changes.after(lambda: app_bus.key(UP), "Up on the closed box")
    assert current_item(app_bus, combo) == ITEMS[0]
    assert combo_problem(app_bus, combo) is None
