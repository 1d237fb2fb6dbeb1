"""The first start of a day, with the data file as the app left it at the last quit: the words
kept at that quit for this day are painted in the first frame, and they are exactly what the
Overview works out from the data on this day, across weeks, bank holidays, both clock changes
and an ISO week 53; after any change to the data, or on a day further on, none are painted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from core.store.coming_days import (COMING_DAYS, coming_day_for_first_frame, coming_days_path,
                                    read_coming_days)
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import data_state, read_snapshot
from core.workload.history import dismiss_sustained_panel, workload_status
from tests.demo_copy import demo_into
from ui.overview.last_week_stand_in import LastWeekStandIn, keep_week
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def at(monkeypatch, day: date) -> None:
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", f"{day.isoformat()}T17:30:00")


def demo_folder(tmp_path, monkeypatch, day: date):
    at(monkeypatch, day)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, day)
    db.close()
    return data


def overview_on(qtbot, db, tmp_path, day: date) -> OverviewView:
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: day)
    qtbot.addWidget(view)
    return view


def quit_on(qtbot, monkeypatch, folder, tmp_path, day: date, before_quit=None) -> None:
    """A day's use ending in a quit: the Overview worked out and kept, then kept at quit."""
    at(monkeypatch, day)
    db = open_database(database_path(folder))
    try:
        if before_quit is not None:
            before_quit(db)
        view = overview_on(qtbot, db, tmp_path, day)
        keep_week(view, db, folder)
        keep_week(view, db, folder, at_quit=True)
    finally:
        db.close()


def what_the_overview_keeps_on(qtbot, monkeypatch, folder, tmp_path, day: date):
    """The words the Overview works out from the data on `day` and keeps (read-only use: the
    data file is left as it was)."""
    at(monkeypatch, day)
    kept = coming_days_path(folder).read_bytes()  # keeping today's words replaces none of these
    db = open_database(database_path(folder))
    try:
        keep_week(overview_on(qtbot, db, tmp_path, day), db, folder)
    finally:
        db.close()
    assert coming_days_path(folder).read_bytes() == kept
    return read_snapshot(folder)


@pytest.mark.parametrize("quit_day", [
    date(2026, 3, 27),  # a Friday: the clocks go forward on the 29th; Good Friday on 3 April
    date(2026, 10, 22),  # the clocks go back on Sunday the 25th
    date(2026, 12, 23),  # Christmas, Boxing Day on a Saturday (the 28th in lieu), 2026-W53
    date(2026, 12, 31),  # New Year's Day, out of 2026-W53 into 2027-W01
])
def test_the_words_kept_for_each_coming_day_are_the_overviews_on_that_day(
        qtbot, tmp_path, monkeypatch, quit_day):
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day)
    kept = read_coming_days(folder)
    days = [quit_day + timedelta(days=n) for n in range(1, COMING_DAYS + 1)]
    assert [date.fromisoformat(words.day) for words in kept] == days
    state = data_state(folder)
    for words in kept:
        day = date.fromisoformat(words.day)
        assert words.data_state == state
        overview = what_the_overview_keeps_on(qtbot, monkeypatch, folder, tmp_path, day)
        assert overview is not None and overview._replace(data_state="") == words._replace(
            data_state=""), day
    weeks = {words.week for words in kept}
    assert len(weeks) >= 3  # each set of days runs on over weeks
    if quit_day.month == 12:
        assert {"2026-W53", "2027-W01"} <= weeks


def test_the_next_days_first_frame_paints_the_words_kept_for_it(qtbot, tmp_path, monkeypatch):
    quit_day = date(2026, 11, 27)  # a Friday; the next start on Monday
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day)
    monday = date(2026, 11, 30)
    at(monkeypatch, monday)
    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    window = main.window_frame(settings, folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    stand_in = window.findChild(LastWeekStandIn)
    assert stand_in is not None and stand_in.isVisible() and window.week_in_words is stand_in
    shown = stand_in.texts()
    assert "Week 49, as of Monday 30 November 2026, so far this week" in shown

    db = open_database(database_path(folder))
    try:
        main.build_window(db, folder, settings, window)
        QApplication.processEvents()
        overview = window.view("overview")
        assert window.stack.currentWidget() is overview
        for label in (overview.week_line, overview.workload.headline, overview.workload.words,
                      overview.caseload.headline, overview.caseload.words,
                      overview.sustained.text):
            assert label.text() in shown
    finally:
        db.close()


def test_a_calm_panel_closed_with_not_now_stays_closed_on_the_coming_days(
        qtbot, tmp_path, monkeypatch):
    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)

    def not_now(db):
        episode = workload_status(db, quit_day).weighted_episode
        assert episode is not None
        dismiss_sustained_panel(db, episode)

    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day, before_quit=not_now)
    kept = read_coming_days(folder)
    assert kept and not any(words.sustained for words in kept)
    tomorrow = kept[0]
    assert what_the_overview_keeps_on(qtbot, monkeypatch, folder, tmp_path, quit_day
                                      + timedelta(days=1)) == tomorrow


