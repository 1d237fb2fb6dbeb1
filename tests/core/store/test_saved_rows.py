"""A settings save taken back: the rows it replaced come back exactly (the profile's dated
history, with their keys), all or none, and never over a change made since."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.caseload.models import Profile
from core.common.errors import ValidationError
from core.store.saved_rows import put_rows_back, read_rows
from core.time.working_week import PATTERN_ROWS, WorkingPattern, save_pattern
from core.workload.profile import PROFILE_ROWS, list_profile_changes, save_profile

ROOT = Path(__file__).resolve().parents[3]
SET_UP, LATER = date(2026, 1, 5), date(2026, 3, 2)


def test_a_profile_change_taken_back_leaves_the_history_as_it_was(db):
    save_profile(db, Profile("PO", Decimal("37"), None), today=SET_UP)
    save_profile(db, Profile("PO", Decimal("30"), None), LATER, today=LATER)
    before = read_rows(db, PROFILE_ROWS)
    history = list_profile_changes(db)
    # On the set-up day a change corrects the set-up: it deletes the rows before it.
    save_profile(db, Profile("PSO", Decimal("22.2"), 40), SET_UP, today=LATER)
    after = read_rows(db, PROFILE_ROWS)
    assert list_profile_changes(db) != history
    put_rows_back(db, PROFILE_ROWS, after, before, "the profile")
    assert list_profile_changes(db) == history  # dates, hours and keys
    assert read_rows(db, PROFILE_ROWS) == before
    put_rows_back(db, PROFILE_ROWS, before, after, "the profile")  # and Redo
    assert read_rows(db, PROFILE_ROWS) == after


def test_a_change_made_since_is_never_overwritten(db):
    save_pattern(db, WorkingPattern(hours=(7.4,) * 5 + (0.0, 0.0)))
    before = read_rows(db, PATTERN_ROWS)
    save_pattern(db, WorkingPattern(hours=(9.25,) * 4 + (0.0, 0.0, 0.0)))
    after = read_rows(db, PATTERN_ROWS)
    save_pattern(db, WorkingPattern(hours=(6.0,) * 5 + (0.0, 0.0)))  # another window
    since = read_rows(db, PATTERN_ROWS)
    with pytest.raises(ValidationError, match="changed since"):
        put_rows_back(db, PATTERN_ROWS, after, before, "the working week")
    assert read_rows(db, PATTERN_ROWS) == since


CHILD = """
import sys
from core.store.database import open_database
from core.store.saved_rows import put_rows_back, read_rows
from core.time.working_week import PATTERN_ROWS, WorkingPattern, save_pattern
db = open_database(__import__("pathlib").Path(sys.argv[1]))
before = read_rows(db, PATTERN_ROWS)
save_pattern(db, WorkingPattern(hours=(9.25,) * 4 + (0.0, 0.0, 0.0)))
put_rows_back(db, PATTERN_ROWS, read_rows(db, PATTERN_ROWS), before, "the working week")
"""


@pytest.mark.parametrize("point", ["saved_rows.checked", "saved_rows.tables_written",
                                   "saved_rows.settings_written"])
def test_killed_while_putting_back_leaves_the_save_whole(tmp_path, point):
    from core.store.database import open_database

    path = tmp_path / "caseload.db"
    db = open_database(path)
    save_pattern(db, WorkingPattern(hours=(7.4,) * 5 + (0.0, 0.0)))
    db.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), CASELOAD_CRASH_AT=point)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode != 0  # stopped there
    db = open_database(path)
    try:
        hours = [row["hours"] for row in db.query(
            "SELECT hours FROM working_pattern ORDER BY weekday")]
        assert hours == [9.25] * 4 + [0.0] * 3  # the save as it was, not half put back
    finally:
        db.close()


def test_a_table_others_point_at_is_never_put_back_whole(db):
    """Emptying activities would take the time logged against them with it."""
    from core.store.saved_rows import RowScope

    scope = RowScope(("activities",))
    rows = read_rows(db, scope)
    with pytest.raises(RuntimeError, match="points at activities"):
        put_rows_back(db, scope, rows, rows, "the activities")
    assert read_rows(db, scope) == rows
