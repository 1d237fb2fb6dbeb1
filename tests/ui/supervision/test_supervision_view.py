"""The Supervision view: notes, recording a session that carries actions forward, exporting off the UI thread."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from core.supervision.agenda import add_agenda_item, open_agenda
from tests.demo_copy import demo_into
from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session, open_actions
from ui.supervision.agenda_note_dialog import AgendaNoteDialog, NoteDraft
from ui.supervision.export_dialog import ExportDialog
from ui.shell.hub import Hub
from ui.supervision.session_dialog import SessionDialog, SessionRecord
from ui.supervision.supervision_view import SupervisionView
from ui.widgets import announce


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def view(qtbot, db, hub):
    widget = SupervisionView(db, hub)
    qtbot.addWidget(widget)
    return widget


def test_an_empty_agenda_says_how_to_fill_it(view):
    assert view.agenda_model.rowCount() == 0
    assert "Nothing on the agenda yet" in view.agenda_empty.text()
    assert "No session recorded yet" in view.period.text()


def test_adding_a_note_shows_it_and_tells_the_other_views(view, hub, qtbot, monkeypatch):
    monkeypatch.setattr(AgendaNoteDialog, "get_note",
                        staticmethod(lambda *a, **k: NoteDraft("going_well", "Good joint visit")))
    from ui.widgets import announce

    heard: list[tuple[str, bool]] = []
    listener = lambda text, assertive: heard.append((text, assertive))  # noqa: E731
    announce.add_listener(listener)
    try:
        with qtbot.waitSignal(hub.supervisionChanged):
            view.add_buttons["going_well"].click()
    finally:
        announce.remove_listener(listener)
    assert [i.text for i in view.agenda_model.items()] == ["Good joint visit"]
    assert heard == [("Going well note added to the agenda.", False)]  # heard, not only seen


def test_recording_a_session_carries_open_actions_forward(view, db, hub, qtbot, monkeypatch):
    earlier = record_session(
        db, Session(date.today() - timedelta(weeks=4), actions=[Action("Book parole time"), Action("Ask for admin")]),
    )
    add_agenda_item(db, "request", "Pause allocations")
    view.refresh()
    assert view.action_model.rowCount() == 2
    record = SessionRecord(
        Session(date.today(), "SPO", actions=[Action("Review caseload", "SPO")]),
        {earlier.actions[0].id: "done"},
    )
    monkeypatch.setattr(SessionDialog, "get_session", staticmethod(lambda *a, **k: record))
    with qtbot.waitSignal(hub.supervisionChanged):
        view.record_button.click()
    assert sorted(a.text for a in view.action_model.items()) == ["Ask for admin", "Review caseload"]
    assert view.agenda_model.rowCount() == 0 and open_agenda(db) == []
    assert "Since your last session on" in view.period.text()


def test_deleting_a_note_asks_first(view, db, qtbot, monkeypatch):
    add_agenda_item(db, "learning", "ARMS training")
    view.refresh()
    view.agenda_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view.delete_note_button.click()
    assert view.agenda_model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        view.delete_note_button.click()
    finally:
        announce.remove_listener(listener)
    assert view.agenda_model.rowCount() == 0
    assert heard == ["Deleted the note “ARMS training”."]  # which one, not just "the note"


def test_marking_an_action_done_takes_it_off_the_list(view, db, qtbot):
    record_session(db, Session(date.today() - timedelta(days=3), actions=[Action("Check rota")]))
    view.refresh()
    view.action_view.selectRow(0)
    view.done_button.click()
    assert view.action_model.rowCount() == 0 and open_actions(db) == []


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_export_dialog_saves_the_file_off_the_ui_thread(qtbot, db, tmp_path, fmt, monkeypatch):
    demo_into(db)
    monkeypatch.setattr("ui.widgets.confirm.ask", lambda *args: True)  # Save, if it asks
    pool = QThreadPool()
    dialog = ExportDialog(db, pool=pool)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    target = tmp_path / f"supervision.{fmt}"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.save_button.click()
        assert not dialog.progress.isHidden()  # busy until the worker reports back
    assert Path(blocker.args[0]) == target
    head = target.read_bytes()[:4]
    assert head == b"%PDF" if fmt == "pdf" else head == b"**OF"
    assert "Saved supervision." in dialog.status.text()
    assert dialog.save_button.isEnabled()
    pool.waitForDone()


def test_export_dialog_refuses_a_period_that_ends_before_it_starts(qtbot, db, tmp_path):
    dialog = ExportDialog(db)
    qtbot.addWidget(dialog)
    dialog.start.set_value(date(2026, 11, 20))
    dialog.end.set_value(date(2026, 11, 1))
    dialog.path.setText(str(tmp_path / "s.md"))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.save_button.click()
    assert "starts" in dialog.problems.text()
    assert not (tmp_path / "s.md").exists()


def test_record_a_session_offers_the_agreed_next_supervision(view, db, qtbot, monkeypatch):
    """On demo data the last session agreed a next date: the dialog's next session and each new
    action's due date are that date, as meeting mode and the summary say, not four weeks on."""
    from core.supervision.sessions import next_supervision

    demo_into(db, date.today())
    agreed = next_supervision(db, date.today())
    assert agreed is not None and agreed != date.today() + timedelta(weeks=4)
    shown = {}

    def look(dialog):
        shown["next"] = dialog.next_date.edit.value()
        shown["due"] = [due.edit.value() for _, _, due in dialog.action_rows]
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SessionDialog, "exec", look)
    view.refresh()
    view.record_button.click()
    assert shown["next"] == agreed
    assert shown["due"] and set(shown["due"]) == {agreed}
