"""A caseload set up from the WMT page's counts: that many cases, next free references, today."""

from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.caseload.wmt_setup import add_from_counts, cases_from_counts
from core.common.errors import ValidationError

TODAY = date(2026, 11, 23)


def test_forty_five_cases_from_the_counts_in_one_step(db):
    counts = {("community", "B2", False): 20, ("community", "C1", False): 12,
              ("licence", "A1", False): 6, ("custody", "D0", False): 4,
              ("community", "B2", True): 3}
    store = CaseStore(db)
    made = add_from_counts(store, counts, TODAY)
    assert len(made) == 45 == store.count("active")
    assert [c.reference for c in made][:3] == ["C01", "C02", "C03"] and made[-1].reference == "C45"
    assert all(c.start_date == TODAY for c in made)
    kinds = {}
    for case in made:
        key = (case.case_type, case.tier, case.t2a)
        kinds[key] = kinds.get(key, 0) + 1
    assert kinds == counts
    assert [c.t2a for c in made][-3:] == [True, True, True]  # the T2A table comes last


def test_references_already_used_are_skipped(db):
    store = CaseStore(db)
    store.add_case(Case("C02", "community", "B2", TODAY))
    store.add_case(Case("c03", "community", "B2", TODAY))
    made = cases_from_counts({("licence", "A1", False): 3}, store.references(), TODAY)
    assert [c.reference for c in made] == ["C01", "C04", "C05"]


@pytest.mark.parametrize("counts, said", [
    ({}, "Type how many cases"),
    ({("community", "B2", False): 0}, "Type how many cases"),
    ({("community", "B2", False): 301}, "That is 301 cases"),
    ({("community", "Z9", False): 2}, "is not a case type and tier"),
])
def test_counts_that_cannot_be_right_make_nothing(db, counts, said):
    store = CaseStore(db)
    with pytest.raises(ValidationError, match=said):
        add_from_counts(store, counts, TODAY)
    assert store.count("all") == 0
