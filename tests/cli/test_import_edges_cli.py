"""`cases import` with the files a tester found refused or misdescribed after issue 13 was built:
templates formatted far down, a caseload below a title or on a later sheet, other zip files,
encodings that look alike, an unclosed quote, and a refusal into a new folder."""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.cli.in_process import run_main

HEADER = "reference,case_type,tier,start_date"


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run_main(["--data-dir", str(data_dir), *argv])


def imported(data_dir: Path, path: Path) -> list[str]:
    result = cli(data_dir, "cases", "import", str(path))
    assert result.returncode == 0, result.stderr
    listed = cli(data_dir, "cases", "list", "--all", "--json")
    return [c["reference"] for c in json.loads(listed.stdout)]


def refused(data_dir: Path, path: Path) -> str:
    before = hashlib.sha256((data_dir / "caseload.db").read_bytes()).digest()
    result = cli(data_dir, "cases", "import", str(path))
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert hashlib.sha256((data_dir / "caseload.db").read_bytes()).digest() == before
    return result.stderr


def test_a_csv_template_with_thousands_of_empty_rows_imports(data_dir, tmp_path):
    path = tmp_path / "template.csv"
    path.write_text(f"{HEADER}\r\nC07,community,B2,01/01/2026\r\n" + ",,,\r\n" * 10_000)
    assert imported(data_dir, path) == ["C07"]


def test_a_workbook_with_formatted_empty_rows_imports(data_dir, tmp_path):
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["C07", "community", "B2", datetime.datetime(2026, 11, 28)])
    line = Border(bottom=Side(style="thin"))
    for row in range(3, 12_001):
        for column in range(1, 5):
            sheet.cell(row, column).border = line
    book.save(tmp_path / "template.xlsx")
    assert imported(data_dir, tmp_path / "template.xlsx") == ["C07"]


def test_a_workbook_too_long_says_so_and_is_not_called_unreadable(data_dir, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for n in range(10_001):
        sheet.append([f"C{n}", "community", "B2", "01/01/2026"])
    book.save(tmp_path / "long.xlsx")
    message = refused(data_dir, tmp_path / "long.xlsx")
    assert "more than 10,000 rows" in message and "could not be read" not in message


def test_an_unclosed_quote_is_one_line_naming_the_quote(data_dir, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_bytes(f'{HEADER},flags\r\nC07,community,B2,28/11/2026,"MAPPA 2\r\n'
                     "C08,community,B2,28/11/2026,\r\n".encode())
    message = refused(data_dir, path)
    assert "Line 2: column E: a quote" in message and "never closed" in message
    assert "not a flag" not in message


def _workbook(path: Path, first_rows: list[list[str]], second_sheet: bool) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Notes"
    for row in first_rows:
        sheet.append(row)
    if second_sheet:
        sheet = book.create_sheet("Cases")
    sheet.append(HEADER.split(","))
    sheet.append(["C07", "community", "B2", datetime.datetime(2026, 11, 28)])
    book.save(path)
    return path


def test_a_caseload_on_the_second_sheet_gets_advice_that_fits(data_dir, tmp_path):
    path = _workbook(tmp_path / "second.xlsx", [["These are my cases"]], second_sheet=True)
    message = refused(data_dir, path)
    assert "was not found on the first sheet" in message and "'Cases'" in message


def test_a_caseload_under_a_title_row_says_where_the_header_is(data_dir, tmp_path):
    path = _workbook(tmp_path / "title.xlsx", [["My caseload, November"], []], second_sheet=False)
    assert "is on line 3, not the first; delete the rows above it" in refused(data_dir, path)


def test_excels_sep_line_is_read_as_the_separator(data_dir, tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text(f"sep=;\n{HEADER.replace(',', ';')}\nC07;community;B2;28/11/2026\n")
    assert imported(data_dir, path) == ["C07"]


def test_a_zip_that_is_no_workbook_says_what_to_do(data_dir, tmp_path):
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "is not an Excel workbook" in refused(data_dir, path)


def test_windows_1252_is_preferred_when_mac_roman_would_read_it_too(data_dir, tmp_path):
    path = tmp_path / "dash.csv"
    path.write_bytes(f"{HEADER},notes\r\nC07,community,B2,28/11/2026,see C08 – A\r\n"
                     .encode("cp1252"))
    result = cli(data_dir, "cases", "import", str(path))
    assert "Windows-1252" in result.stdout + result.stderr and "Mac Roman" not in result.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_imports(data_dir, tmp_path, codec):
    path = tmp_path / "u16.csv"
    path.write_bytes(f"{HEADER}\r\nC07,community,B2,28/11/2026\r\n".encode(codec))
    assert imported(data_dir, path) == ["C07"]


def test_a_refused_import_into_a_new_folder_leaves_no_data_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\nC07,community,B2,31/02/2026\n")
    folder = tmp_path / "new"
    result = cli(folder, "cases", "import", str(path))
    assert result.returncode == 2 and "31/02/2026" in result.stderr
    assert not (folder / "caseload.db").exists()


def test_several_lines_to_change_read_as_one_sentence_after_its_colon(data_dir, tmp_path):
    path = tmp_path / "two_bad.csv"
    path.write_text(f"{HEADER}\nC07,comunity,B2,01/01/2026\nC08,community,Z9,01/01/2026\n")
    message = refused(data_dir, path)
    assert "need changing: Line 2" in message and ":;" not in message and "; Line 3" in message
