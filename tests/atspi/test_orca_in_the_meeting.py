"""What Orca 43 says in the supervision meeting (24h): F11 said only "Topics. List with 8
items. The month." (never that the meeting was open, nor the month's sentences), an action
agreed with Return said nothing, and Ctrl+Z there reopened a case closed before the meeting,
said but never shown. Now F11 says "Supervision meeting" and its period and the month's
sentences with their topic, Return says "Agreed: …", and Ctrl+Z says it takes back only the
meeting's own steps. Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import time

import pytest

from tests.atspi.bus import activate_window
from tests.atspi.test_announcements import _type
from tests.atspi.test_dialogs import ESCAPE, F11
from tests.atspi.test_orca_speaks import RETURN, orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def _text_of(bus, obj) -> str:  # type: ignore[no-untyped-def]
    return bus.Atspi.Text.get_text(obj, 0, -1) or ""


def _until(bus, test, what: str, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not test():
        if time.monotonic() > end:
            raise AssertionError(what)
        bus.pump(0.05)


def test_orca_hears_the_meeting_open_an_action_agreed_and_ctrl_z_kept_to_it(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    orca.mark()
    bus.focused_after(lambda: bus.key(F11))
    try:
        said = orca.wait_for(bus.pump, "Supervision meeting, ")
        said += orca.wait_for(bus.pump, "Role: ")  # the month's first sentence, with its topic
        opened = [s for s in orca.said() if "Supervision meeting, " in s]
        assert opened and " to " in opened[0], orca.said()

        field = bus.focused_after(lambda: bus.ctrl(ord("n")))  # the Agreed action line
        _type(bus, "Review the risk plan")
        _until(bus, lambda: _text_of(bus, field) == "Review the risk plan", "never typed")
        orca.mark()
        bus.key(RETURN)
        said = orca.wait_for(bus.pump, "Agreed: Review the risk plan")
        assert any("Agreed: Review the risk plan (no owner, due " in s for s in said), said

        orca.mark()
        bus.ctrl(ord("z"))  # nothing of the meeting's to take back: said, nothing undone
        said = orca.wait_for(bus.pump, "undo")
        assert any("Nothing to undo." in s or "Ctrl+Z in the meeting takes back only" in s
                   for s in said), said
        assert not any("Undone" in s for s in said), said
        print("\n".join(orca.said_all()))  # noqa: T201 - for a reader of the log
    finally:
        bus.focused_after(lambda: bus.key(ESCAPE))  # out of the meeting for the next tests
        activate_window(bus)
