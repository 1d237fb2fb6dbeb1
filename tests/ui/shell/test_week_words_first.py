"""The first start of a day, or after a change from the command line, has no kept words still
true: this week's words are worked out alone from the data file and painted in the Overview's
place first, and the Overview (trend, history, every card) follows once the data is opened."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from ui.shell.week_words_first import this_week_first
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import SNAPSHOT_NAME
from tests.demo_copy import demo_into
from ui.overview.last_week_stand_in import LastWeekStandIn
from ui.shell.window_state import folder_key

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
TODAY = date(2026, 11, 25)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T10:00:00")
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, TODAY)
    db.close()
    return data


def frame(qtbot, folder, settings):
    window = main.window_frame(settings, folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return window


def test_with_no_kept_words_this_week_is_painted_before_the_overview(qtbot, folder, tmp_path):
    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    window = frame(qtbot, folder, settings)
    assert not (folder / SNAPSHOT_NAME).exists()
    assert window.findChild(LastWeekStandIn) is None  # the frame: the title alone

    assert this_week_first(window, str(folder), False)
    QApplication.processEvents()
    words = window.findChild(LastWeekStandIn)
    assert words is not None and words.isVisible() and window.week_in_words is words
    assert not window.is_created("overview")  # the Overview comes with the data, after this
    shown = words.texts()

    db = open_database(database_path(folder))
    try:
        main.build_window(db, folder, settings, window)
        QApplication.processEvents()
        overview = window.view("overview")
        assert window.stack.currentWidget() is overview
        assert not any(s.isVisible() for s in window.findChildren(LastWeekStandIn))
        # The same words the Overview then shows (it shows them without figures here too).
        assert overview.week_line.text() in shown
        assert overview.workload.headline.text() in shown
        assert overview.workload.words.text() in shown
        assert overview.caseload.headline.text() in shown
        assert not overview.sustained.isHidden() and overview.sustained.text.text() in shown
    finally:
        db.close()


def test_nothing_is_worked_out_early_behind_another_view(qtbot, folder, tmp_path):
    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    settings.setValue(folder_key(folder, "window/view"), "caseload")
    window = frame(qtbot, folder, settings)
    window.restore_state()
    assert window.current_key() == "caseload"
    assert not this_week_first(window, str(folder), False)
    assert window.findChild(LastWeekStandIn) is None


def test_no_early_words_over_data_that_must_be_opened_first(qtbot, folder, tmp_path):
    """A file from a newer version (or one still to be migrated, or damaged) is explained or
    repaired over the window; no words are painted from it before that."""
    db = open_database(database_path(folder))
    db["_sqlite_migrations"].insert({"migration_set": "caseload_companion",
                                     "name": "m999_from_the_future", "applied_at": "x"})
    db.close()
    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    window = frame(qtbot, folder, settings)
    assert not this_week_first(window, str(folder), False)
    assert window.findChild(LastWeekStandIn) is None


def test_the_words_worked_out_while_the_frame_paints_are_the_ones_painted(qtbot, folder,
                                                                          tmp_path):
    """Worked out in a thread of their own while the frame is painted: the same words."""
    from ui.shell.week_words_first import work_out_ahead

    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    at_once = frame(qtbot, folder, settings)
    assert this_week_first(at_once, str(folder), False)
    expected = at_once.week_in_words.texts()

    window = main.window_frame(settings, folder)
    qtbot.addWidget(window)
    work_out_ahead(window, str(folder))
    assert window.words_ahead is not None
    window.show()
    QApplication.processEvents()
    assert this_week_first(window, str(folder), False)
    assert window.week_in_words.texts() == expected


def test_nothing_is_worked_out_ahead_when_kept_words_are_in_the_frame(qtbot, folder, tmp_path):
    from core.store.week_snapshot import data_state, save_snapshot
    from core.workload.week_words import week_in_words_from_file
    from ui.shell.week_words_first import work_out_ahead

    kept = week_in_words_from_file(folder, TODAY)
    assert kept is not None and save_snapshot(folder, kept._replace(data_state=data_state(folder)))
    window = main.window_frame(QSettings(str(tmp_path / "f.ini"), QSettings.Format.IniFormat),
                               folder)
    qtbot.addWidget(window)
    assert window.week_in_words is not None  # the kept words, in the first frame
    work_out_ahead(window, str(folder))
    assert getattr(window, "words_ahead", None) is None


def test_the_data_is_opened_even_when_the_early_words_fail(qtbot, folder, tmp_path, monkeypatch,
                                                           caplog):
    """The early words are only a head start: when working them out fails (a damaged install,
    a bug), the data is still opened and the error logged. The window stayed on "Opening your
    data…" for good, on every view."""
    import ui.overview.last_week_stand_in as stand_in
    from ui.shell.week_words_first import words_first

    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    window = frame(qtbot, folder, settings)

    def broken(*_args, **_kwargs):
        raise RuntimeError("a module of the early words is broken")

    monkeypatch.setattr(stand_in, "LastWeekStandIn", broken)
    opened: list[bool] = []
    with caplog.at_level("ERROR"):
        words_first(window, str(folder), False, lambda: opened.append(True))
    assert opened == [True]
    assert "could not be painted early" in caplog.text
