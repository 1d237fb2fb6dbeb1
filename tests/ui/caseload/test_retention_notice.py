"""The Caseload view offers to delete cases closed longer ago than the retention period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

import ui.caseload.retention_notice
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.retention import set_retention_days
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.retention_review_dialog import RetentionReviewDialog, review_text
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = date(2026, 11, 28)


@pytest.fixture
def clock(monkeypatch):
    """The notice's today, moved by the test instead of sleeping."""
    now = {"today": TODAY}
    monkeypatch.setattr(ui.caseload.retention_notice, "today", lambda: now["today"])
    return now


@pytest.fixture
def asked(monkeypatch):
    """Confirmations are answered with said["answer"]; each question's text is kept."""
    said: dict[str, object] = {"answer": QMessageBox.StandardButton.Yes, "texts": []}

    def question(_parent, _title, text, *args):
        said["texts"].append(text)
        return said["answer"]

    def review(_parent, cases, days, undoable=True):
        said["texts"].append(review_text(len(cases), days, undoable) + " "
                             + ", ".join(f"{c.reference} closed {c.closed_date}" for c in cases))
        return said["answer"] == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(review))
    return said


@pytest.fixture
def hub():
    return Hub()


def make_view(qtbot, db, hub) -> CaseloadView:
    view = CaseloadView(db, hub)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def add_cases(db, closures: dict[str, int | None]) -> CaseStore:
    """One case per reference, closed that many days before TODAY (None: still open)."""
    store = CaseStore(db)
    for ref, days_ago in closures.items():
        case = store.add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
        if days_ago is not None:
            store.close_case(case.id, TODAY - timedelta(days=days_ago), "completed")
    return store


MIXED = {"C01": None, "C02": 10, "C03": 30, "C07": 31, "C12": 45, "C15": 400}


def test_no_notice_without_long_closed_cases(qtbot, db, hub, clock):
    add_cases(db, {"C01": None, "C02": 10, "C03": 30})
    view = make_view(qtbot, db, hub)
    assert not view.retention_notice.isVisible()


def test_notice_counts_cases_and_confirmation_names_them(qtbot, db, hub, clock, asked):
    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    notice = view.retention_notice
    assert notice.isVisible()
    assert notice.text.text() == ("3 cases closed more than 30 days ago are still stored "
                                  "on this computer.")
    assert "!" not in notice.text.text()
    asked["answer"] = QMessageBox.StandardButton.No
    notice.review_button.click()
    (text,) = asked["texts"]
    assert "C07 closed 2026-10-28" in text and "C12" in text and "C15" in text
    assert "C03" not in text and "C02" not in text
    assert "Ctrl+Z brings them back until you close the window" in text


def test_review_lists_each_case_with_its_closing_date_before_asking(qtbot, db, hub, clock,
                                                                    monkeypatch):
    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    seen = {}

    def answer_no(dialog):  # what the practitioner sees, then "Keep them"
        seen["listed"] = dialog.listed()
        seen["default"] = dialog.keep_button.isDefault()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RetentionReviewDialog, "exec", answer_no)
    with qtbot.assertNotEmitted(hub.casesChanged):
        view.retention_notice.review_button.click()
    assert seen["listed"] == [("C15", "24/10/2025"), ("C12", "14/10/2026"),
                              ("C07", "28/10/2026")]
    assert seen["default"] is True  # Enter alone never deletes


def test_delete_removes_exactly_those_cases_and_hides_the_notice(qtbot, db, hub, clock, asked):
    store = add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    with qtbot.waitSignal(hub.casesChanged, timeout=5000):
        view.retention_notice.review_button.click()
    assert store.references() == {"C01", "C02", "C03"}
    assert not view.retention_notice.isVisible()
    assert view.message.text() == "Deleted 3 closed cases: C07, C12 and C15."
    # Ctrl+Z (the view's undo stack here; the window's in the app) brings all three back.
    view.undo_stack.undo()
    assert store.references() == {"C01", "C02", "C03", "C07", "C12", "C15"}
    assert store.get_case(next(c.id for c in store.list_cases("closed")
                               if c.reference == "C15")).closed_date == TODAY - timedelta(400)
    view.undo_stack.redo()
    assert store.references() == {"C01", "C02", "C03"}
    assert view.model.rowCount() == 3  # the table followed the hub


def test_keep_them_keeps_everything_and_puts_the_offer_off_for_seven_days(qtbot, db, hub,
                                                                          clock, asked):
    store = add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    asked["answer"] = QMessageBox.StandardButton.No  # "Keep them"
    with qtbot.assertNotEmitted(hub.casesChanged):
        view.retention_notice.review_button.click()
    assert store.references() == set(MIXED)
    # As "Not now": the answer was given, and the notice says so until it is next read; it
    # stays under the keyboard, which comes back to the button that opened the question.
    notice = view.retention_notice
    assert notice.text.text().startswith("Nothing deleted: the 3 closed cases are kept.")
    assert notice.review_button.isVisibleTo(view) and not notice.not_now_button.isVisibleTo(view)
    assert not make_view(qtbot, db, hub).retention_notice.isVisible()  # put off, elsewhere
    clock["today"] = TODAY + timedelta(days=6)
    assert not make_view(qtbot, db, hub).retention_notice.isVisible()
    clock["today"] = TODAY + timedelta(days=7)
    assert make_view(qtbot, db, hub).retention_notice.isVisible()


