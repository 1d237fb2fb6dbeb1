"""Questions asked before saving (issue 15): what was left out to fit one page, replacing an
existing file, and text that looks like a name; and overdue actions marked in the agenda."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QThreadPool

from core.common.names import NAME_QUESTION
from tests.demo_copy import demo_into
from core.supervision.agenda import add_agenda_item
from core.supervision.sessions import Action, add_action, list_actions
from core.time.time_entries import TimeStore
from ui.supervision.agenda_note_dialog import AgendaNoteDialog
from ui.supervision.export_dialog import ExportDialog
from ui.supervision.supervision_models import ACTION_COLUMNS
from ui.time.quick_entry_line import QuickEntryLine
from ui.widgets.announce import add_listener, remove_listener

TODAY = date(2026, 11, 28)


class Answers:
    """Stands in for ui.widgets.confirm.ask: records each question and gives set answers."""

    def __init__(self, *answers: bool):
        self.asked: list[str] = []
        self.answers = list(answers)

    def __call__(self, parent, title, text, yes, no, default_yes=False) -> bool:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else False


@pytest.fixture
def answers(monkeypatch):
    def install(*given: bool) -> Answers:
        stand_in = Answers(*given)
        monkeypatch.setattr("ui.widgets.confirm.ask", stand_in)
        return stand_in
    return install


def _dialog(qtbot, db, tmp_path, fmt="md"):
    dialog = ExportDialog(db, pool=QThreadPool())
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(tmp_path / f"supervision.{fmt}"))
    return dialog


def test_the_dialog_says_what_was_left_out_before_saving(qtbot, db, tmp_path, answers):
    demo_into(db)
    for n in range(5):
        add_agenda_item(db, "learning", f"learning note {n}")
    asked = answers(False)  # Back
    dialog = _dialog(qtbot, db, tmp_path, "pdf")
    dialog.save_button.click()
    assert asked.asked[0].startswith("To fit one page:")
    assert "older learning notes not shown" in asked.asked[0]
    assert dialog.status.text() == asked.asked[0]
    assert not (tmp_path / "supervision.pdf").exists()


def test_markdown_has_no_page_to_fit_so_nothing_is_asked_or_left_out(qtbot, db, tmp_path,
                                                                     answers):
    demo_into(db)
    for n in range(5):
        add_agenda_item(db, "learning", f"learning note {n}")
    asked = answers(True)
    dialog = _dialog(qtbot, db, tmp_path, "md")
    work = dialog.prepare()
    assert work is not None and not any("one page" in q for q in asked.asked)
    assert all(f"learning note {n}" in work.text for n in range(5))
    assert "one page" not in work.text


def test_an_existing_file_is_replaced_only_when_the_user_says_so(qtbot, db, tmp_path, answers):
    target = tmp_path / "supervision.md"
    target.write_text("mine")
    asked = answers(False)  # Keep it
    dialog = _dialog(qtbot, db, tmp_path)
    said: list[tuple[str, bool]] = []
    add_listener(listener := lambda text, assertive: said.append((text, assertive)))
    try:
        dialog.save_button.click()
    finally:
        remove_listener(listener)
    assert asked.asked == [f"supervision.md already exists in {tmp_path}. Replace it?"]
    assert target.read_text() == "mine"
    # Kept: seen in the dialog and said, politely, once (before, nothing said the file stayed).
    assert said == [("Kept the file; nothing saved.", False)]
    assert dialog.status.isVisibleTo(dialog) and dialog.status.text() == said[0][0]
    answers(True)  # Replace
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.save_button.click()
    assert target.read_text().startswith("**OFFICIAL**")
    dialog._pool.waitForDone()


def test_reduction_reasons_are_a_tick_for_this_export(qtbot, db, tmp_path):
    dialog = _dialog(qtbot, db, tmp_path)
    assert not dialog.options().include_reasons
    dialog.include_reasons.setChecked(True)
    assert dialog.options().include_reasons


def test_a_note_that_looks_like_a_name_is_asked_about_before_saving(qtbot, answers):
    asked = answers(False, True)  # Edit, then Save anyway
    dialog = AgendaNoteDialog("going_well", [])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Visit to Mr Jones about his tenancy")
    dialog.accept()
    assert asked.asked == [NAME_QUESTION]
    assert dialog.result() != AgendaNoteDialog.DialogCode.Accepted  # Edit: still open
    dialog.accept()
    assert dialog.result() == AgendaNoteDialog.DialogCode.Accepted
    assert NAME_QUESTION == ("This looks like a name. Keep workload only: use a case reference "
                             "instead.")


def test_a_workload_note_is_saved_without_a_question(qtbot, answers):
    asked = answers()
    dialog = AgendaNoteDialog("going_well", [])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Home visit to C07 went well")
    dialog.accept()
    assert asked.asked == [] and dialog.result() == AgendaNoteDialog.DialogCode.Accepted


def test_a_quick_time_entry_with_a_name_is_asked_about(qtbot, db, answers):
    demo_into(db)
    asked = answers(False)  # Edit
    line = QuickEntryLine(db, clock=lambda: datetime(2026, 11, 27, 17, 0))
    qtbot.addWidget(line)
    line.setText("09:30-10:15 home visit @C07 with John Smith")
    before = len(TimeStore(db).entries_between(date(2026, 11, 27), date(2026, 11, 27)))
    assert line.submit() is None
    assert asked.asked == [NAME_QUESTION] and line.text().endswith("John Smith")
    assert len(TimeStore(db).entries_between(date(2026, 11, 27), date(2026, 11, 27))) == before


def test_an_overdue_action_says_so_in_the_agenda(db):
    add_action(db, Action("Book protected time", "me", date.today() - timedelta(days=1)))
    add_action(db, Action("Ask for admin help", "me", date.today() + timedelta(days=1)))
    status = next(c for c in ACTION_COLUMNS if c.header == "Status")
    shown = {a.text: status.text(a) for a in list_actions(db)}
    assert shown == {"Book protected time": "Overdue", "Ask for admin help": "Open"}


def test_a_case_note_from_the_caseload_is_asked_about_too(qtbot, answers):
    from ui.caseload.case_note_dialog import CaseNoteDialog

    asked = answers(False)  # Edit
    dialog = CaseNoteDialog("C07")
    qtbot.addWidget(dialog)
    dialog.text.setText("Discuss C07 with Dr Okafor")
    dialog.accept()
    assert asked.asked == [NAME_QUESTION]
    assert dialog.result() != CaseNoteDialog.DialogCode.Accepted


def test_an_agreed_action_with_a_name_is_asked_about(qtbot, answers):
    from ui.supervision.session_dialog import SessionDialog

    asked = answers(False)  # Edit
    dialog = SessionDialog([], today=TODAY)
    qtbot.addWidget(dialog)
    text, owner, _due = dialog.action_rows[0]
    text.setText("Ring Mrs Patel about the hostel place")
    owner.setText("me")
    dialog.accept()
    assert asked.asked == [NAME_QUESTION]
    assert dialog.result() != SessionDialog.DialogCode.Accepted


def test_a_typed_reduction_reason_with_a_name_is_asked_about(qtbot, answers):
    from ui.settings.reduction_dialog import ReductionDialog

    asked = answers(True)  # Save anyway
    dialog = ReductionDialog(37)
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentText("Cover for Jane Smith")
    dialog.accept()
    assert asked.asked == [NAME_QUESTION]


def test_a_time_entry_note_with_a_name_is_asked_about(qtbot, db, answers):
    from ui.time.time_entry_dialog import TimeEntryDialog

    asked = answers(False)  # Edit
    dialog = TimeEntryDialog(db)
    qtbot.addWidget(dialog)
    dialog.note.setText("Home visit with Sir Keir about his order")
    dialog.accept()
    assert asked.asked == [NAME_QUESTION]
    assert dialog.result() != TimeEntryDialog.DialogCode.Accepted


def test_a_file_chosen_in_the_save_dialog_is_not_asked_about_twice(qtbot, db, tmp_path, answers,
                                                                 monkeypatch):
    target = tmp_path / "chosen.md"
    target.write_text("mine")
    monkeypatch.setattr("ui.supervision.export_dialog.QFileDialog.getSaveFileName",
                        lambda *args: (str(target), ""))  # that dialog asked about replacing
    asked = answers()
    dialog = _dialog(qtbot, db, tmp_path)
    dialog.browse.click()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.save_button.click()
    assert asked.asked == [] and target.read_text().startswith("**OFFICIAL**")
    dialog._pool.waitForDone()


def test_saving_leaves_the_open_dialog_the_same_object_to_a_screen_reader(qtbot, db, tmp_path):
    # A plain method connected at run time changed the dialog's meta-object and Qt made it a new
    # accessible object: Orca then read the whole dialog twice as the keyboard came back to it.
    from PySide6.QtGui import QAccessible

    dialog = _dialog(qtbot, db, tmp_path)
    before = QAccessible.uniqueId(QAccessible.queryAccessibleInterface(dialog))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.save_button.click()
    dialog._pool.waitForDone()
    assert QAccessible.uniqueId(QAccessible.queryAccessibleInterface(dialog)) == before


@pytest.mark.qt_log_ignore("does not support")  # the offscreen platform, as the dialog shows
def test_saving_again_to_a_new_name_chosen_earlier_asks_before_replacing(qtbot, db, tmp_path,
                                                                          monkeypatch):
    """A name the file dialog offered new agreed to nothing: once the summary is saved there,
    saving again (a period changed) asks "Replace the file?", and Return keeps the file. Before,
    the name chosen counted as agreed for every later save, and Return, Return replaced it."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.widgets import return_guard

    return_guard.install()
    target = tmp_path / "supervision-new.md"
    monkeypatch.setattr("ui.supervision.export_dialog.QFileDialog.getSaveFileName",
                        lambda *args: (str(target), ""))  # a new name: nothing was asked
    dialog = _dialog(qtbot, db, tmp_path)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.browse.click()
    assert dialog.save_button.hasFocus()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        QTest.keyClick(dialog.save_button, Qt.Key.Key_Return)
    dialog._pool.waitForDone()
    saved = target.stat()
    asked: list[str] = []

    def answer_with_return() -> None:
        question = QApplication.activeModalWidget()
        if question is None or question is dialog:
            QTimer.singleShot(5, answer_with_return)
            return
        asked.append(question.windowTitle())
        QTest.keyClick(question.focusWidget() or question, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_with_return)
    dialog.save_button.setFocus()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Return)
    dialog._pool.waitForDone()
    assert asked == ["Replace the file?"]
    assert (target.stat().st_ino, target.stat().st_mtime_ns) == (saved.st_ino,
                                                                  saved.st_mtime_ns)
    assert dialog.status.text() == "Kept the file; nothing saved."
