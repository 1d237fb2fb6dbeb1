"""The window is on screen before the data is opened, and the data then fills it in place."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel

import main
from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.caseload.models import Case
from core.store.paths import database_path
from ui.caseload.caseload_view import CaseloadView
from ui.overview.overview_view import OverviewView
from ui.shell.view_stand_in import ViewStandIn
from ui.shell.window_state import folder_key

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def settings_at(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)


def nav_titles(window) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def view_menu(window) -> list[str]:
    return [action.text() for action in window.menu("&View").actions()]


def titles_on_screen(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)
            if label.objectName() == "viewTitle" and label.isVisible()]


@pytest.fixture
def frame(qtbot, tmp_path):
    window = main.window_frame(settings_at(tmp_path))
    qtbot.addWidget(window)
    return window


def test_the_frame_shows_the_same_navigation_the_filled_window_has(qtbot, frame, db, tmp_path):
    full = main.build_window(db, tmp_path, settings_at(tmp_path))
    qtbot.addWidget(full)
    assert nav_titles(frame) == nav_titles(full)
    assert view_menu(frame) == view_menu(full)


def test_before_the_data_opens_the_window_shows_titles_and_no_data(frame):
    frame.show()
    QApplication.processEvents()
    assert titles_on_screen(frame) == ["Overview"]
    assert frame.findChildren(OverviewView) == []
    assert not frame.is_created("overview")


def test_a_view_chosen_before_the_data_opens_shows_its_title(frame):
    frame.show()
    for key, title in (("time", "Time"), ("settings", "Settings"), ("time", "Time")):
        frame.show_view(key)
        QApplication.processEvents()
        assert titles_on_screen(frame) == [title]


def test_the_data_fills_the_frame_without_adding_views_twice(qtbot, frame, db, tmp_path):
    frame.show()
    filled = main.build_window(db, tmp_path, settings_at(tmp_path), frame)
    QApplication.processEvents()
    assert filled is frame
    assert nav_titles(frame) == ["Overview", "Caseload", "Time", "Supervision", "Settings"]
    assert [a for a in view_menu(frame) if a == "Overview"] == ["Overview"]
    assert frame.current_key() == "overview"
    assert frame.stack.currentWidget() is frame.findChild(OverviewView)
    assert not any(stand_in.isVisible() for stand_in in frame.findChildren(ViewStandIn))
    frame.show_view("caseload")
    assert frame.stack.currentWidget() is frame.findChild(CaseloadView)


def test_the_remembered_view_is_shown_in_the_frame_and_then_filled(qtbot, db, tmp_path):
    settings = settings_at(tmp_path)
    settings.setValue(folder_key(tmp_path, "window/view"), "caseload")  # this folder's view
    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    window = main.window_frame(settings, tmp_path)
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    QApplication.processEvents()
    assert titles_on_screen(window) == ["Caseload"]
    main.build_window(db, tmp_path, settings, window)
    QApplication.processEvents()
    shown = window.stack.currentWidget()
    assert isinstance(shown, CaseloadView)
    assert shown.isVisible()


# run_gui itself: messages appear over the painted window, and the exit code says what happened.

@pytest.fixture
def gui(monkeypatch):
    """run_gui without restyling the shared test application or keeping its error hook."""
    import ui.shell.theme

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    unstyled = SimpleNamespace(follow_system=lambda: "light", high_contrast=lambda: False,
                               set_high_contrast=lambda on: None)
    monkeypatch.setattr(ui.shell.theme, "apply_theme", lambda app, **_: unstyled)
    shown: list[tuple[object, str]] = []

    def record(parent, message, title="Something went wrong"):
        shown.append((parent, message))
        assert parent is not None and parent.isVisible()  # over the window, not on its own

    import ui.shell.app

    monkeypatch.setattr(ui.shell.app, "show_error", record)
    return shown


def test_data_from_a_newer_version_is_explained_over_the_window_and_left_alone(gui, tmp_path):
    data_dir = tmp_path / "newer"
    data_dir.mkdir()
    db = open_database(database_path(data_dir))
    db["_sqlite_migrations"].insert({"migration_set": "caseload_companion",
                                     "name": "m999_from_the_future", "applied_at": "x"})
    db.close()
    before = database_path(data_dir).read_bytes()
    code = main.run_gui(argparse.Namespace(data_dir=str(data_dir), command=None))
    assert code == 1
    assert len(gui) == 1 and "newer version" in gui[0][1]
    assert database_path(data_dir).read_bytes() == before


def test_a_data_folder_that_is_a_file_is_explained_in_words_not_an_errno(gui, tmp_path):
    data_file = tmp_path / "caseload.db"
    data_file.write_bytes(b"not a folder")
    code = main.run_gui(argparse.Namespace(data_dir=str(data_file), command=None))
    assert code == 1
    assert gui[0][1] == (f"{data_file} is a file, not a folder; choose a folder for your data "
                         "with --data-dir.")
    assert data_file.read_bytes() == b"not a folder"


def test_choosing_to_quit_instead_of_opening_ends_calmly(gui, monkeypatch, tmp_path):
    import ui.shell.storage_setup

    asked: list[object] = []

    def quit_at_passphrase(data_dir, parent=None):
        asked.append(parent)
        return None

    monkeypatch.setattr(ui.shell.storage_setup, "open_data", quit_at_passphrase)
    code = main.run_gui(argparse.Namespace(data_dir=str(tmp_path / "d"), command=None))
    assert code == 0
    assert gui == []
    assert asked and asked[0] is not None  # the passphrase was asked for over the window


def test_a_start_paints_the_window_before_the_data_and_then_the_data(gui, monkeypatch, tmp_path,
                                                                      capsys):
    data_dir = tmp_path / "start"
    main.main(["--data-dir", str(data_dir), "demo"])
    capsys.readouterr()
    monkeypatch.setenv("CASELOAD_COMPANION_EXIT_AFTER_PAINT", "1")
    code = main.run_gui(argparse.Namespace(data_dir=str(data_dir), command=None))
    reports = [line.split() for line in capsys.readouterr().out.splitlines()]
    lines = [report[0] for report in reports]
    assert code == 0
    # No kept words on a first start: this week's are painted alone before the Overview.
    assert lines == ["first-paint", "words-paint", "data-paint", "settled"]
    on_screen = {report[0]: report[report.index("words") + 1] for report in reports}
    assert (on_screen["first-paint"], on_screen["words-paint"]) == ("0", "1")
    assert gui == []


def test_after_a_start_has_ended_the_next_event_loop_still_runs(gui, monkeypatch, tmp_path,
                                                               capsys):
    """A start that ends leaves no quit waiting: delivered later in the same process it ended
    every later event loop (each dialog's, each wait) as soon as it began."""
    from PySide6.QtCore import QEventLoop, QTimer

    data_dir = tmp_path / "ended"
    main.main(["--data-dir", str(data_dir), "demo"])
    monkeypatch.setenv("CASELOAD_COMPANION_EXIT_AFTER_PAINT", "1")
    assert main.run_gui(argparse.Namespace(data_dir=str(data_dir), command=None)) == 0
    capsys.readouterr()
    QApplication.processEvents()  # whatever the ended start left queued is delivered
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(7))
    assert loop.exec() == 7  # -1: the loop ended before it ran


def test_on_a_first_start_the_welcome_opens_over_the_filled_window(gui, monkeypatch, tmp_path):
    import ui.shell.welcome_dialog

    seen: list[tuple[bool, bool]] = []

    def welcome(parent, db, can_import=False):
        overview = parent.findChild(OverviewView)
        seen.append((parent.isVisible(), overview is not None and overview.isVisible()))
        QApplication.exit(0)
        return None

    monkeypatch.setattr(ui.shell.welcome_dialog.WelcomeDialog, "run", staticmethod(welcome))
    code = main.run_gui(argparse.Namespace(data_dir=str(tmp_path / "first"), command=None))
    assert code == 0
    assert seen == [(True, True)]
