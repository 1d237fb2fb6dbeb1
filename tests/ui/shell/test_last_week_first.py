"""The window's first frame shows the last week the Overview showed, in words, before the data
file is opened; the Overview worked out from the data replaces it, and what is kept for next
time is that fresh week, without figures or case references, and nothing while encrypted."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from core.caseload.cases import CaseStore
from tests.demo_copy import demo_into
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import (
    SNAPSHOT_NAME,
    WeekSnapshot,
    data_state,
    read_snapshot,
    save_snapshot,
)
from ui.overview.last_week_stand_in import LastWeekStandIn, keep_week
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
TODAY = date(2026, 11, 25)
STALE = WeekSnapshot("2026-W47", "Week 47, as of Friday 20 November 2026", "Some capacity",
                     "An old sentence from last week.", "Lighter caseload", "Old caseload words.")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T10:00:00")
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, TODAY)
    db.close()
    return data


def settings_at(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, folder, tmp_path):
    settings = settings_at(tmp_path)
    window = main.window_frame(settings, folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return window, settings


def keep_for_now(folder, snapshot: WeekSnapshot) -> None:
    """Kept as the app keeps it: for the data file as it is now."""
    assert save_snapshot(folder, snapshot._replace(data_state=data_state(folder)))


THIS_WEEK = STALE._replace(week="2026-W48", week_line="Week 48, as of Wednesday 25 November 2026",
                           body="A sentence kept earlier today.", day="2026-11-25")


def test_the_first_frame_shows_the_kept_week_then_the_data_replaces_it(qtbot, folder, tmp_path):
    keep_for_now(folder, THIS_WEEK)
    window, settings = open_window(qtbot, folder, tmp_path)
    stand_in = window.findChild(LastWeekStandIn)
    assert stand_in is not None and stand_in.isVisible()
    assert "A sentence kept earlier today." in stand_in.texts()
    assert THIS_WEEK.week_line in stand_in.texts()
    assert window.week_in_words is stand_in

    db = open_database(database_path(folder))
    try:
        main.build_window(db, folder, settings, window)
        QApplication.processEvents()
        overview = window.view("overview")
        assert window.stack.currentWidget() is overview
        assert not any(s.isVisible() for s in window.findChildren(LastWeekStandIn))
        assert overview.workload.words.text() != THIS_WEEK.body
        keep_week(overview, db, folder)
        kept = read_snapshot(folder)
        assert kept is not None and kept.data_state == data_state(folder)
        assert kept is not None and kept.week == "2026-W48"
        assert (kept.headline, kept.body) == (overview.workload.headline.text(),
                                              overview.workload.words.text())
        assert kept.week_line == overview.week_line.text()
        assert not overview.sustained.isHidden()  # the demo's weeks over capacity
        assert kept.sustained == overview.sustained.text.text() and kept.sustained
        text = (folder / SNAPSHOT_NAME).read_text()
        assert "%" not in text
        assert not [ref for ref in CaseStore(db).references() if ref in text]
    finally:
        db.close()


def test_this_weeks_kept_words_count_as_this_week_in_the_first_frame(qtbot, folder, tmp_path):
    keep_for_now(folder, THIS_WEEK._replace(sustained="Over for weeks, calmly."))
    window, _ = open_window(qtbot, folder, tmp_path)
    assert window.week_in_words is window.findChild(LastWeekStandIn)
    assert window.week_in_words.isVisible()
    assert "Over for weeks, calmly." in window.findChild(LastWeekStandIn).texts()


def test_last_weeks_words_are_not_painted_as_this_weeks(qtbot, folder, tmp_path):
    """A Monday after a holiday: last week's verdict is not shown under "This week's estimate"."""
    keep_for_now(folder, STALE)
    window, _ = open_window(qtbot, folder, tmp_path)
    assert window.findChild(LastWeekStandIn) is None
    assert not getattr(window, "week_in_words", False)


