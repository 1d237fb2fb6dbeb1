"""Through AT-SPI with Orca, the tester's keys: Caseload, "Review and delete…", then Return in
"Delete closed cases?" (its default, "Keep them"). The keyboard went to "Show active cases";
it comes back to the button that opened the question, and Orca says what was answered.
Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_announcements import RETURN, _open_dialogs
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture
from tests.atspi.test_return_on_delete_is_said import _activate

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE = 0x20


def _showing(bus: Bus, role: str, name: str) -> Any:
    return next((o for o in bus.walk(bus.frame()) if o.get_role_name() == role
                 and (o.get_name() or "").startswith(name) and bus.showing(o)), None)


def _give_the_window_back(bus: Bus) -> None:
    """As a window manager does when a dialog closes: the window active again (a click on its
    status bar, which takes no keyboard), its own focus where the app left it."""
    atspi = bus.Atspi
    bar = _showing(bus, "status bar", "")
    box = atspi.Component.get_extents(bar, atspi.CoordType.SCREEN)
    atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")
    deadline = time.monotonic() + 10
    while "active" not in bus.states(bus.frame()):
        assert time.monotonic() < deadline, "the window never had the keyboard back"
        bus.pump(0.05)


def test_keep_them_gives_the_keyboard_back_to_review_and_delete(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("2")))
    review = _showing(bus, "push button", "Review and delete closed cases")
    assert review is not None, "the demo's closed cases are offered for deletion"
    orca.mark()
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(review))
    orca.wait_for(bus.pump, "Review and delete closed cases push button")
    bus.key(SPACE)
    deadline = time.monotonic() + 15
    while not _open_dialogs(bus):
        assert time.monotonic() < deadline, "Delete closed cases? never opened"
        bus.pump(0.05)
    dialog = _open_dialogs(bus)[-1]
    _activate(bus, dialog)
    orca.wait_for(bus.pump, "Delete closed cases")
    orca.mark()
    bus.key(RETURN)  # its default: Keep them
    deadline = time.monotonic() + 15
    while _open_dialogs(bus):
        assert time.monotonic() < deadline, "Return did not keep them"
        bus.pump(0.05)
    _give_the_window_back(bus)
    orca.wait_for(bus.pump, "Review and delete closed cases push button")
    said = orca.wait_for(bus.pump, "Nothing deleted")  # said once the keyboard is back, or before
    assert "focused" in bus.states(review), bus.describe(bus.focused_after(lambda: None))
    kept = [i for i, text in enumerate(said) if "Nothing deleted" in text]
    assert len(kept) == 1, said
    assert not any("Show active cases" in text for text in said), said
