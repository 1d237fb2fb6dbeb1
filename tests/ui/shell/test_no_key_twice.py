"""No key belongs to two of the window's shortcuts in any view, counting Ctrl+Backtab as
Ctrl+Shift+Tab, as X11 sends it: Qt fires neither of two matching shortcuts (it only logs
"Ambiguous shortcut overload"), so Ctrl+Shift+Tab, held twice by Previous tab, did nothing.
tests/atspi/test_no_ambiguous_shortcut.py presses the keys on a real X display."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from tests.ui.app_walk import each_place

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _as_pressed(key: QKeySequence) -> str:
    """The keys as X11 delivers them: Shift+Tab arrives as Backtab."""
    text = key.toString(QKeySequence.SequenceFormat.PortableText)
    return text.replace("Shift+Backtab", "Shift+Tab").replace("Backtab", "Shift+Tab")


def _window_keys(window) -> list[str]:  # type: ignore[no-untyped-def]
    keys = []
    for action in window.findChildren(QAction):
        if action.isEnabled() and action.shortcutContext() in (
                Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            keys += [_as_pressed(k) for k in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if (shortcut.isEnabled() and owner.isVisible()
                and shortcut.context() == Qt.ShortcutContext.WindowShortcut):
            keys += [_as_pressed(k) for k in shortcut.keys()]
    return [k for k in keys if k]


def test_no_key_is_held_by_two_window_shortcuts_in_any_view(demo_window):
    twice = []
    for place in each_place(demo_window):
        twice += [f"{place}: {key}" for key, n in Counter(_window_keys(demo_window)).items()
                  if n > 1]
    assert twice == [], "\n".join(twice)
