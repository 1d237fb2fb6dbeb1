"""What the kept words hold, as README and docs/data-protection.md say: exactly the Overview's
words with "Show figures" off, whether the figures are showing or not. No percentage and no case
reference in the file beside the data, on demo data and on ten years of it; the hours and weeks
those words give are in it, as on the Overview."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.caseload.cases import CaseStore
from core.store.coming_days import COMING_DAYS, coming_days_path
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import SNAPSHOT_NAME, read_snapshot
from tests.demo_copy import demo_into
from ui.overview.last_week_stand_in import keep_week
from ui.overview.overview_view import FIGURES_KEY, OverviewView
from ui.shell.hub import Hub

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 12, 7)
PERCENTAGE = re.compile(r"%|\bper\s*cent|\bpercentage", re.IGNORECASE)


def _ten_years(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_dataset", ROOT / "benchmarks" / "generate_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(folder, today=TODAY)


def _demo(folder: Path) -> None:
    db = open_database(database_path(folder))
    demo_into(db, TODAY)
    db.close()


@pytest.fixture(params=["demo", "ten years"])
def folder(request, tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-12-07T10:00:00")
    data = tmp_path / request.param.replace(" ", "-")
    data.mkdir(mode=0o700)
    (_demo if request.param == "demo" else _ten_years)(data)
    return data


@pytest.mark.parametrize("figures", [False, True], ids=["figures off", "figures on"])
def test_the_kept_words_are_the_overviews_without_figures(qtbot, folder, tmp_path, figures):
    settings = QSettings(str(tmp_path / "overview.ini"), QSettings.Format.IniFormat)
    settings.setValue(FIGURES_KEY, figures)
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), settings, today=lambda: TODAY)
        qtbot.addWidget(view)
        assert view.show_figures.isChecked() is figures
        keep_week(view, db, folder)
        keep_week(view, db, folder, at_quit=True)  # and the coming days' words with them
        text = (folder / SNAPSHOT_NAME).read_text(encoding="utf-8")
        coming = coming_days_path(folder).read_text(encoding="utf-8")
        kept = read_snapshot(folder)
        references = CaseStore(db).references()
        if figures:  # the window shows percentages; the kept words do not
            assert PERCENTAGE.search(view.workload.figures.text() + view.workload.words.text()
                                     + view.sustained.text.text())
        view.show_figures.setChecked(False)
        shown = {"week_line": view.week_line.text(),
                 "headline": view.workload.headline.text(),
                 "body": view.workload.words.text(),
                 "caseload_headline": view.caseload.headline.text(),
                 "caseload_body": view.caseload.words.text(),
                 "sustained": view.sustained.text.text() if not view.sustained.isHidden()
                 else "",
                 "sustained_caseload": view.sustained_caseload.text.text()
                 if not view.sustained_caseload.isHidden() else ""}
    finally:
        db.close()
    assert kept is not None
    assert {name: getattr(kept, name) for name in shown} == shown
    assert not PERCENTAGE.search(text), text
    assert not PERCENTAGE.search(coming), coming
    assert coming.count("\nheadline: ") == COMING_DAYS
    assert len(references) >= 10
    held = [ref for ref in references
            if re.search(rf"(?<![\w]){re.escape(ref)}(?![\w])", text + coming, re.IGNORECASE)]
    assert held == [], text
    if folder.name == "ten-years":  # over capacity since 2022: the weeks looked at, not a count
        assert kept.sustained.startswith("Your workload has been over capacity in every week of "
                                         "the last two years.")
    # What the claim allows, and the file does hold: the hours the Overview gives in words.
    assert re.search(r"\d+(\.\d)? (extra|spare) hours a week", text), text
