"""No key of the window belongs to two shortcuts, in any view, on a real X display.

Ctrl+Shift+Tab (previous tab) did nothing anywhere: one action held both Ctrl+Shift+Tab and
Ctrl+Backtab, and on X11 Shift+Tab arrives as Backtab, so both matched; Qt then fires neither
and only its log said so ("QAction::event: Ambiguous shortcut overload"). The app is read
through the accessibility bus, the keys come from the X server, and its log is read after."""

from __future__ import annotations

import time

import pytest

from tests.atspi.bus import TAB, VIEW_KEYS, Bus, _wait_for_title

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real X display
CONTROL_L, SHIFT_L = 37, 50  # in the X server's default keymap (Xvfb's)
AMBIGUOUS = "Ambiguous shortcut"


def _ctrl_tab(bus: Bus, back: bool) -> None:
    synth = bus.Atspi.KeySynthType
    held = (CONTROL_L, SHIFT_L) if back else (CONTROL_L,)
    for code in held:
        bus.Atspi.generate_keyboard_event(code, None, synth.PRESS)
    try:
        bus.Atspi.generate_keyboard_event(TAB, None, synth.SYM)
    finally:
        for code in reversed(held):
            bus.Atspi.generate_keyboard_event(code, None, synth.RELEASE)


def _selected_tab(bus: Bus) -> str | None:
    """The selected tab of the tab bar showing on screen, if there is one."""
    for tabs in bus.by_role(bus.frame(), "page tab list"):
        if not bus.showing(tabs):
            continue
        tabs.clear_cache()
        for index in range(tabs.get_child_count()):
            tab = tabs.get_child_at_index(index)
            if "selected" in bus.states(tab):
                return tab.get_name()
    return None


def _log(bus: Bus) -> str:
    return (bus.workdir / "app.log").read_text(errors="replace")  # type: ignore[attr-defined]


def _settled(bus: Bus, before: str | None) -> str | None:
    deadline = time.monotonic() + 3
    while (now := _selected_tab(bus)) == before and time.monotonic() < deadline:
        bus.pump(0.05)
    return now


def test_ctrl_shift_tab_turns_back_and_no_shortcut_is_ambiguous_in_any_view(app_bus):
    assert AMBIGUOUS not in _log(app_bus), "at start"
    problems, turned = [], []
    for title, key in VIEW_KEYS:
        app_bus.focused_after(lambda k=key: app_bus.ctrl(k))
        _wait_for_title(app_bus, title)
        app_bus.pump(0.3)
        first = _selected_tab(app_bus)
        _ctrl_tab(app_bus, back=True)
        went_back = _settled(app_bus, first)
        _ctrl_tab(app_bus, back=False)  # and forward again, as the other tests found it
        came = _settled(app_bus, went_back)
        if first is not None:
            turned.append(title)
        if first is not None and (went_back == first or came != first):
            problems.append(f"{title}: Ctrl+Shift+Tab from {first!r} gave {went_back!r}, "
                            f"then Ctrl+Tab {came!r}")
        log = _log(app_bus)
        if AMBIGUOUS in log:
            problems.append(f"{title}: " + next(line for line in log.splitlines()
                                                if AMBIGUOUS in line))
            break
    assert problems == []
    assert {"Time", "Settings"} <= set(turned)  # views with tabs to turn were tried
