"""What Orca itself says (tests/atspi/orca_speech.py): the screen reader many Linux users have,
on the test's bus, its speech written down. A combo box changed with the keys on the closed box
says its new item, as a GTK one does; each confirmation and error is said once, by an Orca that
has no ear for announcements (43, shown a notification instead) and, without a notification,
by a reader that listens for them. Skipped without Orca (Debian: orca); CASELOAD_ORCA_REQUIRED=1
makes that a failure."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.atspi.bus import TAB, VIEW_KEYS, Bus, activate_window
from tests.atspi.orca_speech import Orca, OrcaUnavailable
from tests.atspi.test_announcements import (
    Heard,
    _close_dialogs,
    _line_typed,
    _log_line,
    _open_dialogs,
)
from tests.atspi.test_combo_boxes import ITEMS, _type_filter, _wait
from tests.atspi.test_names import _labelled_by, _words, current_item

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
DOWN, UP, HOME, END, RETURN = 0xFF54, 0xFF52, 0xFF50, 0xFF57, 0xFF0D
NO_TIER = "Choose the case's tier"  # what New case says is missing before a tier is chosen


@pytest.fixture(scope="module")
def orca(app_bus: Bus) -> Iterator[Orca]:
    reader = Orca(app_bus.workdir, app_bus.env)  # type: ignore[attr-defined]
    try:
        reader.start()
    except OrcaUnavailable as exc:
        if os.environ.get("CASELOAD_ORCA_REQUIRED") == "1":
            pytest.fail(f"Orca must run here, but: {exc}", pytrace=False)
        pytest.skip(str(exc))
    try:
        yield reader
    finally:
        reader.stop()  # the next tests' bus without a screen reader listening, as before
        activate_window(app_bus)


def _tab_to(bus: Bus, target: Any) -> None:
    """Tab from where the view puts the focus until `target` has it, as a keyboard user does."""
    for _ in range(30):
        if bus.focused_after(lambda: bus.key(TAB)) == target:
            return
    raise AssertionError(f"Tab never reached {bus.describe(target)}")


def _alt_down(bus: Bus, combo: Any) -> None:
    """Alt+Down on the closed `combo`, Alt held until its list is open. With a screen reader
    listening, the bus's registry passes each key through the reader before the app sees it, so
    a Down can reach the app after an Alt release sent just behind it: a Down without Alt moved
    the item and opened no list. Holding Alt until the list shows waits for the event, not a
    guess at how long the round trip takes."""
    synth, alt = bus.Atspi.KeySynthType, 64  # Alt_L in the X server's default keymap (Xvfb's)
    bus.Atspi.generate_keyboard_event(alt, None, synth.PRESS)
    try:
        bus.key(DOWN)
        _wait(bus, lambda: "expanded" in bus.states(combo), "Alt+Down opened no list")
    finally:
        bus.Atspi.generate_keyboard_event(alt, None, synth.RELEASE)


def test_orca_says_the_new_item_when_the_keys_change_a_closed_combo_box(app_bus, orca):
    atspi = app_bus.Atspi
    activate_window(app_bus)
    combo = _type_filter(app_bus)
    assert current_item(app_bus, combo) == ITEMS[0]
    orca.mark()
    _tab_to(app_bus, combo)
    arrived = orca.wait_for(app_bus.pump, "Type combo box")
    assert any(ITEMS[0] in text for text in arrived), arrived  # its label, then its item
    try:
        # Down, End, Up, Home, a letter: each time the item a sighted user now sees.
        for key, item in ((DOWN, ITEMS[1]), (END, ITEMS[-1]), (UP, ITEMS[-2]),
                          (HOME, ITEMS[0]), (ord("l"), "Licence")):
            orca.mark()
            app_bus.key(key)
            said = orca.wait_for(app_bus.pump, item)
            assert current_item(app_bus, combo) == item
            others = [i for i in ITEMS if i != item and any(i in text for text in said)]
            assert not others, f"{item!r} was shown, but Orca said {said}"
            assert "combo box" not in " ".join(said)  # the item, not the box all over again
        # Chosen from the open list instead: said there, and once more with the box as the
        # focus comes back, never a third time. Orca says things in the order they happen: once
        # it has said the item Down then moves to, it has said all it would about the choice.
        app_bus.key(HOME)
        orca.wait_for(app_bus.pump, ITEMS[0])
        _alt_down(app_bus, combo)  # opens the list, as Qt's (and GTK's) combo boxes do
        orca.mark()
        app_bus.key(DOWN)
        orca.wait_for(app_bus.pump, ITEMS[1])
        orca.mark()
        app_bus.key(RETURN)
        orca.wait_for(app_bus.pump, "Type combo box")
        assert current_item(app_bus, combo) == ITEMS[1]
        app_bus.key(DOWN)
        said = orca.wait_for(app_bus.pump, ITEMS[2])
        assert sum(ITEMS[1] in text for text in said) == 1, said
    finally:
        activate_window(app_bus)
        atspi.Component.grab_focus(combo)
        app_bus.key(HOME)  # the filter back to All types for the tests after, once it is
        _wait(app_bus, lambda: current_item(app_bus, combo) == ITEMS[0], "Home left the filter")


def _log(bus: Bus, line: str) -> None:
    """Ctrl+L, the line, one Return once the line reads so; done once the dialog has gone."""
    _line_typed(bus, line)
    bus.key(RETURN)
    _wait(bus, lambda: not _open_dialogs(bus), "Return in Log time's line logged nothing")


def _said_once(orca: Orca, pump: Any, words: str, then: str) -> list[str]:
    """What Orca said, once it has said `words` and then `then`: Orca speaks events in the order
    they come, so by then it has said all it would about the first."""
    said = orca.wait_for(pump, then)
    assert sum(words in text for text in said) == 1, said
    return said


def test_orca_says_each_confirmation_and_error_once(app_bus, orca):
    # Orca 43 has no ear for object:announcement: the app shows it a notification instead.
    try:
        orca.mark()
        _log(app_bus, "45m travel")
        orca.wait_for(app_bus.pump, "Logged 45 minutes of Travel")
        activate_window(app_bus)
        app_bus.ctrl(ord("z"))  # the data as it was, and something said after the result
        _said_once(orca, app_bus.pump, "Logged 45 minutes of Travel", "Undone:")
        # An error: Return in New case before a tier is chosen (Save cannot succeed yet)
        # says why, at once and once.
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("2")))  # Caseload
        orca.mark()
        app_bus.focused_after(lambda: app_bus.ctrl(ord("n")))  # New case…
        _wait(app_bus, lambda: _open_dialogs(app_bus), "New case did not open")
        orca.wait_for(app_bus.pump, "New case — Caseload Companion dialog")  # its hint, said
        orca.mark()
        app_bus.key(RETURN)
        orca.wait_for(app_bus.pump, NO_TIER)
        _close_dialogs(app_bus)  # nothing saved
        activate_window(app_bus)
        focus = app_bus.focused_after(lambda: app_bus.key(TAB))  # something Orca says after it
        _said_once(orca, app_bus.pump, NO_TIER, focus.get_name())
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_a_reader_that_hears_announcements_is_not_also_shown_a_notification(app_bus, orca):
    # A client listening for object:announcement, as newer Orca does: it hears the result once,
    # and no notification repeats it (Orca 43, listening for notifications, says nothing of it).
    heard = Heard(app_bus)
    try:
        orca.mark()
        _log_line(app_bus, heard, "45m travel", "Logged 45 minutes of Travel")
        activate_window(app_bus)
        focus = app_bus.focused_after(lambda: app_bus.key(TAB))  # something Orca says after it
        orca.wait_for(app_bus.pump, focus.get_name())
        assert [text for text, _ in heard.said if "Logged 45 minutes" in text] == \
            ["Logged 45 minutes of Travel. Undo with Ctrl+Z."], heard.said
        assert not any("Logged 45 minutes" in text for text in orca.said()), orca.said()
        app_bus.focused_after(lambda: app_bus.ctrl(ord("z")))  # the data as it was
        heard.wait_for("Undone:")
    finally:
        heard.close()
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_tab_into_each_view_says_the_control_not_its_containers(app_bus, orca):
    # From the Views list, Tab into each view: Orca says the control with its label, and none
    # of the page stacks it is inside ("layered pane" on the way into every view). Orca says
    # the containers it enters before the control, so once it has said the control it has said
    # them. (Waiting for "anything said" was met by the Views list's own words, still to come
    # from the Ctrl+number, and the Tab's were then never looked at.)
    problems = []
    try:
        for title, key in VIEW_KEYS:
            activate_window(app_bus)  # the keyboard in the Views list
            app_bus.focused_after(lambda k=key: app_bus.ctrl(k))
            orca.mark()
            focus = _tab_heard(app_bus, orca)  # once Orca has said the control
            assert focus is not None, f"Tab went nowhere from the Views list to {title}"
            said = orca.said()  # the containers, then the control (and what came before)
            if any("layered pane" in text for text in said):
                problems.append(f"{title}: {said}")
    finally:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(VIEW_KEYS[0][1]))
    assert not problems, "\n".join(problems)


def _tab_heard(bus: Bus, orca: Orca, timeout: float = 15.0) -> Any:
    """Tab, as a listener does: the next key only once Orca has said the control Tab reached.
    Orca passes over a focus that has already moved on by the time it comes to it, so a
    quicker Tab left the Overview's Period box unsaid when the machine was busy."""
    start = len(orca.said())
    focus = bus.focused_after(lambda: bus.key(TAB))
    # Said by its label where it has one ("Period" for the box named "Trend period"), else its
    # name; a control with neither is said all the same, with whatever Orca says first.
    heard_as = [_words(n) for n in _labelled_by(bus, focus)] if focus is not None else []
    heard_as = heard_as or [_words(focus.get_name() or "") if focus is not None else ""]
    if focus is not None and focus.get_role_name() == "page tab list":
        # A tab bar is said by the page it is on, its selected tab ("Profile page tab"), not by
        # its own name ("Settings pages").
        chosen = bus.Atspi.Selection
        heard_as = [_words(chosen.get_selected_child(focus, i).get_name())
                    for i in range(chosen.get_n_selected_children(focus))] or heard_as
    deadline = time.monotonic() + timeout
    while not any(words in _words(text) for text in orca.said()[start:] for words in heard_as):
        assert time.monotonic() < deadline, \
            f"Orca never said {bus.describe(focus)}; it said {orca.said()[start:]}"
        bus.pump(0.05)
    return focus


