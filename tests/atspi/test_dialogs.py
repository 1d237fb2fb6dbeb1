"""Through AT-SPI, the dialogs a keyboard opens: every control has a name a screen reader can
say, that name is not just the control's value (a tab bar's, the page it is on), and no two
controls in one dialog share it."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import ITEM_HOLDERS, Bus, activate_window
from tests.atspi.test_announcements import _close_dialogs, _open_dialogs
from tests.atspi.test_label_in_name import heard_twice
from tests.atspi.test_names import combo_problem

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
F1 = 0xFFBE

# (how it is opened, the view it is opened from): Ctrl+letter keysyms, or a plain key.
OPENERS = {
    "New case": (ord("2"), ord("n")),
    "Import cases": (ord("2"), ord("i")),
    "Log time": (ord("1"), ord("l")),
    "How is this worked out?": (ord("1"), None),
}


def _wait_for_dialog(bus: Bus, timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _open_dialogs(bus)
        if found:
            bus.pump(0.3)  # filled in
            return found[-1]
        bus.pump(0.05)
    return None


def _tabs_of(bar: Any) -> list[str]:
    """The names of a tab bar's page tabs, as the bus gives them now."""
    bar.clear_cache()
    tabs = (bar.get_child_at_index(i) for i in range(bar.get_child_count()))
    return [t.get_name() for t in tabs if t is not None and t.get_role_name() == "page tab"]


def _problems(bus: Bus, dialog: Any, title: str) -> list[str]:
    atspi = bus.Atspi
    problems, names = [], {}
    for obj in bus.walk(dialog, into=lambda o: o.get_role_name() not in ITEM_HOLDERS):
        states = obj.get_state_set()
        if not states.contains(atspi.StateType.FOCUSABLE):
            continue
        role, name = obj.get_role_name(), (obj.get_name() or "").strip()
        if role == "combo box":  # named by the label beside it, never by the item it shows
            problem = combo_problem(bus, obj)
            if problem:
                problems.append(f"{title}: {problem}")
        elif not name:
            problems.append(f"{title}: a {role} has no name")
            continue
        elif role in ("text", "spin button", "password text") and obj.get_text_iface() and \
                name == obj.get_text(0, -1).strip() and name:
            problems.append(f"{title}: {role} is named by what is typed in it: {name!r}")
        elif role == "page tab list" and name in _tabs_of(obj):
            problems.append(f"{title}: a tab bar is named by the page it is on: {name!r}")
        said = heard_twice(bus, obj)
        if said:
            problems.append(f"{title}: {said}")
        if role not in ("scroll bar",):
            names.setdefault(name, []).append(role)
    for name, roles in names.items():
        if len(roles) > 1:
            problems.append(f"{title}: {len(roles)} controls called {name!r} ({roles})")
    return problems + _window_and_field_words(bus, dialog, title)


def _window_and_field_words(bus: Bus, dialog: Any, title: str) -> list[str]:
    """A sentence both among a dialog's own words and in a control's description is heard
    twice: Orca 43 reads, as a dialog opens, each showing label of three words or more with no
    relation to anything, and a control's description as it gets the keyboard (Record a
    session's "Recording it marks the 11 notes …" was said with the dialog and with its date)."""
    if dialog.get_role_name() not in ("dialog", "alert"):
        return []
    loose, described = [], []
    for obj in bus.walk(dialog, into=lambda o: o.get_role_name() not in ITEM_HOLDERS):
        role = obj.get_role_name()
        if role in ("label", "static") and bus.showing(obj) and not obj.get_relation_set():
            text = " ".join((obj.get_name() or "").split())
            if len(text.split()) >= 3:
                loose.append(text)
        elif obj.get_state_set().contains(bus.Atspi.StateType.FOCUSABLE):
            description = " ".join((obj.get_description() or "").split())
            if description:
                described.append((obj.get_role_name(), obj.get_name(), description))
    return [f"{title}: {role} {name!r} is described by the dialog's own words {text!r}"
            for text in loose for role, name, description in described if text in description]


def test_each_dialog_names_its_controls_by_their_visible_labels(app_bus):
    problems = []
    for title, (view, key) in OPENERS.items():
        activate_window(app_bus)
        app_bus.focused_after(lambda v=view: app_bus.ctrl(v))
        app_bus.focused_after(lambda k=key: app_bus.ctrl(k) if k else app_bus.key(F1))
        dialog = _wait_for_dialog(app_bus)
        if dialog is None:
            problems.append(f"{title}: did not open")
            continue
        problems += _problems(app_bus, dialog, title)
        _close_dialogs(app_bus)
    activate_window(app_bus)
    assert not problems, "\n".join(problems)


F11, ESCAPE = 0xFFC8, 0xFF1B


def test_the_meeting_names_its_controls_by_their_visible_labels(app_bus):
    activate_window(app_bus)
    app_bus.focused_after(lambda: app_bus.key(F11))  # View > Supervision meeting
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(
            o.get_name() == "Topics" for o in app_bus.walk(app_bus.frame())):
        app_bus.pump(0.1)
    try:
        assert any(o.get_name() == "Topics" for o in app_bus.walk(app_bus.frame()))
        problems = _problems(app_bus, app_bus.frame(), "Supervision meeting")
        assert not problems, "\n".join(problems)
    finally:
        app_bus.focused_after(lambda: app_bus.key(ESCAPE))  # leave the meeting
        activate_window(app_bus)
