"""Through AT-SPI, as a screen reader hears it: a result is announced politely and a refusal
at once, in the words the window shows (`object:announcement` events)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
RETURN, ESCAPE = 0xFF0D, 0xFF1B
POLITE, ASSERTIVE = 1, 2  # AtspiLive: how urgently a screen reader should say it


class Heard:
    """An `object:announcement` listener on the bus: (text, politeness) as they arrive."""

    def __init__(self, bus: Bus):
        self.bus = bus
        self.said: list[tuple[str, int]] = []
        self._listener = bus.Atspi.EventListener.new(self._on)
        self._listener.register("object:announcement")

    def _on(self, event: Any) -> None:
        text = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
        self.said.append((text, event.detail1))

    def wait_for(self, words: str, timeout: float = 10.0) -> tuple[str, int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for item in self.said:
                if words in item[0]:
                    return item
            self.bus.pump(0.05)
        raise AssertionError(f"no announcement with {words!r}; heard {self.said}")

    def close(self) -> None:
        self._listener.deregister("object:announcement")


def _type(bus: Bus, text: str) -> None:
    bus.Atspi.generate_keyboard_event(0, text, bus.Atspi.KeySynthType.STRING)
    bus.pump(0.2)


def _open_dialogs(bus: Bus) -> list:
    found = []
    for index in range(bus.app.get_child_count()):
        window = bus.app.get_child_at_index(index)
        if window is not None and window.get_role_name() == "dialog" and bus.showing(window):
            found.append(window)
    return found


def _close_dialogs(bus: Bus) -> None:
    """Leave every dialog still open as a keyboard user would, with Escape (the line is then
    not logged, and an offer to add an activity is declined)."""
    for _ in range(5):
        dialogs = _open_dialogs(bus)
        if not dialogs:
            return
        cancel = [o for d in dialogs for o in bus.walk(d)
                  if o.get_role_name() == "push button" and o.get_name() == "Cancel"]
        # Words typed in a note are asked about first ("Discard your note?", Esc keeps them).
        windows = [bus.app.get_child_at_index(i) for i in range(bus.app.get_child_count())]
        discard = [o for w in windows if w is not None and bus.showing(w)
                   and "Discard your note?" in (w.get_name() or "") for o in bus.walk(w)
                   if o.get_role_name() == "push button" and o.get_name() == "Discard"]
        if discard:
            bus.Atspi.Action.do_action(discard[0], 0)
        elif "active" in bus.states(dialogs[-1]) or not cancel:
            bus.key(ESCAPE)
        else:  # no window manager makes the dialog underneath active again: press Cancel
            cancel[0].get_action_iface().do_action(0)
        bus.pump(0.4)
    raise AssertionError(f"dialogs left open: {[bus.describe(d) for d in _open_dialogs(bus)]}")


def _line_typed(bus: Bus, line: str) -> None:
    """Ctrl+L, then `line` in Log time's line once it has the keyboard, until it reads so.
    A whole line: the list of suggestions offers nothing more for it, so one Return sends it
    (a second one, sent "in case" a moment later, reached the window behind whenever the
    dialog had closed by then)."""
    activate_window(bus)  # no window manager gives the window back after a dialog: a click does
    bus.focused_after(lambda: bus.ctrl(ord("l")))  # Log time…, from anywhere

    # Typed once its line has the keyboard: the first focus event can come before the line's
    # (with a screen reader passing every key on), and the words went to the window behind.
    def field() -> Any:
        return next((o for dialog in _open_dialogs(bus) for o in bus.walk(dialog)
                     if o.get_role_name() == "text" and "focused" in bus.states(o)), None)

    _until(bus, lambda: field() is not None, "Log time's line never had the keyboard")
    typed = field()
    _type(bus, line)
    _until(bus, lambda: bus.Atspi.Text.get_text(typed, 0, -1) == line,
           f"the line never read {line!r}")


def _until(bus: Bus, done: Any, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, what
        bus.pump(0.05)


def _log_line(bus: Bus, heard: Heard, line: str, words: str) -> tuple[str, int]:
    """Ctrl+L, the line, Return; what is heard for it."""
    _line_typed(bus, line)
    bus.key(RETURN)
    return heard.wait_for(words)


def test_time_logged_and_a_refused_line_are_announced(app_bus):
    heard = Heard(app_bus)
    try:
        logged = _log_line(app_bus, heard, "45m travel", "Logged 45 minutes of Travel")
        assert logged[1] == POLITE, "a result waits its turn"
        activate_window(app_bus)
        app_bus.focused_after(lambda: app_bus.ctrl(ord("z")))  # leave the data as it was
        refusal = _log_line(app_bus, heard, "45m zzzz", "'zzzz' is not one of your activities")
        assert refusal[1] == ASSERTIVE, "a refusal is said at once"
        _close_dialogs(app_bus)  # the offer to add the activity, then the line kept to correct
    finally:
        heard.close()
        activate_window(app_bus)  # the window as the next test expects it
