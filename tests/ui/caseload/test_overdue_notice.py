"""A case past its expected end date is marked in the Caseload and asked about once."""

from __future__ import annotations

from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from ui.caseload.case_dialog import CaseDialog
from ui.caseload.case_table_model import COL_EXPECTED_END, COL_REFERENCE, COL_STATUS
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.close_case_dialog import CloseCaseDialog
from ui.shell.hub import Hub

START = date(2026, 1, 5)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, db, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    CaseStore(db).add_cases([
        Case("C01", "community", "B2", START),
        Case("C02", "community", "B2", START, expected_end_date=date(2026, 6, 30)),
        Case("C03", "licence", "A3", START, expected_end_date=date(2027, 6, 30)),
    ])
    caseload = CaseloadView(db, Hub())
    qtbot.addWidget(caseload)
    caseload.resize(1000, 600)
    caseload.show()
    return caseload


def _row(view, reference):
    for row in range(view.proxy.rowCount()):
        if view.proxy.index(row, COL_REFERENCE).data() == reference:
            return row
    raise AssertionError(reference)


def test_the_overdue_case_is_marked_in_the_table(view):
    row = _row(view, "C02")
    assert view.proxy.index(row, COL_STATUS).data() == "Past end date"
    assert "30/06/2026" in view.proxy.index(row, COL_EXPECTED_END).data(3)  # tooltip says why
    assert "overdue termination" in view.proxy.index(row, COL_STATUS).data(3)  # tooltip
    other = _row(view, "C03")
    assert view.proxy.index(other, COL_STATUS).data() == "Active"
    assert view.proxy.index(other, COL_EXPECTED_END).data() == "30/06/2027"


def test_asked_once_with_close_or_move(view, db, monkeypatch):
    notice = view.overdue_notice
    assert notice.isVisible() and notice.text.text().startswith(
        "C02 is still open after its expected end date, 30 June")
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (date(2026, 11, 27), "completed")))
    notice.close_button.click()
    assert CaseStore(db).list_cases("closed")[0].reference == "C02"
    assert not notice.isVisible()


def test_not_now_is_remembered_and_never_asked_again(view, db, qtbot):
    view.overdue_notice.not_now_button.click()
    assert not view.overdue_notice.isVisible()
    again = CaseloadView(db, Hub())
    qtbot.addWidget(again)
    again.show()
    assert not again.overdue_notice.isVisible()
    # …still marked in the table: the question is put aside, not the fact
    assert again.proxy.index(_row(again, "C02"), COL_STATUS).data() == "Past end date"


def test_move_end_date_opens_the_case(view, monkeypatch):
    opened = []
    monkeypatch.setattr(CaseDialog, "get_case",
                        staticmethod(lambda parent, store, case=None: opened.append(case)))
    view.overdue_notice.move_button.click()
    assert [c.reference for c in opened] == ["C02"]
    assert not view.overdue_notice.isVisible()


def test_not_now_puts_aside_only_the_case_shown(qtbot, db, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    CaseStore(db).add_cases([
        Case("C02", "community", "B2", START, expected_end_date=date(2026, 6, 30)),
        Case("C04", "licence", "A3", START, expected_end_date=date(2026, 10, 15)),
    ])
    caseload = CaseloadView(db, Hub())
    qtbot.addWidget(caseload)
    caseload.show()
    notice = caseload.overdue_notice
    first = notice.case.reference
    assert "(1 more after this one.)" in notice.text.text()
    notice.not_now_button.click()
    assert notice.isVisible() and notice.case.reference != first  # the other is still asked
    assert "more after this one" not in notice.text.text()
    notice.not_now_button.click()
    assert not notice.isVisible()


def test_a_case_running_over_at_the_weekend_is_not_said_to_score_now():
    from ui.caseload.overdue_notice import question_text

    case = Case("C04", "community", "B2", START, expected_end_date=date(2026, 11, 27))
    text = question_text(case, 0, date(2026, 11, 28))  # a Saturday: Friday's figure stands
    assert "now scores" not in text
    assert "from 28 November (in the weekly figure from Friday 4 December)" in text


def test_not_now_is_said_with_what_comes_next(qtbot, db, monkeypatch):
    """The notice changed, or went, without a word."""
    from ui.widgets import announce

    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T10:00")
    CaseStore(db).add_cases([
        Case("C02", "community", "B2", START, expected_end_date=date(2026, 6, 30)),
        Case("C04", "licence", "A3", START, expected_end_date=date(2026, 10, 15)),
    ])
    caseload = CaseloadView(db, Hub())
    qtbot.addWidget(caseload)
    caseload.show()
    notice = caseload.overdue_notice
    first = notice.case.reference
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        notice.not_now_button.click()
        second = notice.case.reference
        notice.not_now_button.click()
    finally:
        announce.remove_listener(listener)
    put_off = "is not asked about again for this end date."
    assert heard[0].startswith(f"Not now: {first} {put_off} Next: ")
    assert second in heard[0]
    assert heard[1] == f"Not now: {second} {put_off}"


def test_ctrl_z_of_a_close_from_the_notice_brings_its_question_back(demo_window, db,
                                                                     monkeypatch):
    """Close it… then Ctrl+Z: the case was past its end date again, and the notice asking
    "Close it, or move its end date?" did not come back."""
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    notice = view.overdue_notice
    notice.refresh()
    assert notice.isVisible() and notice.case is not None
    reference, asked = notice.case.reference, notice.text.text()
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (date.today(), "completed")))
    notice.close_button.click()
    assert reference in [c.reference for c in CaseStore(db).list_cases("closed")]
    assert notice.case is None or notice.case.reference != reference
    demo_window.undo_stack.undo()
    assert reference not in [c.reference for c in CaseStore(db).list_cases("closed")]
    assert notice.isVisible() and notice.case.reference == reference
    assert notice.text.text() == asked


def test_a_close_left_without_closing_is_still_an_answer(view, db, monkeypatch):
    notice = view.overdue_notice
    monkeypatch.setattr(CloseCaseDialog, "get_close", staticmethod(lambda *a: None))
    notice.close_button.click()
    assert CaseStore(db).list_cases("closed") == []
    assert not notice.isVisible()  # asked once: not asked again