def test_words_kept_before_a_change_from_the_command_line_are_not_painted(qtbot, folder,
                                                                          tmp_path):
    """The command keeps the week again (core.workload.words_after_command); the words kept
    before it are never painted, whether or not it could."""
    keep_for_now(folder, THIS_WEEK)
    assert main.main(["--data-dir", str(folder), "reductions", "add", "--reason", "Secondment",
                      "--percent", "60", "--from", "2026-11-23"]) == 0
    window, _ = open_window(qtbot, folder, tmp_path)
    stand_in = window.findChild(LastWeekStandIn)
    assert stand_in is None or THIS_WEEK.body not in stand_in.texts()


def test_no_words_behind_the_recovery_of_a_damaged_data_file(qtbot, folder, tmp_path):
    keep_for_now(folder, THIS_WEEK)
    database_path(folder).write_bytes(bytes(range(256)) * 800)
    window, _ = open_window(qtbot, folder, tmp_path)
    assert window.findChild(LastWeekStandIn) is None
    assert not (folder / SNAPSHOT_NAME).exists()


@pytest.mark.skipif(not __import__("core.store.encryption", fromlist=["available"]).available(),
                    reason="needs sqlcipher3")
def test_no_words_beside_the_passphrase_prompt(qtbot, folder, tmp_path):
    """Words left beside encrypted data (a restore by an older version, a copied folder) are
    deleted, not painted, before the passphrase is asked for."""
    from core.store.all_copies import change_encryption

    change_encryption(folder, None, "a long enough passphrase 42")
    keep_for_now(folder, THIS_WEEK)
    window, _ = open_window(qtbot, folder, tmp_path)
    assert window.findChild(LastWeekStandIn) is None
    assert not (folder / SNAPSHOT_NAME).exists()


def test_the_kept_words_follow_the_overview_while_the_window_is_open(qtbot, folder, tmp_path,
                                                                    monkeypatch):
    """A change shown by the open window is kept at once, so a killed app leaves current words."""
    monkeypatch.setattr("ui.shell.auto_backup.schedule_automatic_backup", lambda *_args: None)
    window, settings = open_window(qtbot, folder, tmp_path)
    db = open_database(database_path(folder))
    try:
        main.build_window(db, folder, settings, window)
        main._once_the_data_shows(window, db, folder)
        overview = window.view("overview")
        before = read_snapshot(folder)
        assert before is not None
        assert main.main(["--data-dir", str(folder), "reductions", "add", "--reason",
                          "Secondment", "--percent", "60", "--from", "2026-11-23"]) == 0
        overview.refresh()  # as the window does when it sees the data change
        kept = read_snapshot(folder)
        assert kept is not None and kept.headline == overview.workload.headline.text()
        assert kept.headline != before.headline
    finally:
        db.close()
    again, _ = open_window(qtbot, folder, tmp_path)  # the next start paints those words
    assert again.week_in_words is not None
    assert kept.headline in again.week_in_words.texts()


def test_no_kept_week_shows_the_plain_title(qtbot, folder, tmp_path):
    window, _ = open_window(qtbot, folder, tmp_path)
    assert window.findChild(LastWeekStandIn) is None
    assert not getattr(window, "week_in_words", False)


def test_nothing_is_kept_while_the_data_is_encrypted(qtbot, folder, tmp_path, monkeypatch):
    save_snapshot(folder, STALE)
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        monkeypatch.setattr("core.store.encryption.is_encrypted", lambda _db: True)
        keep_week(view, db, folder)
        assert not (folder / SNAPSHOT_NAME).exists()
    finally:
        db.close()


def test_nothing_is_kept_once_everything_is_deleted(qtbot, tmp_path):
    data = tmp_path / "empty"
    data.mkdir()
    save_snapshot(data, STALE)
    db = open_database(database_path(data))
    try:
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        keep_week(view, db, data)
        assert not (data / SNAPSHOT_NAME).exists()
    finally:
        db.close()


