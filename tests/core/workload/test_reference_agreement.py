"""The app agrees with an independent reference implementation of the published rules, week for
week and band for band: core history, `status`, `history` and the summary's workload section
(issue 14's "done means"; the Overview's texts are checked in tests/ui/overview)."""

from __future__ import annotations

import json
import tempfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import main
from core.store.database import open_database
from core.store.paths import database_path
from core.supervision.summary_sources import workload_facts
from core.workload.history import weekly_history
from core.workload.wording import W_HEADLINES
from tests import reference_model as ref
from tests.history_strategies import histories, store
from tests.examples import examples

# Modest counts: each example builds a database (about half a second on a shared 2-core machine).
AGREE = settings(max_examples=examples(25), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WEEKS = 104


def _capacity(value) -> Decimal | None:
    return None if value is None else Decimal(value.numerator) / Decimal(value.denominator)


def assert_week_agrees(app, model: ref.RefWeek) -> None:
    est = app.estimate
    where = f"week of {model.day}"
    assert est.as_of == model.day, where
    assert est.caseload_count == model.cases, where
    assert est.workload_points == model.points, where
    assert est.capacity_percent == _capacity(model.capacity), where
    assert est.workload_band == model.w_band, where
    assert est.caseload_band == model.c_band, where
    assert est.is_gap == model.gap, where
    assert (app.weighted_run, app.caseload_run) == (model.weighted_run, model.caseload_run), where
    weighted, caseload = app.weighted_episode, app.caseload_episode
    assert (weighted.since if weighted else None) == model.weighted_since, where
    assert (weighted.away if weighted else 0) == model.weighted_away, where
    assert (caseload.since if caseload else None) == model.caseload_since, where
    assert (caseload.away if caseload else 0) == model.caseload_away, where
    assert (app.weeks_over_110, app.weeks_counted, app.recent_away) == (
        model.over, model.counted, model.recent_away), where
    assert app.recovered == model.recovered, where


def _run_cli(data_dir: Path, *argv: str) -> str:
    out = StringIO()
    with redirect_stdout(out):
        assert main.main(["--data-dir", str(data_dir), *argv]) == 0
    return out.getvalue()


@AGREE
@given(histories())
def test_core_status_history_and_summary_agree_with_the_reference(case):
    history, blocks, today = case
    model = ref.weekly(history, today, WEEKS)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        db = open_database(database_path(data_dir))
        try:
            store(db, history, blocks)
            app = weekly_history(db, today, WEEKS)
            for week, expected in zip(app, model):
                assert_week_agrees(week, expected)
            facts = workload_facts(db, today)
        finally:
            db.close()

        # `history --json`: the last 12 weeks, the same figures and bands.
        weeks = json.loads(_run_cli(data_dir, "history", "--weeks", "12", "--json",
                                    "--as-of", today.isoformat()))
        for row, expected in zip(weeks, model[-12:]):
            assert row["as_of"] == expected.day.isoformat()
            assert row["workload_band"] == expected.w_band
            assert row["caseload_band"] == expected.c_band
            assert row["gap"] == expected.gap
            assert row["weighted_since"] == (expected.weighted_since.isoformat()
                                             if expected.weighted_since else None)
            assert row["caseload_since"] == (expected.caseload_since.isoformat()
                                             if expected.caseload_since else None)
            if expected.capacity is None:
                assert row["capacity_percent"] is None
            else:
                assert Decimal(str(row["capacity_percent"])) == _capacity(expected.capacity)

        # `status` (words, figures hidden) and `status --json`: this week as the reference has it.
        last = model[-1]
        status = json.loads(_run_cli(data_dir, "status", "--json", "--as-of", today.isoformat()))
        assert status["as_of"] == last.day.isoformat()
        assert (status["workload_band"], status["caseload_band"]) == (last.w_band, last.c_band)
        assert status["headline"] == last.headline
        text = _run_cli(data_dir, "status", "--as-of", today.isoformat())
        caseload = last.c_headline if last.cases else "No cases yet"
        assert last.headline in text and caseload in text
        assert "%" not in text and "percent" not in text  # no figure unless asked
        if last.weighted_since:
            assert "Your workload has been over capacity" in text
        if last.caseload_since:
            assert "Your caseload has been above" in text

        # `status` on another weekday agrees too (its week's Friday, or that day before it).
        other = today - timedelta(days=3)
        expected = ref.weekly(history, other, WEEKS)[-1]
        status = json.loads(_run_cli(data_dir, "status", "--json", "--as-of", other.isoformat()))
        assert status["as_of"] == expected.day.isoformat()
        assert (status["workload_band"], status["caseload_band"], status["gap"]) == (
            expected.w_band, expected.c_band, expected.gap)
        assert status["weighted_since"] == (expected.weighted_since.isoformat()
                                            if expected.weighted_since else None)

        # The summary's workload section: the same bands and the same weeks-over count.
        if last.cases or last.points:
            joined = " ".join(facts.lines)
            assert last.c_headline in joined
            if last.w_band:
                assert W_HEADLINES[last.w_band].lower() in joined
        if facts.weeks_over:
            counted = last.counted or 4
            assert facts.weeks_over.startswith(
                f"Weeks over 110%: every one of the last {counted}" if last.over >= counted
                else f"Weeks over 110%: {last.over} of the last {counted}")


def test_the_issue_s_part_time_edge_is_full_not_above(db):
    """22.2 hours (0.6 FTE) and 36 cases is exactly 60 full-time equivalent: Full caseload."""
    from core.caseload.cases import CaseStore
    from core.caseload.models import Case, Profile
    from core.workload.estimate import estimate_as_of
    from core.workload.profile import save_profile

    save_profile(db, Profile("PO", "22.2"))
    CaseStore(db).add_cases(Case(f"C{n:02d}", "community", "D1", date(2026, 1, 5))
                            for n in range(36))
    est = estimate_as_of(db, date(2026, 3, 6))
    assert est.caseload_band == "C3" and est.caseload_ratio == Decimal("1.2")
    for hours, cases in (("29.6", 48), ("14.8", 24), ("7.4", 12), ("33.3", 54)):
        save_profile(db, Profile("PO", hours), date(2026, 3, 2))
        store = CaseStore(db)
        for case in store.list_cases("active"):
            store.close_case(case.id, date(2026, 1, 5), "completed")
        store.add_cases(Case(f"{hours}-{n}", "community", "D1", date(2026, 1, 5))
                        for n in range(cases))
        est = estimate_as_of(db, date(2026, 3, 6))
        assert (est.caseload_count, est.caseload_band) == (cases, "C3"), hours
