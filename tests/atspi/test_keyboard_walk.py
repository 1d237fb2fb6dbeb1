"""Through AT-SPI, as a keyboard and screen-reader user: Tab reaches every enabled control of
every view and page within 60 presses, and moves at every press."""

from __future__ import annotations

import pytest

from tests.atspi.bus import TAB, Bus, places

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
PRESSES = 60


def walk_with_tab(bus: Bus, place: str) -> list[str]:
    """Press Tab until every control on screen has had focus; the problems found, in words."""
    controls = bus.controls(bus.frame())
    reached: list = []
    problems = []
    previous = None
    for press in range(1, PRESSES + 1):
        announced = bus.focused_after(lambda: bus.key(TAB))
        if announced is None:
            problems.append(f"{place}: press {press} after {bus.describe(previous)} moved "
                            "focus nowhere (it stayed where it was)")
            break
        stop = bus.stop_of(announced)
        if previous is not None and stop == previous:
            problems.append(f"{place}: focus stayed on {bus.describe(stop)} for two presses")
            break
        reached.append(stop)
        previous = stop
        if all(c in reached for c in controls):
            break
    missed = [bus.describe(c) for c in controls if c not in reached]
    if missed:
        problems.append(f"{place}: not reached in {PRESSES} presses: {missed}")
    return problems


def test_tab_reaches_every_enabled_control_of_every_view(app_bus):
    problems = []
    walked = []
    for place in places(app_bus):
        walked.append(place)
        problems += walk_with_tab(app_bus, place)
    assert len(walked) >= 12  # five views; Time, Supervision and Settings pages behind tabs
    assert not problems, "\n".join(problems)
