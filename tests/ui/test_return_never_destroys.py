"""Return never destroys: in every dialog that deletes or overwrites, Return pressed on each of
its controls in turn (the destructive button included) leaves the data as it was.

Each case opens the real question the way the user does, then, once it is on screen, puts the
focus on one control and presses Return; the question is opened again for the next control.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Reduction
from ui.shell.hub import Hub
from ui.widgets import return_guard
from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _controls(dialog: QWidget) -> list[QWidget]:
    return [w for w in dialog.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def return_on_each_control(qtbot, open_question: Callable[[], object],
                           unchanged: Callable[[], bool],
                           prepare: Callable[[QWidget], None] = lambda d: None) -> int:
    """Open the question once per control; press Return there; the data must be unchanged.
    Returns how many controls were tried (so a test can say it tried some)."""
    return_guard.install()
    index, count = 0, 1
    while index < count:
        seen: dict[str, object] = {}

        def poke(index: int = index, seen: dict = seen) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:  # not shown yet: look again once the question is on screen
                QTimer.singleShot(5, lambda: poke(index, seen))
                return
            prepare(dialog)
            controls = _controls(dialog)
            seen["count"] = len(controls)
            target = controls[index]
            target.setFocus()
            QTest.keyClick(target, Qt.Key.Key_Return)
            if dialog.isVisible():  # Return did nothing here: leave as a user would, Escape
                seen["still_open"] = True
                QTest.keyClick(dialog, Qt.Key.Key_Escape)

        QTimer.singleShot(0, poke)
        open_question()
        assert "count" in seen, "the question never appeared"
        assert unchanged(), f"Return on control {index} of the question changed the data"
        count = int(seen["count"])  # type: ignore[arg-type]
        index += 1
    return count


TODAY = date.today()


@pytest.fixture
def closed_cases(db):
    store = CaseStore(db)
    for ref, days in (("C01", None), ("C07", 40), ("C12", 400)):
        case = store.add_case(Case(ref, "community", "B2", date(2024, 1, 8)))
        if days is not None:
            store.close_case(case.id, TODAY - timedelta(days=days), "completed")
    return store


def test_delete_closed_cases_from_the_caseload(qtbot, db, closed_cases):
    from ui.caseload.caseload_view import CaseloadView

    view = CaseloadView(db, Hub())
    qtbot.addWidget(view)
    view.show()
    before = closed_cases.references()
    tried = return_on_each_control(qtbot, view.retention_notice.review_button.click,
                                   lambda: closed_cases.references() == before)
    assert tried >= 3  # the table, Delete, Keep


def test_delete_closed_cases_from_settings_and_delete_all(qtbot, db, closed_cases, tmp_path):
    from ui.settings.data_actions import DataActions
    from ui.settings.delete_all_dialog import CONFIRM_WORD

    parent = QWidget()
    qtbot.addWidget(parent)
    actions = DataActions(parent, db, Hub(), tmp_path / "caseload.db", tmp_path)
    before = closed_cases.references()
    return_on_each_control(qtbot, actions.delete_closed_cases,
                           lambda: closed_cases.references() == before)

    def typed(dialog: QWidget) -> None:  # the word typed, so the button is ready to press
        for field in dialog.findChildren(LineField):
            field.setText(CONFIRM_WORD)

    tried = return_on_each_control(qtbot, actions.delete_all,
                                   lambda: closed_cases.references() == before, typed)
    assert tried >= 4  # the word, the backups box, Delete all, Cancel


def test_questions_that_delete_a_note_a_reduction_a_report_or_a_session(qtbot, db):
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
    return_on_each_control(qtbot, view.delete_note_button.click,
                           lambda: len(open_agenda(db)) == 1)
    sessions = view.past_sessions
    sessions.table.selectRow(0)
    return_on_each_control(qtbot, sessions.delete_button.click,
                           lambda: len(list_sessions(db)) == 1)
    page = ReductionsPage(db, hub)
    qtbot.addWidget(page)
    page.show()
    page.reductions_view.selectRow(0)
    return_on_each_control(qtbot, page.delete_reduction, lambda: len(list_reductions(db)) == 1)
    page.reports_view.selectRow(0)
    return_on_each_control(qtbot, page.delete_report, lambda: len(list_reports(db)) == 1)


def test_replacing_a_file_and_restoring_a_backup_ask_with_no_as_the_answer_to_return(qtbot, db,
                                                                                   tmp_path):
    from ui.settings.data_actions import DataActions
    from ui.widgets import confirm

    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[bool] = []
    return_on_each_control(qtbot, lambda: answers.append(confirm.ask(
        parent, "Replace the file?", "summary.pdf already exists. Replace it?", "Replace",
        "Keep it")), lambda: not any(answers))
    actions = DataActions(parent, db, Hub(), tmp_path / "caseload.db", tmp_path)
    return_on_each_control(qtbot, lambda: answers.append(actions._ask(
        "Restore this backup?", "Your data will be replaced by the backup.")),
        lambda: not any(answers))


def test_ctrl_z_in_the_window_brings_deleted_closed_cases_back(demo_window, db, qtbot,
                                                              monkeypatch):
    from core.caseload.retention import closed_before, get_retention_days
    from ui.caseload.retention_review_dialog import RetentionReviewDialog
    from ui.settings.data_actions import delete_closed_after_confirming

    store = CaseStore(db)
    due = closed_before(db, get_retention_days(db), TODAY)
    assert due, "the demo data has closed cases past the retention period"
    before = store.references()
    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(lambda *a, **k: True))
    demo_window.show_view("settings")
    deleted = delete_closed_after_confirming(demo_window, db, demo_window.hub, TODAY)
    assert {c.reference for c in deleted} == {c.reference for c in due}
    assert store.references() == before - {c.reference for c in due}
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    QTest.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.references() == before


def test_return_presses_the_focused_button_in_the_main_window(demo_window, qtbot):
    from PySide6.QtWidgets import QPushButton

    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    button = next(b for b in view.findChildren(QPushButton)
                  if b.isVisible() and b.isEnabled() and "New case" in b.text().replace("&", ""))
    opened: list[bool] = []
    button.clicked.disconnect()
    button.clicked.connect(lambda: opened.append(True))
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    button.setFocus()
    with qtbot.waitSignal(button.clicked, timeout=2000):
        QTest.keyClick(button, Qt.Key.Key_Return)
    assert opened == [True]
