"""Fixtures shared by the window-level tests."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from tests.demo_copy import demo_into


@pytest.fixture
def demo_window(qtbot, db, tmp_path):
    """The real main window on today's demo data, shown at 1280×800."""
    import main

    demo_into(db, date.today())
    win = main.build_window(db, tmp_path, QSettings(str(tmp_path / "window.ini"),
                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    QApplication.processEvents()
    yield win
    meeting = getattr(win, "meeting", None)
    if meeting is not None and meeting.is_open():
        # The meeting holds the window's usual views outside it, a window of their own that
        # closing the main window would leave behind: every later restyle and repaint in this
        # process went through them (about 216 widgets a meeting test). Back in, they close
        # with the window.
        meeting.leave()


@pytest.fixture(autouse=True)
def _closed_windows_deleted(qapp):
    """qtbot closes each test's windows and asks Qt to delete them (deleteLater), which Qt does
    only on returning to an event loop, and tests run outside one: every window of every earlier
    test stayed, and each restyle, focus walk and repaint went through all of them (the contrast
    test's set-up grew from half a second to five over 28 tests). Done here, after qtbot's
    closing, so each test starts with only its own windows. A window the test made that qtbot
    never saw (main.run_gui's own, after its event loop ends) is closed and deleted the same way."""
    before = set(QApplication.topLevelWidgets())
    yield
    for window in QApplication.topLevelWidgets():
        if window not in before:
            window.close()
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_dialog_left_waiting(qapp):
    """A modal dialog that no test answers would wait forever (no timeout can interrupt Qt's
    own event loop): after 30 s of one test, any dialog still open is closed and the test fails
    naming it. A guard against a hang, not a timing bet: a passing test never meets it."""
    from PySide6.QtCore import QTimer

    stuck: list[str] = []

    def close_waiting() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            stuck.append(f"{type(dialog).__name__} {dialog.windowTitle()!r}")
            dialog.close()
            QTimer.singleShot(0, close_waiting)  # a dialog opened from the closed one

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(close_waiting)
    guard.start(30_000)
    yield
    guard.stop()
    assert not stuck, f"a dialog was left waiting for an answer: {stuck}"