def test_nothing_is_kept_when_no_case_is_left_but_the_profile_is(qtbot, folder, tmp_path):
    """Every case gone, profile and time kept: the Overview shows "Nothing to estimate yet",
    so no week is kept for the next start to paint before it."""
    save_snapshot(folder, STALE)
    db = open_database(database_path(folder))
    try:
        db.execute("UPDATE time_entries SET case_id = NULL")
        db.execute("DELETE FROM tier_history")
        db.execute("DELETE FROM cases")
        db.conn.commit()
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        assert view.pages.currentIndex() == 1  # the empty page
        keep_week(view, db, folder)
        assert not (folder / SNAPSHOT_NAME).exists()
    finally:
        db.close()


def test_nothing_is_kept_at_quit_after_a_command_the_window_has_not_shown(qtbot, folder,
                                                                         tmp_path):
    """A reduction added from the command line a moment before quitting: the Overview still
    shows the week before it, so those words are not kept for the next start to paint."""
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        keep_week(view, db, folder)
        assert (folder / SNAPSHOT_NAME).exists()
        other = sqlite3.connect(database_path(folder))
        other.execute("INSERT INTO settings (key, value) VALUES ('beside', '1')")
        other.commit()
        other.close()
        keep_week(view, db, folder, at_quit=True)
        assert not (folder / SNAPSHOT_NAME).exists()
    finally:
        db.close()


def test_nothing_is_kept_at_quit_from_an_overview_worked_out_yesterday(qtbot, folder, tmp_path,
                                                                       monkeypatch):
    """The window left open overnight on another view: its Overview says "as of" yesterday,
    and those words are not kept as today's."""
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), settings_at(tmp_path), today=lambda: TODAY)
        qtbot.addWidget(view)
        keep_week(view, db, folder)
        assert (folder / SNAPSHOT_NAME).exists()
        monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-26T08:00:00")
        keep_week(view, db, folder, at_quit=True)
        assert not (folder / SNAPSHOT_NAME).exists()
    finally:
        db.close()


def test_the_first_frame_needs_none_of_the_heavy_libraries(folder, tmp_path):
    """The window frame with the kept week is made before sqlite-utils, holidays, numpy or
    pyqtgraph are imported (README, Performance)."""
    import subprocess
    import sys

    keep_for_now(folder, THIS_WEEK)
    code = ("import sys; from pathlib import Path; from PySide6.QtCore import QSettings; "
            "import main; from ui.shell.app import create_application; "
            "app = create_application(); "
            f"w = main.window_frame(QSettings({str(tmp_path / 'f.ini')!r}, "
            f"QSettings.Format.IniFormat), Path({str(folder)!r})); w.show(); "
            "app.processEvents(); assert w.week_in_words is not None; "
            "print(sorted(m for m in ('sqlite_utils', 'holidays', 'numpy', 'pyqtgraph') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_kept_words_are_shown_as_written_never_as_markup(qtbot):
    """Words that look like markup (a `<`, an `&lt;`) read on screen exactly as they were kept."""
    from PySide6.QtGui import Qt  # QtGui's Qt has mightBeRichText, how a QLabel decides
    from PySide6.QtWidgets import QLabel

    odd = WeekSnapshot("2026-W47", "Week 47 <i>so far</i>", "Under <b>capacity</b>",
                       "Fewer &lt;cases&gt; & visits.", "Lighter caseload", "Plain words.",
                       "A <u>calm</u> note.")
    stand_in = LastWeekStandIn(odd)
    qtbot.addWidget(stand_in)
    labels = stand_in.findChildren(QLabel)
    assert {"Under <b>capacity</b>", "Fewer &lt;cases&gt; & visits.", "A <u>calm</u> note.",
            "Week 47 <i>so far</i>"} <= {label.text() for label in labels}
    for label in labels:
        as_markup = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text()))
        assert not as_markup, label.text()
