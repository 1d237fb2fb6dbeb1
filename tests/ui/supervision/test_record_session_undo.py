"""Record a session…: one Return in its first field records the session (a session with nothing
typed is one the practitioner may mean: it was held), and that is said and taken back with
Ctrl+Z, the notes it marked discussed back on the agenda. Deleting a past session does the same."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.common import clock
from core.supervision.agenda import open_agenda
from core.supervision.sessions import list_sessions
from ui.supervision.session_dialog import SessionDialog
from ui.widgets import announce, return_guard
from ui.widgets.date_fields import format_date

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def heard():
    said: list[tuple[str, bool]] = []
    listener = lambda text, assertive: said.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_return_in_the_date_records_says_so_and_ctrl_z_takes_it_back(demo_window, db, qtbot,
                                                                      heard):
    return_guard.install()
    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    notes = [i.id for i in open_agenda(db)]
    sessions = len(list_sessions(db))
    assert len(notes) >= 5
    seen: list[str] = []

    def press_return() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionDialog)
        seen.append(dialog.marks.text())
        dialog.held_on.setFocus()
        qtbot.keyClick(dialog.held_on, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_return)
    view.record_button.click()
    today = format_date(clock.today())
    # Beside the date, before anything is recorded: what recording will do, in numbers.
    assert seen == [f"Recording it marks the {len(notes)} notes gathered up to {today} as "
                    "discussed: they leave the agenda (Ctrl+Z brings them back)."]
    assert len(list_sessions(db)) == sessions + 1 and open_agenda(db) == []
    assert heard[-1] == (f"Recorded the session of {today}: {len(notes)} notes marked "
                         "discussed. Undo with Ctrl+Z.", False)
    assert demo_window.undo_stack.canUndo()
    demo_window.undo_stack.undo()
    assert [i.id for i in open_agenda(db)] == notes and len(list_sessions(db)) == sessions
    assert view.agenda_model.rowCount() == len(notes)
    assert heard[-1] == (f"Took back the session of {today}. {len(notes)} notes are on the "
                         "agenda again.", False)
    demo_window.undo_stack.redo()
    assert open_agenda(db) == [] and heard[-1][0].startswith(f"Recorded the session of {today}")


def test_deleting_a_session_says_its_notes_go_back_and_puts_them_back(demo_window, db,
                                                                       monkeypatch, heard):
    from core.supervision.meeting import record_session
    from core.supervision.sessions import Session

    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    notes = [i.id for i in open_agenda(db)]
    record_session(db, Session(clock.today()))
    view.refresh()
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    panel = view.past_sessions
    panel.table.selectRow(0)
    panel.delete_button.click()
    assert f"The {len(notes)} notes it marked discussed go back on the agenda." in asked[0]
    assert [i.id for i in open_agenda(db)] == notes
    demo_window.undo_stack.undo()
    assert open_agenda(db) == []
