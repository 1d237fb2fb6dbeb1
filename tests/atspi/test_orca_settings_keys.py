"""What Orca says for two keys on Settings pages. Up, Up on Data & privacy's retention period
said "Closed cases are offered for deletion after 31 days. Undo with Ctrl+Z." before "31 days",
at every press: now each press says only its value, and the save is said once, on Return.
Return in Working week's Monday hours said nothing and saved nothing: now it saves the week and
says so, once. Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.test_orca_settings_deletions import _settings_page
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
UP, RETURN = 0xFF52, 0xFF0D
SAID = "Closed cases are offered for deletion after"


def _spin(bus, name: str) -> Any:
    found = [o for o in bus.walk(bus.frame()) if o.get_role_name() == "spin button"
             and (o.get_name() or "").startswith(name) and bus.showing(o)]
    assert found, f"no {name} field showing"
    return found[0]


def _focus(bus, orca, obj: Any) -> None:  # noqa: F811 - orca
    """The keyboard on `obj`, once Orca has said so (before the keys to listen to). From the
    Views list: a page turned may already have put the keyboard on its first field, and then
    nothing moves and nothing is said."""
    views = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "list")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(views))
    orca.mark()
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(obj))
    orca.wait_for(bus.pump, "spin button")


def test_retention_arrows_say_the_value_and_return_says_the_save_once(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Data & privacy")
    spin = _spin(bus, "Offer to delete cases closed more than")
    _focus(bus, orca, spin)
    days = int(bus.Atspi.Value.get_current_value(spin))
    orca.mark()
    for step in (1, 2):
        bus.key(UP)
        orca.wait_for(bus.pump, f"{days + step} days")
    assert not any(SAID in text for text in orca.said()), orca.said()  # the presses: quiet
    bus.key(RETURN)
    orca.wait_for(bus.pump, SAID)
    bus.pump(1.5)  # anything more Orca would say
    said = orca.said()
    assert sum(SAID in text for text in said) == 1, said
    assert any(f"{SAID} {days + 2} days" in text for text in said), said
    bus.ctrl(ord("z"))  # one step for both presses: the period as it was
    orca.wait_for(bus.pump, "Undone: Change the retention period")


def test_return_in_monday_hours_saves_the_week_and_says_so(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Working week")
    monday = _spin(bus, "Monday hours")
    _focus(bus, orca, monday)
    orca.mark()
    bus.key(UP)
    bus.pump(0.5)
    bus.key(RETURN)
    orca.wait_for(bus.pump, "Working week saved:")
    bus.pump(1.5)
    said = orca.said()
    assert sum("Working week saved:" in text for text in said) == 1, said
    bus.ctrl(ord("z"))
    orca.wait_for(bus.pump, "Undone: Save the working week")
