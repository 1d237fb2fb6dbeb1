"""The Overview's "what the estimate doesn't see" asks only how much was logged in the last five
weeks: the same hours the week-by-week summary gives, worked out without the bank holidays
(and so without loading the holidays package) that contracted hours need."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from tests.demo_copy import demo_into
from core.time.time_summary import hours_per_week, logged_hours

TODAY = date(2026, 11, 25)


def test_logged_hours_are_the_weekly_summary_s_logged_hours(db):
    demo_into(db, TODAY)
    for weeks in (1, 5, 12):
        by_week = sum(w.logged_hours for w in hours_per_week(db, TODAY, weeks))
        assert abs(logged_hours(db, TODAY, weeks) - by_week) < 1e-9
    assert logged_hours(db, TODAY, 5) > 0
    assert logged_hours(db, TODAY - timedelta(days=3650), 5) == 0


def test_logged_hours_need_no_bank_holidays():
    code = ("import sys; from datetime import date; from core.store.database import "
            "open_database; from core.time.time_summary import logged_hours; "
            "logged_hours(open_database(None), date(2026, 11, 25), 5); "
            "print('holidays' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "False"
