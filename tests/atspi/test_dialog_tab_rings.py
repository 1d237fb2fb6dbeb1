"""Through AT-SPI, in every dialog: Tab and Shift+Tab walk the same ring, one the other's
reverse. In "Delete closed cases?" Tab forward never reached "Delete 10 cases" while Shift+Tab
did, so a keyboard user going forward could not find the action the dialog is for."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import TAB, Bus
from tests.atspi.test_every_dialog import _shown_dialog, host_bus  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(900)]  # a real app on a real bus
SHIFT_L = 50  # the keycode of Shift_L in Xvfb's default keymap


def shift_tab(bus: Bus) -> None:
    synth = bus.Atspi.KeySynthType
    bus.Atspi.generate_keyboard_event(SHIFT_L, None, synth.PRESS)
    bus.Atspi.generate_keyboard_event(TAB, None, synth.SYM)
    bus.Atspi.generate_keyboard_event(SHIFT_L, None, synth.RELEASE)


def walk(bus: Bus, press, presses: int) -> list[Any]:
    """The Tab stops met, one per press, until the first one comes round again."""
    met: list[Any] = []
    for _ in range(presses):
        focused = bus.focused_after(press)
        if focused is None:
            break
        stop = bus.stop_of(focused)
        if met and stop == met[0]:
            break
        met.append(stop)
    return met


def test_tab_and_shift_tab_walk_the_same_ring_in_every_dialog(host_bus):  # noqa: F811 - the fixture
    host, bus = host_bus
    problems, walked = [], 0
    while True:
        said = host.next()
        if said == "done":
            break
        _, _cls, name = said.split(" ", 2)
        dialog = _shown_dialog(bus, name)
        if dialog is None:
            continue
        # A help page's links are Tab stops too, inside its text.
        presses = len(bus.controls(dialog)) + len(bus.by_role(dialog, "link")) + 3
        forward = walk(bus, lambda: bus.key(TAB), presses)
        backward = walk(bus, lambda: shift_tab(bus), presses)
        if len(forward) < 2:
            continue  # one control, or focus never given to the dialog: nothing to compare
        walked += 1
        names = lambda ring: [bus.describe(s) for s in ring]  # noqa: E731
        # Forward stopped back on its first stop; from there Shift+Tab meets the ring reversed.
        if backward != list(reversed(forward)):
            problems.append(f"{name}: Tab {names(forward)}; Shift+Tab {names(backward)}")
    assert walked >= 10
    assert not problems, "\n".join(problems)
