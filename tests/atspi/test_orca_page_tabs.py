"""What Orca says of tab bars: a page tab only while its bar has the keyboard, and each bar
named on the bus by what it is, not by the page it is on.

Ctrl+3 said "Week page tab" and Ctrl+4 "Actions carried forward (2) page tab", and the Overview
after the passphrase at start "Profile page tab" (Settings, not on screen): a tab bar getting its
first tab, as a view is built, makes Qt report a selection change on it, and Orca (43) says the
selected tab of any tab bar whose selection changes. A fresh app on encrypted demo data, so that
every view is built as it first opens, with Orca listening from before the passphrase."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.atspi.bus import TAB, VIEW_KEYS, Bus, activate_window, places
from tests.atspi.orca_speech import Orca
from tests.atspi.session import ROOT
from tests.atspi.test_announcements import RETURN, _type
from tests.atspi.test_lock_screen import (
    PASSPHRASE,
    _env,
    _passphrase_field,
    _run,
    _submit,
    _wait,
    _windows,
)
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
PAGE_TAB = "page tab"  # how Orca ends a page tab's words ("Profile page tab.")
SHIFT_L = 50  # Shift_L in the X server's default keymap (Xvfb's)


@pytest.fixture
def fresh_app(app_bus, orca, tmp_path_factory) -> Iterator[Bus]:  # noqa: F811
    """The app started now on its own encrypted demo data, asking for its passphrase."""
    workdir = tmp_path_factory.mktemp("page-tabs")
    data, env = workdir / "data", _env(workdir)
    _run(["--data-dir", str(data), "demo"], env)
    _run(["--data-dir", str(data), "encryption", "on"],
         dict(env, CASELOAD_COMPANION_NEW_PASSPHRASE=PASSPHRASE))
    with open(workdir / "app.log", "wb") as log:
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)],
                               env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        yield Bus(app_bus.Atspi, app.pid)
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=20)
        activate_window(app_bus)  # the first app's window has the keyboard again


def _until_said(bus: Bus, reader: Orca, words: str, timeout: float = 20.0) -> list[str]:
    """Everything said since the mark, once Orca has said exactly `words` (its own line). Orca
    takes the app's events in the order they come, so by then it has dealt with all before."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        said = reader.said()
        if words in said:
            return said
        bus.pump(0.1)
    raise AssertionError(f"Orca never said {words!r}; it said {reader.said()}")


def _click(bus: Bus, obj: Any) -> None:
    atspi = bus.Atspi
    box = atspi.Component.get_extents(obj, atspi.CoordType.SCREEN)
    atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")


def _alt(bus: Bus, letter: str) -> Any:
    """Alt+letter, Alt held until the keyboard has moved (with a screen reader listening, a
    letter can reach the app after an Alt release sent just behind it); what has it."""
    synth, alt = bus.Atspi.KeySynthType, 64  # Alt_L in the X server's default keymap (Xvfb's)
    bus.Atspi.generate_keyboard_event(alt, None, synth.PRESS)
    try:
        moved = bus.focused_after(lambda: bus.key(ord(letter)), timeout=10)
    finally:
        bus.Atspi.generate_keyboard_event(alt, None, synth.RELEASE)
    assert moved is not None, f"Alt+{letter} moved the keyboard nowhere"
    return moved


def _lock_now(bus: Bus) -> None:
    """Ctrl+Shift+L, as a user locks from the keyboard."""
    synth, control = bus.Atspi.KeySynthType, 37
    for code in (control, SHIFT_L):
        bus.Atspi.generate_keyboard_event(code, None, synth.PRESS)
    try:
        bus.Atspi.generate_keyboard_event(ord("l"), None, synth.SYM)
    finally:
        for code in (SHIFT_L, control):
            bus.Atspi.generate_keyboard_event(code, None, synth.RELEASE)


