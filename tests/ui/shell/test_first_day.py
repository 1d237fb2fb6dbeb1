"""The first day in the window: the welcome's answers are taken as given, the demo starts on the
Overview with a word of what happened, and the last view and "Show figures" stay with the data
folder they were chosen for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QRadioButton

import main
from core.store.database import open_database
from core.store.paths import database_path
from ui.overview.overview_view import EMPTY_TEXT, EMPTY_TEXT_WITH_PROFILE
from ui.shell import welcome_dialog
from ui.shell.welcome_dialog import DEMO_ADDED, START_DEMO, START_EMPTY, WelcomeDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                          "does not support raise")  # offscreen only


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, folder, settings):
    folder.mkdir(exist_ok=True)
    db = open_database(database_path(folder))
    window = main.build_window(db, folder, settings)
    qtbot.addWidget(window)
    window.restore_state()
    window.resize(1024, 700)
    window.show()
    QApplication.processEvents()
    return window, db


def answer_welcome(monkeypatch, start: str, hours: float = 30.0):
    """The welcome, run for real but without its modal loop: grade and hours, then `start`."""

    def run(parent, db, can_import=False):
        dialog = WelcomeDialog(db, can_import, parent)
        dialog.hours_spin.setValue(hours)
        dialog.findChild(QRadioButton, f"start_{start}").setChecked(True)
        dialog.accept()
        result = dialog.result_value
        dialog.deleteLater()
        return result

    monkeypatch.setattr(WelcomeDialog, "run", staticmethod(run))


def test_after_the_welcome_the_overview_stops_asking_for_grade_and_hours(
        qtbot, tmp_path, settings, monkeypatch):
    window, db = open_window(qtbot, tmp_path / "data", settings)
    overview = window.view("overview")
    assert overview.empty_text.text() == EMPTY_TEXT and overview.go_profile.isVisible()
    answer_welcome(monkeypatch, START_EMPTY)
    welcome_dialog.show_welcome(window, db, window.hub)
    assert overview.empty_text.text() == EMPTY_TEXT_WITH_PROFILE
    assert "Profile" not in overview.empty_text.text() and not overview.go_profile.isVisible()


def test_trying_the_demo_lands_on_the_overview_and_says_what_happened(
        qtbot, tmp_path, settings, monkeypatch):
    window, db = open_window(qtbot, tmp_path / "data", settings)
    window.show_view("time")  # where the practitioner last was
    answer_welcome(monkeypatch, START_DEMO)
    welcome_dialog.show_welcome(window, db, window.hub)
    overview = window.view("overview")
    assert window.current_key() == "overview" and overview.isVisible()
    assert overview.notice.isVisible() and overview.notice.text() == DEMO_ADDED
    assert overview.pages.currentIndex() == 0  # the demo's estimate, not the empty state


def test_last_view_and_show_figures_belong_to_each_data_folder(qtbot, tmp_path, settings):
    first, db = open_window(qtbot, tmp_path / "mine", settings)
    first.view("overview").show_figures.setChecked(True)
    first.show_view("supervision")
    first.close()

    other, db = open_window(qtbot, tmp_path / "demo", settings)
    assert other.current_key() == "overview"
    assert not other.view("overview").show_figures.isChecked()
    other.close()

    again, db = open_window(qtbot, tmp_path / "mine", settings)
    assert again.current_key() == "supervision"
    assert again.view("overview").show_figures.isChecked()
