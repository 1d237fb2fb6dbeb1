"""CSV import: every bad row listed with its line, Import only when clean, all rows or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from ui.caseload.caseload_view import CaseloadView
from ui.shell.hub import Hub
from ui.caseload.import_dialog import ImportDialog

HEADER = "reference,case_type,tier,start_date,end_date,t2a,flags\n"
GOOD = HEADER + (
    "X1,community,B2,01/02/2026,,no,MAPPA 1\n"
    "X2,licence,C3,2026-02-01,01/02/2027,no,\n"
    "X3,custody,B1,02/03/2026,,yes,IOM;DA\n"
)
BAD = HEADER + (
    "X1,community,B2,01/02/2026,,no,\n"
    "X2,licence,Z9,2026-02-01,,no,\n"
    "A123456,community,C1,2026-13-01,,maybe,\n"
    "X4,custody,B1,02/03/2026,,yes,IOM\n"
)


@pytest.fixture
def store(db):
    return CaseStore(db)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    return path


def make(qtbot, store) -> ImportDialog:
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    return dialog


def test_import_is_disabled_until_a_file_is_checked(qtbot, store):
    dialog = make(qtbot, store)
    assert not dialog.import_button.isEnabled()
    assert "Choose a CSV or .xlsx file" in dialog.summary.text()


def test_bad_csv_lists_every_bad_row_and_writes_nothing(qtbot, store, tmp_path):
    dialog = make(qtbot, store)
    dialog.load_file(write(tmp_path, BAD))
    model = dialog.problems_model
    assert dialog.stack.currentWidget() is dialog.problems_view
    lines = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert lines == ["3", "4"]
    line4 = model.index(1, 1).data()
    assert "not a real date" in line4 and "maybe" in line4 and "case record number" in line4
    assert "2 rows need changing" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.accept()
    assert store.count("all") == 0


def test_good_csv_previews_then_imports_every_row(qtbot, store, tmp_path):
    dialog = make(qtbot, store)
    dialog.load_file(write(tmp_path, GOOD))
    assert dialog.cases_model.rowCount() == 3
    assert dialog.summary.text() == "3 cases ready to import. Read as CSV, UTF-8, separated by commas."
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text().replace("&", "") == "Import 3 cases"
    dialog.accept()
    assert dialog.imported == 3
    assert sorted(c.reference for c in store.list_cases()) == ["X1", "X2", "X3"]


def test_a_row_clashing_with_an_existing_case_blocks_the_import(qtbot, store, tmp_path):
    store.add_case(Case("X2", "community", "C1", date(2025, 1, 1)))
    dialog = make(qtbot, store)
    dialog.load_file(write(tmp_path, GOOD))
    assert not dialog.import_button.isEnabled()
    assert "already have a case called X2" in dialog.problems_model.index(0, 1).data()
    assert store.count("all") == 1


def test_check_again_reads_the_corrected_file(qtbot, store, tmp_path):
    dialog = make(qtbot, store)
    path = write(tmp_path, BAD)
    dialog.load_file(path)
    path.write_text(GOOD, encoding="utf-8")
    dialog.recheck_button.click()
    assert dialog.import_button.isEnabled()


def test_a_file_that_is_not_text_is_explained(qtbot, store, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
    dialog = make(qtbot, store)
    dialog.load_file(path)
    assert "is not a spreadsheet's text" in dialog.file_problem.text()
    assert not dialog.import_button.isEnabled()


def test_import_from_the_caseload_view_fills_the_table(qtbot, db, tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    hub = Hub()
    view = CaseloadView(db, hub)
    qtbot.addWidget(view)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "CSV files (*.csv)")))

    def choose_and_import(dialog: ImportDialog) -> int:
        dialog.choose_button.click()
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", choose_and_import)
    with qtbot.waitSignal(hub.casesChanged):
        view.import_csv()
    assert view.proxy.rowCount() == 3
    assert view.counts.text() == "3 active cases · 0 closed"
    assert view.message.text() == "Imported 3 cases. Undo with Ctrl+Z."


def test_problem_model_passes_the_model_tester(qtmodeltester, qtbot, store, tmp_path):
    dialog = make(qtbot, store)
    dialog.load_file(write(tmp_path, BAD))
    qtmodeltester.check(dialog.problems_model)


SPREADSHEET_FILES = {
    "cr.csv": (b"reference,case_type,tier,start_date\rC07,community,B2,28/11/2026\r",
               "1 case ready to import. Read as CSV, UTF-8, separated by commas."),
    "semicolon.csv": (b"reference;case_type;tier;start_date\nC07;community;B2;28/11/2026\n",
                      "1 case ready to import. Read as CSV, UTF-8, separated by semicolons."),
    "bad.csv": (b"reference;case_type;tier;start_date\nC07;community;B2;31/02/2026\n",
                "Line 2: column D (start_date): '31/02/2026' is not a real date"),
    "binary.csv": (bytes(range(256)) * 8, "binary data"),
}


@pytest.mark.parametrize("name", SPREADSHEET_FILES)
def test_the_dialog_shows_what_the_command_line_says(qtbot, store, tmp_path, name, capsys):
    import main

    data, expected = SPREADSHEET_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    dialog = make(qtbot, store)
    dialog.load_file(path)
    shown = " ".join(
        [dialog.summary.text(), dialog.file_problem.text()]
        + [str(p) for p in (dialog.preview().problems if dialog.preview() else [])]
    )
    assert expected in shown
    code = main.main(["--data-dir", str(tmp_path / "cli"), "cases", "import", str(path)])
    printed = capsys.readouterr()
    assert (code == 0) == dialog.import_button.isEnabled()
    if code:
        assert code == 2 and expected.split(". ")[0] in printed.err
