"""A length of one is said and shown in the singular: the idle lock at its lowest showed and said
"1 minutes" ("The window locks after 1 idle minutes."); the retention period and a time entry's
duration are spin boxes with a unit the same way."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSpinBox

from ui.widgets.unit_suffix import unit_suffix

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_a_spin_box_unit_follows_its_value(qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(1, 240)
    spin.setValue(2)
    unit_suffix(spin, "minute")
    assert spin.text() == "2 minutes"
    spin.stepBy(-1)
    assert spin.text() == "1 minute"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "45")
    spin.interpretText()
    assert (spin.value(), spin.text()) == (45, "45 minutes")


def test_the_idle_lock_at_one_minute_says_minute(demo_window, db):
    from core.store import encryption
    from tests.ui.settings.test_settings_deletions_by_keyboard import _page
    from ui.settings.data_page import DataPage
    from ui.widgets import announce

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        page = _page(demo_window, "Data & privacy", DataPage)
        page._lock_minutes_changed(1)
    finally:
        announce.remove_listener(listener)
    assert encryption.get_lock_minutes(db) == 1
    assert heard[-1].startswith("The window locks after 1 idle minute. ")
    page.lock_minutes.show_stored(1)
    assert page.lock_minutes.text() == "1 minute"