def test_no_page_tab_is_said_unless_its_bar_has_the_keyboard(fresh_app, orca):  # noqa: F811
    bus = fresh_app
    dialog = _wait(bus, lambda: _windows(bus, "dialog")[0], "the passphrase dialog")
    field = _wait(bus, lambda: _passphrase_field(bus, dialog), "its passphrase field")
    _click(bus, field)  # the keyboard to the passphrase, as the window manager gives it
    _wait(bus, lambda: "focused" in bus.states(field), "the keyboard in the passphrase field")
    orca.mark()
    _type(bus, PASSPHRASE)
    bus.key(RETURN)  # the window is filled in, Settings built behind the Overview
    frame = _wait(bus, lambda: not _windows(bus, "dialog") and _windows(bus, "frame")[0],
                  "the window after the passphrase")
    bus.wait_for_app()
    said = _until_said(bus, orca, "Overview.")  # the Views list has the keyboard
    assert not [text for text in said if PAGE_TAB in text], said
    heard = []
    # Each view by its Ctrl+number, the ones not yet open built as they open; then the
    # Overview again, whose name said means all before it has been dealt with.
    for title, key in (*VIEW_KEYS[1:], VIEW_KEYS[0]):
        bus.focused_after(lambda k=key: bus.ctrl(k))
        heard.append(_until_said(bus, orca, f"{title}."))
    said = orca.said()
    assert not [text for text in said if PAGE_TAB in text], said
    assert len(heard) == len(VIEW_KEYS)

    # Locked and unlocked: the window comes back as it was, no page tab said with it.
    orca.mark()
    _lock_now(bus)
    field = _wait(bus, lambda: _passphrase_field(bus, frame), "the lock screen", 20)
    _submit(bus, frame, field, PASSPHRASE)
    _until_said(bus, orca, "notification Unlocked.")
    bus.focused_after(lambda: bus.ctrl(ord("2")))
    said = _until_said(bus, orca, "Caseload.")
    assert not [text for text in said if PAGE_TAB in text], said

    # With the keyboard on a tab bar, its page is said: Tab onto Settings' bar.
    bus.focused_after(lambda: bus.ctrl(ord("5")))
    _until_said(bus, orca, "Settings.")
    orca.mark()
    for _ in range(40):
        focused = bus.focused_after(lambda: bus.key(TAB))
        if focused is not None and focused.get_role_name() == "page tab list":
            break
    else:
        raise AssertionError("Tab never reached the Settings page tabs")
    said = _until_said(bus, orca, "Profile page tab.")
    assert [text for text in said if PAGE_TAB in text] == ["Profile page tab."], said

    # A tab's Alt+letter takes the keyboard to its bar, so the page it turns to is said, once.
    bus.focused_after(lambda: bus.ctrl(ord("3")))  # the keyboard to the quick entry
    _until_said(bus, orca, "Quick time entry text.")
    orca.mark()
    charts = _alt(bus, "c")
    assert charts.get_role_name() == "page tab" and charts.get_name() == "Charts"
    _until_said(bus, orca, "Charts page tab.")
    bus.focused_after(lambda: bus.ctrl(TAB))  # back to Week, said after all before it
    said = _until_said(bus, orca, "Week page tab.")
    assert [text for text in said if PAGE_TAB in text] == ["Charts page tab.",
                                                           "Week page tab."], said


def _tab_names(bus: Bus, bar: Any) -> list[str]:
    bar.clear_cache()
    kids = [bar.get_child_at_index(i) for i in range(bar.get_child_count())]
    return [k.get_name() for k in kids if k is not None and k.get_role_name() == "page tab"]


def test_every_tab_bar_is_named_by_what_it_is(app_bus):
    """The name that arrives on the bus, in every place: never one of its own tabs (the page
    it is on, a value), and the one each bar is given."""
    activate_window(app_bus)
    named: dict[str, str] = {}
    problems = []
    for place in places(app_bus):
        for bar in app_bus.by_role(app_bus.frame(), "page tab list"):
            name, tabs = (bar.get_name() or "").strip(), _tab_names(app_bus, bar)
            if not name or name in tabs:
                problems.append(f"{place}: the tab bar of {tabs} is called {name!r}")
            named[" / ".join(tabs)] = name
    assert not problems, "\n".join(problems)
    names = set(named.values())
    assert {"Time pages", "Actions and past sessions", "Settings pages"} <= names, named
