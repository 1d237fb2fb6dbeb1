"""A run of weeks over the line that goes back to the first week looked at (two years for the
Overview and `status`) may have begun before it: its words name neither a count of weeks nor a
first week, and its "Not now" holds from one week to the next while the first week looked at
moves on. Ten years of data over capacity since 2022 said "for 104 weeks in a row (since 16
December 2024)"."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.paths import database_path
from core.workload.estimate import estimate_as_of, load_inputs
from core.workload.history import (
    DEFAULT_WEEKS,
    dismiss_sustained_panel,
    summarise,
    sustained_panel_due,
    weekly_history,
    workload_status,
)
from core.workload.status_words import status_words

ROOT = Path(__file__).resolve().parents[3]
FRIDAY = date(2026, 1, 9)
TODAY = date(2026, 12, 7)


@pytest.fixture
def base(db):
    CaseStore(db).add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    return estimate_as_of(db, FRIDAY)


def weeks_at(base, *capacities):
    """One estimate a week from FRIDAY on; None for a week away."""
    return [replace(base, as_of=FRIDAY + timedelta(weeks=n), has_data=capacity is not None,
                    capacity_percent=None if capacity is None else Decimal(str(capacity)))
            for n, capacity in enumerate(capacities)]


def sustained(estimates) -> str:
    return status_words(summarise(estimates)[-1], figures=False).sustained or ""


def test_a_run_from_the_first_week_looked_at_says_every_week_not_since(base):
    text = sustained(weeks_at(base, 115, 116, 117, 118, 119, 120))
    assert "over capacity in every week of the last 6 weeks." in text
    assert "in a row (since" not in text and "since" not in text


def test_a_run_that_began_after_the_first_week_looked_at_says_when(base):
    text = sustained(weeks_at(base, 100, 116, 117, 118, 119, 120))
    assert "over capacity for 5 weeks in a row (since" in text
    assert "every week" not in text


def test_a_run_reaching_back_with_a_week_away_says_so(base):
    text = sustained(weeks_at(base, 115, 116, None, 118, 119, 120))
    assert "in every working week of the last 6 weeks, with 1 week away." in text


def test_a_run_after_weeks_before_anything_was_recorded_still_says_when(base):
    """Weeks before set-up come first and are no part of the run: it began when they ended."""
    text = sustained(weeks_at(base, None, None, 116, 117, 118, 119))
    assert "for 4 weeks in a row (since" in text


@pytest.mark.parametrize("weeks, said", [(52, "the last year"), (104, "the last two years"),
                                         (105, "the last 105 weeks")])
def test_whole_years_looked_back_over_are_said_in_years(base, weeks, said):
    assert f"in every week of {said}." in sustained(weeks_at(base, *[115] * weeks))


def test_not_now_holds_while_the_first_week_looked_at_moves_on(db, base):
    """The key of a run reaching back is the same from one week to the next: closed once, its
    panel does not come back every Monday."""
    estimates = weeks_at(base, *[115] * 8)
    this_week, next_week = summarise(estimates[:7])[-1], summarise(estimates[1:])[-1]
    dismiss_sustained_panel(db, this_week.weighted_episode)
    assert sustained_panel_due(db, next_week) is None
    started_later = summarise(weeks_at(base, 100, *[115] * 7))[-1]
    assert sustained_panel_due(db, started_later) is not None  # another run: shown


def test_ten_years_over_capacity_say_two_years_wherever_the_sentence_is(tmp_path, capsys,
                                                                        monkeypatch):
    import main

    spec = importlib.util.spec_from_file_location(
        "generate_dataset", ROOT / "benchmarks" / "generate_dataset.py")
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.generate(tmp_path, today=TODAY)
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", f"{TODAY}T10:00:00")
    db = open_database(database_path(tmp_path))
    try:
        inputs = load_inputs(db)
        # Looked at over ten years, the run began well before the Overview's two years.
        longer = weekly_history(inputs, TODAY, weeks=520)[-1].weighted_episode
        assert longer is not None and not longer.reaches_back
        assert longer.start < TODAY - timedelta(weeks=DEFAULT_WEEKS)
        words = status_words(workload_status(inputs, TODAY), TODAY, figures=False)
    finally:
        db.close()
    expected = "Your workload has been over capacity in every week of the last two years."
    assert words.sustained.startswith(expected)
    assert expected in words.supervision_note
    assert main.main(["--data-dir", str(tmp_path), "status"]) == 0
    printed = capsys.readouterr().out
    assert expected in printed and f"{DEFAULT_WEEKS} weeks in a row" not in printed