def test_not_now_holds_for_seven_days_across_a_new_view(qtbot, db, hub, clock):
    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    view.retention_notice.not_now_button.click()
    assert not view.retention_notice.isVisible()
    clock["today"] = TODAY + timedelta(days=6)
    again = make_view(qtbot, db, hub)  # as after restarting the app: the choice is in the data
    assert not again.retention_notice.isVisible()
    clock["today"] = TODAY + timedelta(days=7)
    later = make_view(qtbot, db, hub)
    assert later.retention_notice.isVisible()


def test_notice_follows_cases_and_the_retention_period(qtbot, db, hub, clock):
    store = add_cases(db, {"C01": None, "C02": 40})
    view = make_view(qtbot, db, hub)
    assert view.retention_notice.isVisible()
    store.reopen_case(store.list_cases("closed")[0].id)
    hub.casesChanged.emit()
    assert not view.retention_notice.isVisible()
    store.close_case(store.list_cases("active")[0].id, TODAY - timedelta(days=20), "completed")
    hub.casesChanged.emit()
    assert not view.retention_notice.isVisible()
    set_retention_days(db, 14)
    hub.settingsChanged.emit()
    assert view.retention_notice.text.text().startswith("1 case closed more than 14 days ago is")


def test_a_new_day_is_seen_when_the_view_comes_back(qtbot, db, hub, clock):
    add_cases(db, {"C02": 30})  # on the line today: not yet offered
    view = make_view(qtbot, db, hub)
    assert not view.retention_notice.isVisible()
    view.hide()
    clock["today"] = TODAY + timedelta(days=1)  # the app was left open overnight
    view.show()
    assert view.retention_notice.isVisible()


def test_buttons_are_named_and_reachable_by_keyboard(qtbot, db, hub, clock):
    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    notice = view.retention_notice
    assert notice.review_button.accessibleName() == "Review and delete closed cases"
    assert "7 days" in notice.not_now_button.accessibleName()
    for button in (notice.review_button, notice.not_now_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab goes from the offer's two buttons on to the filters, as the eye reads them.
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    notice.review_button.setFocus()
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    assert view.focusWidget() is notice.not_now_button
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    assert view.focusWidget() is view.filter_bar.status_buttons["active"]


def test_a_long_deletion_is_counted_not_listed(qtbot, db, hub, clock, asked):
    store = add_cases(db, {f"C{n:02d}": 40 + n for n in range(1, 6)} | {"C50": None})
    view = make_view(qtbot, db, hub)
    view.retention_notice.review_button.click()
    assert store.references() == {"C50"}
    assert view.message.text() == "Deleted 5 closed cases."
    assert all(f"C0{n} closed" in asked["texts"][0] for n in range(1, 6))  # each was listed


def test_changing_the_period_in_settings_updates_the_offer_at_once(qtbot, db, hub, clock,
                                                                   data_dir):
    from ui.settings.data_page import DataPage

    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    page = DataPage(db, hub, data_dir / "caseload.db", data_dir)
    qtbot.addWidget(page)
    page.retention_days.setValue(365)
    assert view.retention_notice.text.text().startswith("1 case closed more than 365 days")
    page.retention_days.setValue(10)
    assert view.retention_notice.text.text().startswith("4 cases closed more than 10 days")


@pytest.fixture
def heard():
    from ui.widgets import announce

    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def test_keep_them_and_not_now_say_that_nothing_was_deleted(qtbot, db, hub, clock, asked, heard):
    """Return in "Delete closed cases?" kept them, but silently, and the notice went too."""
    add_cases(db, MIXED)
    view = make_view(qtbot, db, hub)
    asked["answer"] = QMessageBox.StandardButton.No  # "Keep them", Return's answer
    view.retention_notice.review_button.click()
    again = ("This offer comes back in 7 days; Settings, Data & privacy can delete them at "
             "any time.")
    assert heard == [f"Nothing deleted: the 3 closed cases are kept. {again}"]
    assert view.retention_notice.text.text() == heard[0]  # shown in the notice, where it was
    assert view.message.text() != heard[0]  # and only there
    heard.clear()
    clock["today"] = TODAY + timedelta(days=7)
    view = make_view(qtbot, db, hub)
    view.retention_notice.not_now_button.click()
    assert heard == [f"Not now: nothing deleted. {again}"]


def test_the_listed_cases_read_as_rows_not_as_choices(qapp, db):
    """Each row read "not selected", as if the cases to delete were picked in the list."""
    from PySide6.QtGui import QAccessible

    store = add_cases(db, {"C02": 40, "C03": 50})
    dialog = RetentionReviewDialog(store.list_cases("closed"), 30)
    try:
        table = QAccessible.queryAccessibleInterface(dialog.table)
        cells = [c for c in (table.child(i) for i in range(table.childCount()))
                 if c.role() == QAccessible.Role.Cell]
        assert [c.text(QAccessible.Text.Name) for c in cells][::3] == ["C03", "C02"]
        assert not any(c.state().selectable for c in cells)
    finally:
        dialog.deleteLater()
