"""Spreadsheet files as Excel saves them (issue 13): line ends, separators, encodings, .xlsx,
flags separated by commas, and every refusal naming the line, the column and the fix."""

from __future__ import annotations

import re
import codecs
from datetime import date

import pytest

from core.caseload.cases import CaseStore
from core.caseload.csv_import import import_preview, preview_file
from core.common.errors import ValidationError

HEADER = ["reference", "case_type", "tier", "start_date", "flags"]
ROW = ["C07", "community", "B2", "28/11/2026", "MAPPA 2; domestic abuse"]


def write(tmp_path, data: bytes, name: str = "cases.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def csv_bytes(sep: str, end: str, encoding: str, extra: str = "") -> bytes:
    rows = [HEADER, ROW[:-1] + [f'"{ROW[-1]}"'], ["C08", "licence", "A3", "01/02/2026", extra]]
    return end.join(sep.join(r) for r in rows).encode(encoding) + end.encode(encoding)


@pytest.mark.parametrize(
    "sep, end, encoding, bom, detected",
    [
        (",", "\r", "utf-8", b"", "UTF-8, separated by commas"),  # Excel for Mac "CSV"
        (";", "\r\n", "utf-8", codecs.BOM_UTF8, "UTF-8 with byte-order mark, separated by semicolons"),
        ("\t", "\r\n", "utf-16-le", codecs.BOM_UTF16_LE, "UTF-16, separated by tabs"),
        (";", "\r\n", "cp1252", b"", "separated by semicolons"),  # ASCII: also UTF-8
        (",", "\n", "utf-8", b"", "separated by commas"),
    ],
    ids=["bare CR", "semicolon+BOM", "utf-16 tab", "cp1252", "plain"],
)
def test_excel_csv_variants_import_and_say_what_was_detected(db, tmp_path, sep, end, encoding, bom, detected):
    path = write(tmp_path, bom + csv_bytes(sep, end, encoding, extra="Mental health"))
    store = CaseStore(db)
    preview = preview_file(path, store)
    assert preview.problems == [] and [c.reference for c in preview.cases] == ["C07", "C08"]
    assert detected in preview.detected
    assert preview.cases[0].mappa_level == 2 and preview.cases[0].flags == ("domestic_abuse",)
    assert import_preview(preview, store) == 2


def test_cp1252_text_is_decoded_not_refused(db, tmp_path):
    path = write(tmp_path, "reference,case_type,tier,start_date,flags\nC07,community,B2,28/11/2026,\n"
                 "C08,community,B2,28/11/2026,s\xe9curit\xe9 \u2013 x\n".encode("cp1252"))
    preview = preview_file(path, CaseStore(db))
    assert "Windows-1252" in preview.detected
    assert "'s\xe9curit\xe9 \u2013 x' is not a flag" in preview.problems[0].message


def test_flags_in_one_quoted_cell_may_be_separated_by_commas(db, tmp_path):
    text = 'reference,case_type,tier,start_date,flags\nC99,community,B2,28/11/2026,"MAPPA 2, domestic abuse"\n'
    preview = preview_file(write(tmp_path, text.encode()), CaseStore(db))
    assert preview.ok and preview.cases[0].mappa_level == 2
    assert preview.cases[0].flags == ("domestic_abuse",)


def test_an_unknown_flag_says_both_separators(db, tmp_path):
    text = "reference,case_type,tier,start_date,flags\nC99,community,B2,28/11/2026,pony\n"
    problem = preview_file(write(tmp_path, text.encode()), CaseStore(db)).problems[0]
    assert problem.line == 2 and problem.message.startswith("column E (flags): 'pony'")
    assert "separated by ; or ," in problem.message


def test_xlsx_workbook_imports_with_the_same_checks(db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Caseload"
    sheet.append(HEADER + ["t2a"])
    sheet.append(["C07", "community", "B2", date(2026, 11, 28), "MAPPA 2, domestic abuse", True])
    sheet.append(["C08", "licence", "A3", "01/02/2026", None, "no"])
    path = tmp_path / "cases.xlsx"
    book.save(path)
    store = CaseStore(db)
    preview = preview_file(path, store)
    assert preview.ok and "Excel workbook, sheet 'Caseload'" in preview.detected
    assert preview.cases[0].start_date == date(2026, 11, 28) and preview.cases[0].t2a
    sheet.append(["C09", "martian", "B2", "31/02/2026"])
    book.save(path)
    problems = preview_file(path, store).problems
    assert [p.line for p in problems] == [4]
    assert "column B (case_type)" in problems[0].message
    assert "column D (start_date): '31/02/2026' is not a real date" in problems[0].message
    with pytest.raises(ValidationError):
        import_preview(preview_file(path, store), store)
    assert store.count("all") == 0


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (bytes(range(256)) * 12, "binary"),
        (b"PK\x03\x04" + b"\x00" * 200, "workbook could not be read"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 200, "old-style Excel .xls"),
        (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
         + b"\x00" * 100, "OpenDocument spreadsheet (.ods)"),
    ],
    ids=["empty", "binary", "broken xlsx", "xls", "ods"],
)
def test_files_that_are_no_spreadsheet_are_refused_in_one_sentence(db, tmp_path, data, words):
    with pytest.raises(ValidationError) as caught:
        preview_file(write(tmp_path, data), CaseStore(db))
    assert len(caught.value.problems) == 1 and words in caught.value.problems[0]
    assert not re.search(r"\([A-Z][A-Za-z]+\)", caught.value.problems[0])  # no (BadZipFile)


@pytest.mark.parametrize("size", [100_000, 140_000])
def test_a_huge_field_names_its_line_and_column_briefly(db, tmp_path, size):
    text = "reference,case_type,tier,start_date\nC07,community,B2," + "x" * size + "\n"
    problems = preview_file(write(tmp_path, text.encode()), CaseStore(db)).problems
    assert len(problems) == 1 and problems[0].line == 2 and len(problems[0].message) < 300
    if size < 131_072:
        assert problems[0].message.startswith("column D (start_date)")


def test_a_header_in_the_wrong_shape_names_what_is_missing_and_found(db, tmp_path):
    text = "ref|type|tier|start\nC07|community|B2|28/11/2026\n"
    problem = preview_file(write(tmp_path, text.encode()), CaseStore(db)).problems[0]
    assert problem.line == 1 and "missing: reference, case_type" in problem.message
    assert "first row" in problem.message
