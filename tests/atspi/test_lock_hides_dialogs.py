"""Through AT-SPI: the lock over a dialog that waits for an answer (a case open for editing) and one
closed earlier but kept. While locked, the whole tree of the app, shown or not, holds none of the
data (the case references, in titles and fields alike); the screen showed only the lock while
the bus still gave a reader every word. Unlocking brings the dialog back with the keyboard on
the field it was on, and "Unlocked." is said from that dialog, the window that has the keyboard
(said from the main window, a reader passed over it).

The app is tests/atspi/lock_host.py, on its own encrypted demo data."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.lock_host import PASSPHRASE
from tests.atspi.test_every_dialog import Host, _shown_dialog

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
LOCK_HOST = Host.__init__.__defaults__[0].with_name("lock_host.py")  # type: ignore[index]


def _words(bus: Bus, root: Any) -> str:
    """Every name, description and text under `root`, shown or not."""
    words, stack = [], [root]
    while stack:
        obj = stack.pop()
        try:
            words += [obj.get_name() or "", obj.get_description() or ""]
            if "Text" in obj.get_interfaces():
                text = bus.Atspi.Text
                words.append(text.get_text(obj, 0, text.get_character_count(obj)) or "")
            stack.extend(k for k in (obj.get_child_at_index(i)
                                     for i in range(obj.get_child_count())) if k is not None)
        except Exception:  # noqa: BLE001 - an object gone while walking
            continue
    return "\n".join(words)


def _window_of(obj: Any) -> Any:
    while obj is not None:
        parent = obj.get_parent()
        if parent is None or parent.get_role_name() == "application":
            return obj
        obj = parent
    return None


def _focused(bus: Bus, root: Any) -> Any:
    return next((o for o in bus.walk(root) if "focused" in bus.states(o)), None)


def _wait(bus: Bus, found: Any, what: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        bus.pump(0.1)
    raise AssertionError(f"never: {what}")


def test_a_dialog_under_the_lock_is_off_the_bus_and_comes_back_as_it_was(app_bus, tmp_path):
    host = Host(tmp_path, LOCK_HOST)
    said: list[tuple[str, Any]] = []
    listener = app_bus.Atspi.EventListener.new(
        lambda event: said.append((str(event.any_data), event.source)))
    listener.register("object:announcement")
    try:
        opened = host.line(120).split()
        assert opened[0] == "open", host.log_path.read_text()
        editing, kept = opened[1], opened[2]
        bus = Bus(app_bus.Atspi, host.proc.pid)
        bus.wait_for_app()
        dialog = _shown_dialog(bus, "Edit case")
        assert dialog is not None
        field = _wait(bus, lambda: _focused(bus, dialog), "a focused field in the dialog")
        where = (field.get_role_name(), field.get_name())
        before = _words(bus, bus.app)
        assert editing in before and kept in before  # what the walk below would find

        assert host.next("lock") == "locked"
        gate = _wait(bus, lambda: _shown_dialog(bus, "Caseload Companion is locked"), "the gate")
        locked = _words(bus, bus.app)
        assert editing not in locked, "the case being edited is readable behind the lock"
        assert kept not in locked, "a dialog kept from before is readable behind the lock"

        passphrase = next(o for o in bus.walk(gate) if o.get_role_name() == "password text")
        assert bus.Atspi.EditableText.set_text_contents(passphrase, PASSPHRASE)
        said.clear()
        unlock = next(o for o in bus.walk(gate) if o.get_role_name() == "push button"
                      and o.get_name() == "Unlock")
        bus.Atspi.Action.do_action(unlock, 0)
        assert host.line() == "unlocked"
        back = _wait(bus, lambda: [s for t, s in said if t == "Unlocked."], '"Unlocked."')
        assert (_window_of(back[0]).get_name() or "").startswith("Edit case"), \
            "said from the dialog that has the keyboard"
        focus = _wait(bus, lambda: _focused(bus, dialog), "the keyboard back in the dialog")
        assert (focus.get_role_name(), focus.get_name()) == where
        assert editing in _words(bus, dialog)
    finally:
        listener.deregister("object:announcement")
        host.stop()
        activate_window(app_bus)  # the app's window has the keyboard again for what follows


def _locked_windows(bus: Bus) -> list[Any]:
    return [w for w in (bus.app.get_child_at_index(i) for i in range(bus.app.get_child_count()))
            if w is not None and (w.get_name() or "").startswith("Locked") and bus.showing(w)]


def test_windows_opened_while_locked_are_off_the_bus_and_the_passphrase_still_reachable(
        app_bus, tmp_path):
    """A timer's dialog, a tooltip, a status bar line, an announcement and an error message
    that waits for an answer, all opened while locked over a dialog that waits too."""
    host = Host(tmp_path, LOCK_HOST)
    said: list[tuple[str, Any]] = []
    listener = app_bus.Atspi.EventListener.new(
        lambda event: said.append((str(event.any_data), event.source)))
    listener.register("object:announcement")
    try:
        opened = host.line(120).split()
        assert opened[0] == "open", host.log_path.read_text()
        late = opened[3]
        bus = Bus(app_bus.Atspi, host.proc.pid)
        bus.wait_for_app()
        assert _shown_dialog(bus, "Edit case") is not None
        assert host.next("lock") == "locked"
        _wait(bus, lambda: _shown_dialog(bus, "Caseload Companion is locked"), "the gate")
        assert host.next("late") == "late"
        # The Edit case dialog, the one beside and the error message: each a covered window.
        _wait(bus, lambda: len(_locked_windows(bus)) >= 3, "three covered windows")
        _wait(bus, lambda: not [o for o in _all(bus.app) if o.get_role_name() == "tool tip"
                                and bus.showing(o)], "the tooltip gone")
        locked = _words(bus, bus.app)
        assert late not in locked, "a window opened while locked is readable behind the lock"
        assert not [t for t, _s in said if late in t], "said while locked"
        field = _wait(bus, lambda: next((o for o in _all(bus.app) if "focused" in bus.states(o)),
                                        None), "the keyboard somewhere")
        assert field.get_role_name() == "password text", \
            f"the keyboard is on {bus.describe(field)}, not the passphrase"
        gate = _window_of(field)
        assert bus.Atspi.EditableText.set_text_contents(field, PASSPHRASE)
        unlock = next(o for o in bus.walk(gate) if o.get_role_name() == "push button"
                      and o.get_name() == "Unlock")
        bus.Atspi.Action.do_action(unlock, 0)
        assert host.line() == "unlocked"
        _wait(bus, lambda: [t for t, _s in said if late in t], "what was said, said after")
        error = _wait(bus, lambda: _shown_dialog(bus, "Something went wrong"), "the message back")
        assert late in _words(bus, error)
        # Its answer has the keyboard, as when a message opens (its button row, whose focus
        # it passes on to the button, reads as focused too).
        _wait(bus, lambda: [o for o in bus.walk(error) if o.get_role_name() == "push button"
                            and "focused" in bus.states(o)], "the keyboard on the message's OK")
        assert [t for t, _s in said].index("Unlocked.") < \
            next(i for i, (t, _s) in enumerate(said) if late in t)
    finally:
        listener.deregister("object:announcement")
        host.stop()
        activate_window(app_bus)


def _all(root: Any) -> Any:
    """Everything under `root`, showing or not."""
    stack = [root]
    while stack:
        obj = stack.pop()
        yield obj
        try:
            kids = [obj.get_child_at_index(i) for i in range(obj.get_child_count())]
        except Exception:  # noqa: BLE001 - gone while walking
            continue
        stack.extend(k for k in kids if k is not None)


def test_the_passphrase_typed_at_the_lock_goes_out_on_the_bus_as_bullets(app_bus, tmp_path):
    """A program listening on the bus for text inserted (as a screen reader does, to say each
    key) heard the passphrase itself, one character at a time: Qt's password field sends the
    real key in its event, whatever it shows."""
    host = Host(tmp_path, LOCK_HOST)
    inserted: list[tuple[str, str]] = []
    listener = app_bus.Atspi.EventListener.new(
        lambda event: inserted.append((event.source.get_role_name(), str(event.any_data))))
    listener.register("object:text-changed:insert")
    try:
        assert host.line(120).startswith("open"), host.log_path.read_text()
        bus = Bus(app_bus.Atspi, host.proc.pid)
        bus.wait_for_app()
        assert host.next("lock") == "locked"
        gate = _wait(bus, lambda: _shown_dialog(bus, "Caseload Companion is locked"), "the gate")
        field = _wait(bus, lambda: _focused(bus, gate), "the keyboard in the gate")
        assert field.get_role_name() == "password text"
        inserted.clear()
        # Typed as keys, the way a person types it (not set through the bus).
        bus.Atspi.generate_keyboard_event(0, PASSPHRASE, bus.Atspi.KeySynthType.STRING)
        text = bus.Atspi.Text
        _wait(bus, lambda: text.get_character_count(field) == len(PASSPHRASE), "every key in")
        _wait(bus, lambda: len("".join(t for _r, t in inserted)) >= len(PASSPHRASE),
              "an insertion said for each key")
        heard = "".join(t for role, t in inserted if role == "password text")
        assert heard and set(heard) == {"\u25cf"}, f"the bus was told {heard!r}"
        assert not any(word in heard for word in PASSPHRASE.split())
        assert set(text.get_text(field, 0, -1)) == {"\u25cf"}
        bus.key(0xFF0D)  # Return: what was typed is what unlocks
        assert host.line() == "unlocked"
    finally:
        listener.deregister("object:text-changed:insert")
        host.stop()
        activate_window(app_bus)
