"""Through AT-SPI, the welcome (Help > Welcome tour), step by step: every control a keyboard
reaches is named by its visible label, and no two controls on a step share a name."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import activate_window
from tests.atspi.test_announcements import _close_dialogs
from tests.atspi.test_dialogs import _problems, _wait_for_dialog

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus


def _menu_items(root: Any, name: str) -> list[Any]:
    """Menu items called `name` under `root`, in closed menus too (which are not showing)."""
    found, stack = [], [root]
    while stack:
        obj = stack.pop()
        role = obj.get_role_name()
        if role == "menu item" and obj.get_name() == name:
            found.append(obj)
        if role in ("menu bar", "menu item", "popup menu") or obj is root:
            kids = (obj.get_child_at_index(i) for i in range(obj.get_child_count()))
            stack.extend(k for k in kids if k is not None)
    return found


def test_each_welcome_step_names_its_controls_by_their_visible_labels(app_bus):
    activate_window(app_bus)
    tour = _menu_items(app_bus.frame(), "Welcome tour")
    assert tour, "Help > Welcome tour is not on the bus"
    try:  # as a screen reader's menu command does
        tour[0].get_action_iface().do_action(0)
    except Exception:  # noqa: BLE001 - the welcome is modal: the reply waits until it closes
        pass
    dialog = _wait_for_dialog(app_bus)
    assert dialog is not None, "the welcome did not open"
    try:
        problems, steps = [], []
        for _ in range(3):
            step = next((o.get_name() for o in app_bus.walk(dialog)
                         if (o.get_name() or "").startswith("Step ")), "")
            steps.append(step)
            problems += _problems(app_bus, dialog, f"Welcome, {step or 'a step'}")
            nexts = [o for o in app_bus.walk(dialog)
                     if o.get_role_name() == "push button" and o.get_name() == "Next"]
            if not nexts:
                break
            nexts[0].get_action_iface().do_action(0)
            app_bus.pump(0.5)
        assert steps == ["Step 1 of 3", "Step 2 of 3", "Step 3 of 3"]
        assert not problems, "\n".join(problems)
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
