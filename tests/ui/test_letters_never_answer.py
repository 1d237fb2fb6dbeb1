"""A letter typed alone never answers a question: each question that changes or deletes data is
opened the way the user opens it, and on each of its controls "yesterday" (the quick entry
line's own words, typed on as the overlap question opened) and every letter a to z are typed;
the question is still open afterwards and the data is as it was. Alt and the letter still answer.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from core.caseload.models import Reduction
from core.time.time_entries import TimeEntry, TimeStore
from tests.ui.test_return_never_destroys import _controls
from ui.shell.hub import Hub
from ui.widgets import confirm, return_guard

pytestmark = pytest.mark.qt_log_ignore("does not support")
TYPED = ["yesterday", *string.ascii_lowercase]  # "y" first: Yes, as typing on gave it
TODAY = date.today()


def letters_on_each_control(open_question: Callable[[], object],
                            unchanged: Callable[[], bool]) -> list[str]:
    """Open the question, type every letter (and "yesterday") on each of its controls, then
    leave with Escape. The data must be unchanged; returns the question's button labels."""
    return_guard.install()
    seen: dict[str, object] = {}

    def type_letters() -> None:
        question = QApplication.activeModalWidget()
        if not isinstance(question, QMessageBox):  # not on screen yet: look again once it is
            QTimer.singleShot(5, type_letters)
            return
        seen["buttons"] = [b.text() for b in question.buttons()]
        for control in _controls(question):
            control.setFocus()
            for typed in TYPED:
                QTest.keyClicks(control, typed)
                # A button a key presses goes down at once and clicks a moment later.
                pressed = [b.text() for b in question.buttons() if b.isDown()]
                if pressed or question.clickedButton() is not None or not question.isVisible():
                    seen["answered"] = (typed, control.text(), pressed)
                    return
        seen["open"] = question.isVisible()
        QTest.keyClick(question, Qt.Key.Key_Escape)

    QTimer.singleShot(0, type_letters)
    open_question()
    assert "answered" not in seen, f"a letter alone answered: {seen['answered']}"
    assert seen.get("open"), "the question never appeared"
    assert unchanged(), "typing letters in the question changed the data"
    return seen["buttons"]  # type: ignore[return-value]


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_standard_yes_no_question_takes_no_letter_but_alt_and_the_letter(qtbot, parent):
    answers: list[object] = []
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    buttons = letters_on_each_control(
        lambda: answers.append(QMessageBox.question(parent, "Delete note", "Delete this note?",
                                                    yes | no, no)), lambda: answers == [no])
    assert any("&" in b for b in buttons), "Yes and No have underlined letters to type"

    def alt_y() -> None:
        question = QApplication.activeModalWidget()
        if question is None:
            QTimer.singleShot(5, alt_y)
            return
        question.activateWindow()  # as the desktop would; offscreen nothing else does
        qtbot.waitUntil(question.isActiveWindow)
        QTest.keyClick(question.focusWidget() or question, Qt.Key.Key_Y,
                       Qt.KeyboardModifier.AltModifier)

    QTimer.singleShot(0, alt_y)
    assert QMessageBox.question(parent, "Delete note", "Delete this note?", yes | no, no) == yes


def test_questions_the_app_asks_with_its_own_words(qtbot, parent):
    answers: list[bool] = []
    for title, text, yes, no in (
            ("Replace the file?", "summary.pdf already exists. Replace it?", "&Replace", "&Keep it"),
            ("End meeting", "End the meeting and record it?", "&End and record", "Keep &going")):
        letters_on_each_control(
            lambda t=title, q=text, y=yes, n=no: answers.append(confirm.ask(parent, t, q, y, n)),
            lambda: not any(answers))


def test_logged_time_is_not_shortened_by_typing_on(qtbot, db, parent):
    from core.time.activities import list_activities
    from ui.time.time_operations import apply_with_trim

    store, day = TimeStore(db), date(2026, 11, 18)
    activity = list_activities(db)[0].id
    store.log_time(TimeEntry(day, 60, activity, time(9), time(10)))
    before = store.entries_on(day)
    later = TimeEntry(day, 40, activity, time(9, 30), time(10, 10))
    buttons = letters_on_each_control(
        lambda: apply_with_trim(parent, lambda trim: store.log_time(later, trim=trim)),
        lambda: store.entries_on(day) == before)
    assert "&Yes" in buttons