def test_after_a_change_from_elsewhere_the_coming_days_words_are_not_painted(
        qtbot, tmp_path, monkeypatch):
    """A write by another program (a sync, a tool): the words kept are not the data's now.
    (A command of the app's own keeps them again: test_words_after_command.py.)"""
    import sqlite3

    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day)
    tomorrow = quit_day + timedelta(days=1)
    assert coming_day_for_first_frame(folder, "2026-W48", tomorrow.isoformat()) is not None
    other = sqlite3.connect(database_path(folder))
    other.execute("INSERT INTO reductions (reason, percent, start_date) "
                  "VALUES ('Secondment', '60', '2026-11-23')")
    other.commit()
    other.close()
    at(monkeypatch, tomorrow)
    assert coming_day_for_first_frame(folder, "2026-W48", tomorrow.isoformat()) is None
    window = main.window_frame(QSettings(str(tmp_path / "f.ini"), QSettings.Format.IniFormat),
                               folder)
    qtbot.addWidget(window)
    assert window.findChild(LastWeekStandIn) is None


def test_no_words_for_a_day_further_on_than_those_kept(qtbot, tmp_path, monkeypatch):
    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day)
    later = quit_day + timedelta(days=COMING_DAYS + 1)
    year, week, _ = later.isocalendar()
    assert coming_day_for_first_frame(folder, f"{year}-W{week:02d}", later.isoformat()) is None
    at(monkeypatch, later)
    window = main.window_frame(QSettings(str(tmp_path / "f.ini"), QSettings.Format.IniFormat),
                               folder)
    qtbot.addWidget(window)
    assert window.findChild(LastWeekStandIn) is None


def test_a_write_from_elsewhere_before_the_quit_leaves_no_coming_days_words_painted(
        qtbot, tmp_path, monkeypatch):
    """Another process wrote a moment before the quit: the week's words are not kept, and the
    coming days' kept before are not painted (they are the data's before that write)."""
    import sqlite3

    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    quit_on(qtbot, monkeypatch, folder, tmp_path, quit_day)
    db = open_database(database_path(folder))
    try:
        view = overview_on(qtbot, db, tmp_path, quit_day)
        keep_week(view, db, folder)
        other = sqlite3.connect(database_path(folder))
        other.execute("INSERT INTO settings (key, value) VALUES ('beside', '1')")
        other.commit()
        other.close()
        keep_week(view, db, folder, at_quit=True)
    finally:
        db.close()
    assert read_snapshot(folder) is None
    tomorrow = quit_day + timedelta(days=1)
    assert coming_day_for_first_frame(folder, "2026-W48", tomorrow.isoformat()) is None


def test_after_a_night_with_the_window_open_the_coming_days_words_stay_true(
        qtbot, tmp_path, monkeypatch):
    """Quit the morning after, the Overview still saying yesterday's week: those words are not
    kept, but the coming days' kept yesterday still are, and the next day's start paints its
    own, the Overview's on that day."""
    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    db = open_database(database_path(folder))
    try:
        view = overview_on(qtbot, db, tmp_path, quit_day)
        keep_week(view, db, folder)
        keep_week(view, db, folder, at_quit=True)  # as the timer would have, that evening
        at(monkeypatch, quit_day + timedelta(days=1))
        keep_week(view, db, folder, at_quit=True)  # the quit, the next morning
    finally:
        db.close()
    assert read_snapshot(folder) is None
    later = quit_day + timedelta(days=2)
    kept = coming_day_for_first_frame(folder, "2026-W48", later.isoformat())
    overview = what_the_overview_keeps_on(qtbot, monkeypatch, folder, tmp_path, later)
    assert kept is not None and overview is not None
    assert kept._replace(data_state="") == overview._replace(data_state="")


def test_an_app_that_never_quits_cleanly_still_leaves_the_coming_days_words(
        qtbot, tmp_path, monkeypatch):
    """A moment after the week is kept (a crash or a power cut later, no quit): the next day's
    first start has its words, the Overview's on that day."""
    monkeypatch.setattr("ui.overview.last_week_stand_in.COMING_DAYS_AFTER_MS", 0)
    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    db = open_database(database_path(folder))
    try:
        view = overview_on(qtbot, db, tmp_path, quit_day)
        keep_week(view, db, folder)  # once the data shows, as after each change shown
        assert not coming_days_path(folder).exists()  # not yet: after the keep, in a moment
        with qtbot.waitSignal(view.coming_days_timer.timeout):
            pass
        assert coming_days_path(folder).exists()
    finally:
        db.close()
    tomorrow = quit_day + timedelta(days=1)
    kept = coming_day_for_first_frame(folder, "2026-W48", tomorrow.isoformat())
    overview = what_the_overview_keeps_on(qtbot, monkeypatch, folder, tmp_path, tomorrow)
    assert kept is not None and overview is not None
    assert kept._replace(data_state="") == overview._replace(data_state="")


def test_no_coming_days_are_kept_once_the_weeks_words_are_deleted(qtbot, tmp_path, monkeypatch):
    """Encryption turned on, delete-all or a restore between the keep and that moment: the
    week's words are gone, and no coming days' words are written after them."""
    from core.store.week_snapshot import forget_snapshot

    monkeypatch.setattr("ui.overview.last_week_stand_in.COMING_DAYS_AFTER_MS", 0)
    quit_day = date(2026, 11, 25)
    folder = demo_folder(tmp_path, monkeypatch, quit_day)
    db = open_database(database_path(folder))
    try:
        view = overview_on(qtbot, db, tmp_path, quit_day)
        keep_week(view, db, folder)
        forget_snapshot(folder)
        with qtbot.waitSignal(view.coming_days_timer.timeout):
            pass
    finally:
        db.close()
    assert not coming_days_path(folder).exists()
