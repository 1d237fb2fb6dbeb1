"""The benchmark dataset generator writes data the app opens and reads like a practitioner's own."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.store.database import open_database
from core.workload.estimate import load_inputs
from core.workload.history import workload_status
from core.store.paths import database_path
from core.time.time_entries import TimeStore

TODAY = date(2026, 11, 27)
ROOT = Path(__file__).resolve().parents[2]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "generate_dataset", ROOT / "benchmarks" / "generate_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_small_dataset_opens_with_a_steady_caseload_and_time_on_working_days(
    tmp_path: Path,
) -> None:
    counts = _generator().generate(tmp_path, years=1, cases=100, entries=2000, today=TODAY)
    db = open_database(database_path(tmp_path))
    cases = CaseStore(db).list_cases("all")
    assert len(cases) == counts["cases"]
    assert all(c.reference.startswith("C") and len(c.reference) == 4 for c in cases)
    for weeks_ago in (2, 20, 40):
        day = TODAY - timedelta(weeks=weeks_ago)
        assert 40 <= sum(c.is_active_on(day) for c in cases) <= 60
    entries = TimeStore(db).entries_between(TODAY - timedelta(days=400), TODAY)
    assert len(entries) == 2000
    assert all(e.date.weekday() < 5 and e.minutes == (e.end.hour * 60 + e.end.minute)
               - (e.start.hour * 60 + e.start.minute) for e in entries)
    assert any(len(c.tier_history) > 1 for c in cases)
    assert workload_status(load_inputs(db), TODAY).estimate.has_data


def test_same_seed_gives_the_same_data_and_a_used_folder_is_refused(tmp_path: Path) -> None:
    generator = _generator()
    first = generator.generate(tmp_path / "a", years=1, cases=80, entries=500, today=TODAY)
    second = generator.generate(tmp_path / "b", years=1, cases=80, entries=500, today=TODAY)
    assert first == second
    with pytest.raises(SystemExit, match="already holds data"):
        generator.generate(tmp_path / "a", years=1, cases=80, entries=500, today=TODAY)