def test_a_note_a_session_a_reduction_or_a_report_is_not_deleted(qtbot, db):
    from core.supervision.agenda import add_agenda_item, open_agenda
    from core.supervision.meeting import record_session
    from core.supervision.sessions import Session, list_sessions
    from core.workload.reductions import add_reduction, add_report, list_reductions, list_reports
    from ui.settings.reductions_page import ReductionsPage
    from ui.supervision.supervision_view import SupervisionView

    hub = Hub()
    add_agenda_item(db, "learning", "ARMS training")
    record_session(db, Session(TODAY - timedelta(days=3)))
    add_reduction(db, Reduction("Court duty", TODAY - timedelta(days=30), hours_per_week=3.0),
                  37.0)
    add_report(db, "fast", TODAY - timedelta(days=2))
    view = SupervisionView(db, hub)
    qtbot.addWidget(view)
    view.show()
    view.agenda_view.selectRow(0)
    letters_on_each_control(view.delete_note_button.click, lambda: len(open_agenda(db)) == 1)
    view.past_sessions.table.selectRow(0)
    letters_on_each_control(view.past_sessions.delete_button.click,
                            lambda: len(list_sessions(db)) == 1)
    page = ReductionsPage(db, hub)
    qtbot.addWidget(page)
    page.show()
    page.reductions_view.selectRow(0)
    letters_on_each_control(page.delete_reduction, lambda: len(list_reductions(db)) == 1)
    page.reports_view.selectRow(0)
    letters_on_each_control(page.delete_report, lambda: len(list_reports(db)) == 1)


def test_a_backup_is_not_restored_and_encryption_not_turned_off(qtbot, db, parent, tmp_path):
    from core.store.backup import make_backup
    from core.supervision.agenda import add_agenda_item, open_agenda
    from ui.settings.data_actions import DataActions

    backup = make_backup(db, tmp_path)
    add_agenda_item(db, "learning", "Made after the backup")
    actions = DataActions(parent, db, Hub(), tmp_path / "caseload.db", tmp_path)
    path = getattr(backup, "path", backup)
    letters_on_each_control(lambda: actions.restore(path), lambda: len(open_agenda(db)) == 1)
    answers: list[bool] = []
    letters_on_each_control(lambda: answers.append(actions._ask(
        "Turn encryption off?", "Your data file will be saved without encryption.")),
        lambda: answers == [False])


def test_the_weightings_are_neither_restored_nor_taken_back(qtbot, db):
    from core.workload.weightings import list_changes, weightings_as_of
    from ui.settings.weightings_page import WeightingsPage

    today = date(2026, 11, 25)
    page = WeightingsPage(db, Hub(), today=lambda: today)
    qtbot.addWidget(page)
    page.scalars["report.standard"].setText("150")
    assert page.save()
    before = (weightings_as_of(db, today), list_changes(db))
    same = lambda: (weightings_as_of(db, today), list_changes(db)) == before  # noqa: E731
    letters_on_each_control(page.restore, same)
    page.changes.selectRow(0)
    letters_on_each_control(page.take_back_selected, same)


def test_the_recovery_screen_neither_restores_nor_starts_fresh(qtbot, data_dir):
    from core.store.backup import make_backup
    from core.store.database import open_database
    from tests.demo_copy import demo_into
    from ui.shell.recovery_screen import RecoveryScreen

    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    backup = make_backup(db, data_dir)
    db.close()
    damaged = data_dir / "caseload.db"
    damaged.write_bytes(b"this was my caseload file before the laptop crashed" * 50)
    files = sorted(p.name for p in data_dir.iterdir())
    screen = RecoveryScreen(damaged, data_dir / "backups", "damaged")
    qtbot.addWidget(screen)
    same = lambda: sorted(p.name for p in data_dir.iterdir()) == files  # noqa: E731
    letters_on_each_control(lambda: screen.restore(getattr(backup, "path", backup)), same)
    letters_on_each_control(screen._start_fresh, same)
    assert screen.outcome is None


def test_the_meetings_pdf_is_not_saved_by_a_letter(qtbot, db, parent, monkeypatch):
    from ui.supervision.meeting_operations import offer_pdf

    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a) or ("", ""))
    buttons = letters_on_each_control(lambda: offer_pdf(parent, db, TODAY - timedelta(days=28),
                                                        TODAY), lambda: not asked)
    assert "Save" in buttons
