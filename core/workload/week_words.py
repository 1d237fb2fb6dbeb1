"""This week in words, worked out from the data as the Overview works it out, and nothing else:
the week line, the two headlines and their bodies, and the calm panels' sentences when they are
due (the same fields the Overview keeps for the next start, core.store.week_snapshot).

It is what the window paints first when no kept words are still true (the first start of a day,
or after a change from the command line): this week alone, from a read-only look at the data
file, before the data is opened for the window and before the Overview's trend, history and
cards are made. Nothing is painted from a file this build would open differently (a newer
version's data, one that still needs a migration, an encrypted or damaged one, every page read
as opening it reads them): None, and the words come with the Overview.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from core.store.read_only import ReadOnlyData
from core.store.week_snapshot import DATA_FILE, WeekSnapshot, plain_data_file

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.workload.estimate import EstimateInputs
    from core.workload.estimate_series import DayEstimates
    from core.workload.history import WeekSummary
    from core.workload.status_words import StatusWords

MIGRATION_SET = "caseload_companion"  # core.store.migrations.registry.MIGRATIONS' name
# The newest migration this build has, and every one it knows (a test checks both against the
# registry, which this path does not import: it brings sqlite-utils). A data file that has
# applied any other, or not all of these, is opened the usual way before anything is painted
# from it: the same test as opening the data makes (a newer version's file is refused whatever
# its migration's name, m010_b_… as much as m011_…).
LATEST_MIGRATION = "m010_calendar_sync"
KNOWN_MIGRATIONS = frozenset({
    "m001_create_caseload", "m002_create_agenda", "m003_create_time", "m004_create_workload",
    "m005_create_supervision", "m006_calendar_import", "m007_timer_utc",
    "m008_exact_hours_dated_profile", "m009_application_id", LATEST_MIGRATION})


def week_line(summary: WeekSummary, words: StatusWords) -> str:
    """"Week 49, as of Friday 4 December": the Overview's line beside its title."""
    return f"Week {summary.estimate.week[-2:].lstrip('0')}, as of {words.week_label}"


def week_in_words(db: Database, day: date) -> WeekSnapshot | None:
    """This week's words without figures, as the Overview shows them on `day`; None when there
    is no week to say (no cases yet)."""
    return words_on_days(db, [day])[0]


def words_on_days(db: Database, days: list[date]) -> list[WeekSnapshot | None]:
    """`week_in_words` for each of `days`, from one reading of the data (the coming days' words
    kept as the app quits, core.store.coming_days)."""
    from datetime import timedelta

    from core.workload.estimate import load_inputs
    from core.workload.estimate_series import DayEstimates
    from core.workload.history import DEFAULT_WEEKS, history_days

    # The week's runs and trend are worked out over the weeks since history_days' first, and
    # a run's first week from its Monday: a case closed a week before that is held on none of
    # those days (ten years: 50 of 600 cases read, about 4 ms less).
    if not days or next(iter(db.query("SELECT 1 FROM cases LIMIT 1")), None) is None:
        return [None for _ in days]  # no case at all: the Overview shows its empty page
    first_week = history_days(min(days), DEFAULT_WEEKS)[0] - timedelta(weeks=1)
    inputs = load_inputs(db, closed_after=first_week)
    estimates = DayEstimates(inputs)  # the days' two years of weeks, mostly the same weeks
    if len(days) > 1:
        estimates.ahead([week for day in days for week in history_days(day, DEFAULT_WEEKS)])
    return [_words_on(db, inputs, estimates, day) for day in days]


def _words_on(db: Database, inputs: EstimateInputs, estimates: DayEstimates,
              day: date) -> WeekSnapshot | None:
    from core.workload.history import CASELOAD, WEIGHTED, sustained_panel_due, workload_status
    from core.workload.status_words import status_words

    summary = workload_status(inputs, day, estimates)
    if not summary.estimate.has_data:
        return None
    words = status_words(summary, day, figures=False)
    weighted, caseload = (text or "" if sustained_panel_due(db, summary, kind) is not None else ""
                          for kind, text in ((WEIGHTED, words.sustained),
                                             (CASELOAD, words.sustained_caseload)))
    body, _recent = words.beside_panel(bool(weighted))
    return WeekSnapshot(summary.estimate.week, week_line(summary, words), words.headline, body,
                        words.caseload_headline, words.caseload_body, weighted, caseload,
                        day.isoformat())


def _current_schema(conn: sqlite3.Connection) -> bool:
    applied = {name for (name,) in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    return applied == KNOWN_MIGRATIONS


def week_in_words_from_file(data_dir: Path, day: date) -> WeekSnapshot | None:
    """This week's words read straight from the data file in `data_dir`, opened read-only, or
    None: no plain data file of this version, nothing to say, or anything at all in the way
    (never an error: the Overview then brings the words with the data)."""
    if not plain_data_file(data_dir):
        return None
    try:
        uri = (Path(data_dir) / DATA_FILE).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        conn.execute("PRAGMA busy_timeout = 0")  # a command writing now: no words, no waiting
        if not _current_schema(conn):
            return None
        # Every page read, as opening the data does (core.store.database.check_readable): no
        # words are painted from a damaged file, over which the recovery screen comes next.
        if conn.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
            return None
        return week_in_words(cast("Database", ReadOnlyData(conn)), day)
    except Exception:  # noqa: BLE001 - damaged, locked, half-written: the Overview says it
        return None
    finally:
        conn.close()
