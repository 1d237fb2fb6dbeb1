"""CSV import: every bad row listed with its line number, nothing written; a good file imports all."""

from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.csv_import import import_preview, preview_csv_file, preview_csv_text
from core.common.errors import ValidationError

GOOD = """reference,case_type,tier,start_date,end_date,t2a,flags
C01,community,B2,2026-01-05,,no,MAPPA 2;domestic abuse
C02,licence,A3,28/11/2025,28/11/2027,yes,
C03,custody,untiered,01/02/2026,,,iom
"""


def test_good_file_in_any_column_order_imports_every_row(db, tmp_path):
    path = tmp_path / "caseload.csv"
    path.write_text("tier,start_date,case_type,reference\nD1,2026-02-02,community,C09\n" )
    store = CaseStore(db)
    preview = preview_csv_file(path, store)
    assert preview.ok and [c.reference for c in preview.cases] == ["C09"]
    assert import_preview(preview, store) == 1
    assert store.list_cases()[0].tier == "D1"


def test_both_date_forms_flags_and_t2a_are_read(db):
    preview = preview_csv_text(GOOD, set())
    assert not preview.problems
    c1, c2, c3 = preview.cases
    assert c1.mappa_level == 2 and c1.flags == ("domestic_abuse",)
    assert c2.start_date == date(2025, 11, 28) and c2.expected_end_date == date(2027, 11, 28)
    assert c2.t2a and not c1.t2a
    assert c3.tier == "untiered" and c3.flags == ("iom",)


def test_a_file_with_bad_rows_lists_each_with_its_line_and_writes_nothing(db):
    text = GOOD + "C04,martian,B2,2026-01-05,,,\nC05,community,Q7,31/02/2026,,maybe,\nC01,community,B2,2026-01-05,,,\n"
    store = CaseStore(db)
    preview = preview_csv_text(text, store.references())
    assert [p.line for p in preview.problems] == [5, 6, 7]
    assert preview.problems[0].message.startswith("column B (case_type): 'martian' is not")
    assert "not a real date" in preview.problems[1].message and "t2a" in preview.problems[1].message
    assert "also appears on line 2" in preview.problems[2].message
    with pytest.raises(ValidationError):
        import_preview(preview, store)
    assert store.count("all") == 0


def test_missing_columns_and_identifying_columns_are_refused(db):
    assert "start_date" in str(preview_csv_text("reference,case_type,tier\nC1,community,B2\n", set()).problems[0])
    preview = preview_csv_text("reference,case_type,tier,start_date,name\nC1,community,B2,2026-01-01,x\n", set())
    assert "workload only" in preview.problems[0].message


def test_identifier_like_reference_in_a_file_is_refused(db):
    preview = preview_csv_text("reference,case_type,tier,start_date\nX123456,community,B2,2026-01-01\n", set())
    assert preview.problems and "case record number" in preview.problems[0].message
    assert not preview.cases


def test_existing_reference_clashes(db):
    store = CaseStore(db)
    import_preview(preview_csv_text(GOOD, set()), store)
    again = preview_csv_text(GOOD, store.references())
    assert len(again.problems) == 3 and store.count("all") == 3
