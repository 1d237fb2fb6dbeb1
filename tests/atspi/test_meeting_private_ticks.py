"""Through AT-SPI, the tester's keys: in the meeting (F11), Tab past Add to "Wellbeing check-in"
and Space. It showed the wellbeing topic to the manager with no question (only Case references
asked). Now every "Show to my manager" tick asks, with the safe answer focused, and Return keeps
the topic hidden and says so."""

from __future__ import annotations

import time

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_announcements import POLITE, RETURN, Heard
from tests.atspi.test_dialogs import ESCAPE, F11

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
SPACE, TAB = 0x20, 0xFF09


def _topics(bus: Bus) -> list[str]:
    topics = next(o for o in bus.walk(bus.frame())
                  if o.get_role_name() == "list" and o.get_name() == "Topics")
    return [topics.get_child_at_index(i).get_name() for i in range(topics.get_child_count())]


@pytest.mark.parametrize(("tick", "topic_or_none", "kept"), [
    ("Wellbeing check-in", "Wellbeing check-in", "The wellbeing check-in stays hidden."),
    ("Reduction reasons", None, "Reduction reasons stay hidden."),
])
def test_space_on_a_private_tick_asks_and_return_keeps_it_hidden(app_bus, tick, topic_or_none,
                                                                 kept):
    bus = app_bus
    heard = Heard(bus)
    try:
        activate_window(bus)
        bus.focused_after(lambda: bus.key(F11))  # View > Supervision meeting
        focused = None
        for _ in range(30):  # Tab, as the tester did, until the tick
            focused = bus.focused_after(lambda: bus.key(TAB))
            if focused is not None and focused.get_name() == tick:
                break
        assert focused is not None and focused.get_name() == tick, bus.describe(focused)
        answer = bus.focused_after(lambda: bus.key(SPACE))
        assert answer is not None and answer.get_name().startswith("Keep"), bus.describe(answer)
        assert "checked" not in bus.states(focused)
        bus.key(RETURN)
        text, level = heard.wait_for(kept)
        assert level == POLITE
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and "checked" in bus.states(focused):
            bus.pump(0.1)
        assert "checked" not in bus.states(focused)
        if topic_or_none:
            assert topic_or_none not in _topics(bus)
    finally:
        heard.close()
        activate_window(bus)
        bus.focused_after(lambda: bus.key(ESCAPE))  # leave the meeting
        activate_window(bus)
