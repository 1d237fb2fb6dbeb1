"""A case past its expected end date is asked about once, not every day."""

from datetime import date, timedelta

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.overdue import cases_to_ask, mark_asked, overdue_cases

END = date(2026, 6, 30)


def test_overdue_from_the_day_after_the_expected_end_date(db):
    store = CaseStore(db)
    store.add_cases([Case("C01", "community", "B2", date(2026, 1, 5), expected_end_date=END),
                     Case("C02", "community", "B2", date(2026, 1, 5))])
    cases = store.list_cases("all")
    assert overdue_cases(cases, END) == []
    assert [c.reference for c in overdue_cases(cases, END + timedelta(days=1))] == ["C01"]


def test_asked_once_then_again_only_for_a_new_end_date(db):
    store = CaseStore(db)
    store.add_case(Case("C01", "community", "B2", date(2026, 1, 5), expected_end_date=END))
    day = date(2026, 11, 27)
    due = cases_to_ask(db, store.list_cases("all"), day)
    assert [c.reference for c in due] == ["C01"]
    mark_asked(db, due)  # answered, or "Not now"
    assert cases_to_ask(db, store.list_cases("all"), day) == []
    assert cases_to_ask(db, store.list_cases("all"), day + timedelta(days=30)) == []
    case = store.list_cases("all")[0]
    case.expected_end_date = date(2026, 10, 31)  # moved, and that date passed too
    store.update_case(case)
    assert [c.reference for c in cases_to_ask(db, store.list_cases("all"), day)] == ["C01"]


def test_a_closed_case_is_not_asked_about(db):
    store = CaseStore(db)
    case = store.add_case(Case("C01", "community", "B2", date(2026, 1, 5), expected_end_date=END))
    store.close_case(case.id, date(2026, 7, 10), "completed")
    assert cases_to_ask(db, store.list_cases("all"), date(2026, 11, 27)) == []
