"""Past sessions in the Supervision view: listed newest first, corrected, deleted after asking."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session, list_sessions
from ui.widgets.date_fields import format_date
from ui.shell.hub import Hub
from ui.supervision.session_dialog import SessionDialog
from ui.supervision.supervision_view import SupervisionView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only

TODAY = date.today()
OLDEST, MIDDLE, LATEST = (TODAY - timedelta(weeks=w) for w in (12, 8, 4))


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def view(qtbot, db, hub):
    widget = SupervisionView(db, hub)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def sessions(db, view):
    # Recorded out of order, as someone catching up might.
    for held, words in ((MIDDLE, "Pause allocations"), (LATEST, "Admin support agreed\nReview in a month"),
                        (OLDEST, "")):
        record_session(db, Session(held, "SPO", words, actions=[Action("Check rota")]))
    view.refresh()
    view.lower_tabs.setCurrentWidget(view.past_sessions)
    return view.past_sessions


def _shown(panel) -> list[list[str]]:
    return [[panel.proxy.index(r, c).data() for c in range(3)] for r in range(panel.proxy.rowCount())]


def test_with_no_sessions_the_list_says_so(view):
    assert view.past_sessions.empty.isVisibleTo(view.past_sessions)
    assert view.past_sessions.empty.text() == "No sessions recorded yet."
    assert view.lower_tabs.tabText(1) == "Past sessions (0)"
    assert not view.past_sessions.edit_button.isEnabled()


def test_sessions_are_listed_newest_first_with_a_short_line_of_notes(view, sessions):
    assert [s.held_on for s in sessions.sessions()] == [LATEST, MIDDLE, OLDEST]
    assert _shown(sessions)[0] == [format_date(LATEST), "—", "Admin support agreed"]
    assert _shown(sessions)[2][2] == "With SPO"
    assert view.lower_tabs.tabText(1) == "Past sessions (3)"
    assert not sessions.empty.isVisibleTo(view.past_sessions)


def test_enter_edits_the_date_and_the_since_line_follows(view, db, hub, sessions, qtbot, monkeypatch):
    corrected = TODAY - timedelta(days=2)
    seen = []

    def fake_edit(parent, session, today=None):
        seen.append(session)
        return replace(session, held_on=corrected)

    monkeypatch.setattr(SessionDialog, "edit_session", staticmethod(fake_edit))
    from ui.widgets import announce

    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    sessions.table.selectRow(0)
    try:
        with qtbot.waitSignal(hub.supervisionChanged):
            qtbot.keyClick(sessions.table, Qt.Key.Key_Return)
    finally:
        announce.remove_listener(listener)
    assert heard == [(f"Saved the session of {format_date(corrected)}.", False)]  # no window: no undo
    assert seen[0].held_on == LATEST
    assert f"Since your last session on {format_date(corrected)}" in view.period.text()
    assert [s.held_on for s in list_sessions(db)] == [corrected, MIDDLE, OLDEST]
    assert sessions.selected_session().held_on == corrected  # the corrected one stays chosen


def test_a_correction_with_an_identifier_is_refused(view, db, sessions, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    monkeypatch.setattr(SessionDialog, "edit_session",
                        staticmethod(lambda p, s, today=None: replace(s, agreed="Spoke about X123456")))
    sessions.table.selectRow(1)
    sessions.edit_button.click()
    assert "case record number" in warnings[0][2]
    assert list_sessions(db)[1].agreed == "Pause allocations"


def test_the_edit_dialog_is_filled_in_and_keeps_the_session(qtbot, db, sessions):
    original = sessions.sessions()[0]
    dialog = SessionDialog([], parent=None, session=original)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Change a past session"
    assert (dialog.held_on.value(), dialog.with_whom.text()) == (LATEST, "SPO")
    assert dialog.agreed.toPlainText() == "Admin support agreed\nReview in a month"
    assert dialog.status_boxes == {} and dialog.action_rows == []
    dialog.with_whom.setText("Team manager")
    edited = dialog.edited()
    assert (edited.id, edited.with_whom, len(edited.actions)) == (original.id, "Team manager", 1)
    dialog.agreed.setPlainText("About X123456")
    dialog.accept()
    assert "case record number" in dialog.problems.text()
    assert dialog.result() != SessionDialog.DialogCode.Accepted


def test_delete_key_deletes_after_a_confirmation_naming_the_date(view, db, hub, sessions, qtbot, monkeypatch):
    asked = []

    def answer(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    sessions.table.selectRow(0)
    with qtbot.waitSignal(hub.supervisionChanged):
        qtbot.keyClick(sessions.table, Qt.Key.Key_Delete)
    assert format_date(LATEST) in asked[0]
    assert [s.held_on for s in sessions.sessions()] == [MIDDLE, OLDEST]
    assert f"Since your last session on {format_date(MIDDLE)}" in view.period.text()
    assert view.agenda_model.rowCount() == 0 and len(list_sessions(db)) == 2


def test_cancelling_changes_nothing(view, db, hub, sessions, qtbot, monkeypatch):
    before = list_sessions(db)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(SessionDialog, "edit_session", staticmethod(lambda *a, **k: None))
    sessions.table.selectRow(0)
    with qtbot.assertNotEmitted(hub.supervisionChanged):
        sessions.delete_button.click()
        qtbot.keyClick(sessions.table, Qt.Key.Key_Delete)
        sessions.edit_button.click()
        sessions.table.doubleClicked.emit(sessions.proxy.index(0, 0))
    assert list_sessions(db) == before
    assert len(sessions.sessions()) == 3


def test_the_list_is_reached_with_the_keyboard(view, sessions):
    assert sessions.table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert view.lower_tabs.tabBar().focusPolicy() & Qt.FocusPolicy.TabFocus


def test_delete_on_each_list_removes_only_from_that_list(view, db, sessions, qtbot, monkeypatch):
    from core.supervision.agenda import add_agenda_item, open_agenda

    add_agenda_item(db, "learning", "ARMS training")
    view.refresh()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.agenda_view.selectRow(0)
    sessions.table.selectRow(0)
    sessions.table.setFocus()
    qtbot.keyClick(sessions.table, Qt.Key.Key_Delete)
    assert [i.text for i in open_agenda(db)] == ["ARMS training"]
    assert len(list_sessions(db)) == 2
    view.agenda_view.selectRow(0)  # the list was refreshed after the session went
    view.agenda_view.setFocus()
    qtbot.keyClick(view.agenda_view, Qt.Key.Key_Delete)
    assert open_agenda(db) == [] and len(list_sessions(db)) == 2


def test_return_opens_the_row_the_arrows_reached_without_space_first(view, sessions, qtbot,
                                                                    monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    opened = []
    monkeypatch.setattr(SessionDialog, "edit_session",
                        staticmethod(lambda parent, session, *a, **k: opened.append(session)))
    sessions.table.selectionModel().clearSelection()
    sessions.table.selectionModel().setCurrentIndex(
        sessions.proxy.index(1, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    qtbot.keyClick(sessions.table, Qt.Key.Key_Return)
    assert [s.held_on for s in opened] == [MIDDLE]
