"""Fixtures shared by the window-level tests."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from core.demo.caseload_demo import fill_demo


@pytest.fixture
def demo_window(qtbot, db, tmp_path):
    """The real main window on today's demo data, shown at 1280×800."""
    import main

    fill_demo(db, date.today())
    win = main.build_window(db, tmp_path, QSettings(str(tmp_path / "window.ini"),
                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    QApplication.processEvents()
    return win