# (view, what Orca says last on the way, the card or box names it says once each, or not at all)
# (The Caseload view's notices and the Supervision view's pages come and go with the tests
# before; tests/ui/widgets/test_containers_for_screen_readers.py checks their kind by role.)
CARDS = ((ord("1"), "Period combo box", ("This week's estimate", "Caseload")),)


def test_tab_through_the_cards_says_no_panel_and_each_name_once(app_bus, orca):
    # Was "This week's estimate panel. … This week's estimate This week's estimate: Over
    # capacity label.": the card said as a "panel" on the way in, and the gauge's heading as its
    # label and again in its name. A card is a section now, passed over; its words are said by
    # the controls in it.
    problems = []
    try:
        for key, last, names in CARDS:
            activate_window(app_bus)
            app_bus.focused_after(lambda k=key: app_bus.ctrl(k))
            orca.mark()
            for _ in range(25):
                _tab_heard(app_bus, orca)
                if any(last in text for text in orca.said()):
                    break
            said = orca.wait_for(app_bus.pump, last)
            if any("panel" in text.split() or "panel." in text.split() for text in said):
                problems.append(f"a panel: {said}")
            for name in names:
                if sum(text.count(name) for text in said) > 1:
                    problems.append(f"{name!r} more than once: {said}")
    finally:
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(VIEW_KEYS[0][1]))
    assert not problems, "\n".join(problems)
