"""Spreadsheets as people make them: a hidden first sheet, non-breaking spaces from a web page,
a merged cell, dates Excel wrote as serial numbers or with a midnight time, an empty first sheet,
a Strict Open XML workbook, and the names people give the columns."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from core.caseload.cases import CaseStore
from core.caseload.csv_import import preview_file


def workbook(path, sheets, hidden=(), merge=None):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = hidden[title]
        if merge and title == merge[0]:
            sheet.merge_cells(merge[1])
    book.save(path)
    return path


HEADER = ["reference", "case_type", "tier", "start_date"]


def refs(preview):
    assert preview.ok, [str(p) for p in preview.problems]
    return [c.reference for c in preview.cases]


def test_a_hidden_first_sheet_is_passed_over_for_the_first_visible_one(db, tmp_path):
    path = workbook(tmp_path / "h.xlsx", [
        ("Old", [HEADER, ["C01", "community", "B2", "01/02/2025"]]),
        ("Lists", [["community", "licence"]]),
        ("Cases", [HEADER, ["C07", "community", "B2", "01/02/2026"]]),
    ], hidden={"Old": "hidden", "Lists": "veryHidden"})
    preview = preview_file(path, CaseStore(db))
    assert refs(preview) == ["C07"] and "sheet 'Cases'" in preview.detected


def test_the_caseload_on_another_visible_sheet_is_named_but_not_a_hidden_one(db, tmp_path):
    path = workbook(tmp_path / "n.xlsx", [
        ("Notes", [["These are my cases"]]),
        ("Lists", [["community"]]),
        ("Cases", [HEADER, ["C07", "community", "B2", "01/02/2026"]]),
    ], hidden={"Lists": "veryHidden"})
    message = str(preview_file(path, CaseStore(db)).problems[0])
    assert "'Cases'" in message and "'Lists'" not in message


def test_an_empty_first_sheet_reads_the_sheet_with_the_caseload(db, tmp_path):
    path = workbook(tmp_path / "e.xlsx", [
        ("Sheet1", []), ("Cases", [HEADER, ["C07", "community", "B2", "01/02/2026"]]),
    ])
    assert refs(preview_file(path, CaseStore(db))) == ["C07"]


def test_a_merged_case_type_is_the_value_excel_shows_on_every_row(db, tmp_path):
    path = workbook(tmp_path / "m.xlsx", [("Cases", [
        HEADER, ["C07", "community", "B2", "01/02/2026"], ["C08", None, "A1", "01/03/2026"],
    ])], merge=("Cases", "B2:B3"))
    preview = preview_file(path, CaseStore(db))
    assert refs(preview) == ["C07", "C08"]
    assert [c.case_type for c in preview.cases] == ["community", "community"]


def test_non_breaking_spaces_from_windows_1252_or_a_web_page_are_spaces(db, tmp_path):
    path = tmp_path / "nbsp.csv"
    path.write_bytes(
        b"reference,case_type,tier,start_date,flags\r\n"
        b'C07,community\xa0,B2,28/11/2026,"MAPPA\xa02, domestic\xa0abuse"\r\n'
    )
    preview = preview_file(path, CaseStore(db))
    assert refs(preview) == ["C07"]
    assert (preview.cases[0].mappa_level, preview.cases[0].flags) == (2, ("domestic_abuse",))
    page = tmp_path / "page.csv"
    page.write_text("reference,case_type,tier,start_date,flags\nC08,licence,A1,01/02/2026,"
                    "MAPPA\u00a01\n", encoding="utf-8")
    assert refs(preview_file(page, CaseStore(db))) == ["C08"]


def test_serial_numbers_and_midnight_times_in_a_csv_are_dates(db, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("reference,case_type,tier,start_date,end_date\n"
                    "C07,community,B2,46000,2027-01-05 00:00:00\n")
    case = preview_file(path, CaseStore(db)).cases[0]
    assert (case.start_date, case.expected_end_date) == (date(2025, 12, 9), date(2027, 1, 5))


def test_the_names_people_give_the_columns_are_read_and_said(db, tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("Ref;Type;TIER;Sentence start;Expected  End;Young adult;Risk flags\n"
                    "C07;community;B2;01/02/2026;01/02/2027;yes;MAPPA 2\n")
    preview = preview_file(path, CaseStore(db))
    assert refs(preview) == ["C07"] and preview.cases[0].t2a
    assert preview.cases[0].expected_end_date == date(2027, 2, 1)
    assert "'Type' as case_type" in preview.detected
    assert "'Sentence start' as start_date" in preview.detected
    assert "'Young adult' as t2a" in preview.detected


def test_a_strict_open_xml_workbook_is_refused_in_one_line(db, tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", '<workbook xmlns="http://purl.oclc.org/ooxml/'
                         'spreadsheetml/main"><sheets/></workbook>')
    path = tmp_path / "strict.xlsx"
    path.write_bytes(data.getvalue())
    import pytest
    from core.common.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        preview_file(path, CaseStore(db))
    assert "Strict Open XML" in str(caught.value) and "\n" not in str(caught.value)
