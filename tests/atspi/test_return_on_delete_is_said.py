"""Through AT-SPI, the tester's keys: Return on the focused "Delete N cases" in "Delete closed
cases?" and Return after typing "delete" in "Delete all my data" closed each without a word,
and the user believed the data gone. Each dialog now stays open and says why, at once."""

from __future__ import annotations

import time

import pytest

from tests.atspi.bus import Bus
from tests.atspi.test_announcements import ASSERTIVE, RETURN, Heard, _type
from tests.atspi.test_every_dialog import _shown_dialog, host_bus  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(600)]  # a real app on a real bus


def _named(bus: Bus, dialog, role: str, start: str):
    return next(o for o in bus.walk(dialog)
                if o.get_role_name() == role and (o.get_name() or "").startswith(start))


def _activate(bus: Bus, dialog) -> None:
    """Give `dialog` the keyboard as a window manager would, if it has not got it: a click on
    its empty top-left margin (Xvfb runs no window manager, and the host's own request can be
    lost while the dialog is still being mapped), then wait until the bus says it is active."""
    if "active" in bus.states(dialog):
        return
    atspi = bus.Atspi
    box = atspi.Component.get_extents(dialog, atspi.CoordType.SCREEN)
    atspi.generate_mouse_event(box.x + 3, box.y + 3, "b1c")
    deadline = time.monotonic() + 10
    while "active" not in bus.states(dialog):
        assert time.monotonic() < deadline, f"{dialog.get_name()!r} never had the keyboard"
        bus.pump(0.05)


def _focus(bus: Bus, obj) -> None:
    """Give `obj` the keyboard and wait until the bus says it has it. A dialog the host has
    just shown may not be the active window yet, and then the focus (and its event) arrive
    only once it is: asked again until the object's state says focused, never a fixed wait."""
    window = obj
    while window is not None and window.get_role_name() != "dialog":
        window = window.get_parent()
    if window is not None:
        _activate(bus, window)
    deadline = time.monotonic() + 15
    while "focused" not in bus.states(obj):
        assert time.monotonic() < deadline, f"{obj.get_name()!r} never took the keyboard"
        bus.Atspi.Component.grab_focus(obj)
        bus.pump(0.1)


def test_return_on_delete_keeps_the_dialog_open_and_says_press_space(host_bus):  # noqa: F811
    host, bus = host_bus
    heard = Heard(bus)
    checked = set()
    try:
        while checked != {"closed", "all"}:
            said = host.next()
            assert said != "done", f"not every deletion dialog was met: {checked}"
            _, cls, name = said.split(" ", 2)
            if cls not in ("RetentionReviewDialog", "DeleteAllDialog"):
                continue
            dialog = _shown_dialog(bus, name)
            assert dialog is not None, name
            if cls == "RetentionReviewDialog":
                button = _named(bus, dialog, "push button", "Delete")
                _focus(bus, button)
                heard.said.clear()
                bus.key(RETURN)
                text, level = heard.wait_for("press Space to delete")
                checked.add("closed")
            else:
                field = _named(bus, dialog, "text", "Type DELETE to confirm")
                _focus(bus, field)
                _type(bus, "delete")
                heard.said.clear()
                bus.key(RETURN)
                text, level = heard.wait_for("in capitals")
                checked.add("all")
            assert level == ASSERTIVE, text
            bus.pump(0.3)
            assert bus.showing(dialog), f"{name} closed on Return"
    finally:
        heard.close()
