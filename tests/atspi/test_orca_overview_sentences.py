"""What Orca says Tabbing once round the Overview: every sentence a sighted user sees there, once.

Found by a tester with Orca 43: the Caseload card's sentence ("Your caseload is within the range
that inspectors found can be managed well."), the what-if's answer (said only after a change),
"What's driving it" and "What the estimate doesn't see" (labels inside cards, with nothing Tab
stops on) were never said, and the estimate card's own sentence only in other words. Each
sentence on screen is read from the bus (every label and heading showing in the view) and must
be among what Orca says on the way round, and only once. Skipped without Orca, as
tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from tests.atspi.bus import ITEM_HOLDERS, VIEW_KEYS, Bus, activate_window
from tests.atspi.test_gauge_value import _overview  # its header (title, week) and its cards
from tests.atspi.test_orca_speaks import _tab_heard, orca  # noqa: F401 - the fixture

DOWN, UP = 0xFF54, 0xFF52
pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def _plain(text: str) -> str:
    """Words as compared: no bullets, one space, any case, no full stops doubled."""
    return " ".join(text.replace("•", " ").replace("\u2019", "'").split()).casefold()


def sentences(text: str) -> list[str]:
    """A label's sentences (a card's list is one label, one item a line)."""
    found = []
    for line in text.splitlines():
        found += [part.strip() for part in re.split(r"(?<=[.?!])\s+", line) if part.strip()]
    return found


def seen(bus: Bus, page: Any) -> list[str]:
    """Every sentence and heading on the page as the bus gives it: each label and heading
    showing, but not the chart's key (it tells a drawing's marks apart; the table beside it,
    "Show as table", is what a listener reads)."""
    found = []
    for obj in bus.walk(page, into=lambda o: o.get_role_name() not in ITEM_HOLDERS
                        and not (o.get_name() or "").startswith("Key:")):
        role = obj.get_role_name()
        if role not in ("label", "heading"):
            continue
        try:
            text = bus.Atspi.Text.get_text(obj, 0, -1) or obj.get_name() or ""
        except Exception:  # noqa: BLE001 - no text interface: its name is its words
            text = obj.get_name() or ""
        for sentence in sentences(text):
            found.append(sentence)
    return found


def test_tab_round_the_overview_says_each_sentence_on_it_once(app_bus, orca):  # noqa: F811
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(VIEW_KEYS[0][1]))
    page = _overview(bus)
    bus.pump(1.0)
    orca.mark()
    first = _tab_heard(bus, orca)
    stops = [first]
    for _press in range(40):
        focus = _tab_heard(bus, orca)
        if focus is None or focus == first:
            break
        stops.append(focus)
    bus.pump(1.0)
    heard = _plain(" ".join(orca.said()))
    on_screen = seen(bus, page)
    unsaid = [s for s in on_screen if _plain(s) not in heard]
    # Whole sentences only: a band's words ("Over capacity") or a field's label ("Tier") are
    # rightly heard again inside other sentences.
    twice = [s for s in on_screen if s[-1] in ".?!" and heard.count(_plain(s)) > 1]
    names = [bus.describe(stop) for stop in stops]
    assert any("What's driving it" in name for name in names), names  # each card a Tab stop
    assert on_screen, "no sentence found on the Overview"
    assert not unsaid, f"never said: {unsaid}\nOrca said: {orca.said()}"
    assert not twice, f"said more than once: {twice}\nOrca said: {orca.said()}"


def test_a_new_what_if_answer_is_said_once(app_bus, orca):  # noqa: F811
    # The answer is the description of Case type (said on arrival) and announced when it
    # changes; Orca also says a focused control's new description, so it waits until the
    # keyboard leaves the box.
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(VIEW_KEYS[0][1]))
    page = _overview(bus)
    case_type = next(o for o in bus.walk(page) if o.get_role_name() == "combo box"
                     and o.get_name() == "Case type")
    bus.focused_after(lambda: bus.Atspi.Component.grab_focus(case_type))
    answer = next(o for o in bus.walk(page) if o.get_role_name() == "label"
                  and (o.get_name() or "").startswith("If you took"))
    before = answer.get_name()
    orca.mark()
    try:
        bus.key(DOWN)
        deadline = time.monotonic() + 15
        while answer.get_name() == before and time.monotonic() < deadline:
            bus.pump(0.1)
        after = answer.get_name()
        assert after != before
        orca.wait_for(bus.pump, after)
        bus.pump(1.5)  # anything Orca would add
        heard = _plain(" ".join(orca.said()))
        assert heard.count(_plain(after)) == 1, orca.said()
        # After the list's new item: the answer was heard before "Licence.", the change it
        # follows from.
        said = orca.said()
        at = next(i for i, text in enumerate(said) if _plain(after)[:30] in _plain(text))
        kind = after.split("another ", 1)[1].split(" case", 1)[0]  # "licence"
        assert any(kind in text.lower() for text in said[:at]), said
    finally:
        bus.key(UP)
        bus.pump(0.5)
