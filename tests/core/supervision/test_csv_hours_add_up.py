"""The time-entries CSV's hours column adds up, in a spreadsheet, to the app's own total: 4,158
entries of 20 minutes rounded per row to 0.33 made 1,372.14 hours against 1,386."""

import csv
import io
from datetime import date, time, timedelta
from decimal import Decimal

from core.supervision.export import time_entries_csv
from core.time.activities import list_activities
from core.time.time_entries import TimeEntry, TimeStore
from core.time.time_summary import hours_text

FIRST = date(2025, 1, 1)


def test_twenty_minute_entries_add_up_to_the_apps_total(db):
    store = TimeStore(db)
    activity = list_activities(db)[0].id
    day, count = FIRST, 0
    with db.atomic():
        while count < 4158:
            for slot in range(24):
                if count == 4158:
                    break
                start = time(slot, 0)
                entry = TimeEntry(day, 20, activity, start, time(slot, 20))
                store.log_time(entry, today=date(2026, 1, 1))
                count += 1
            day += timedelta(days=1)
    text = time_entries_csv(db, FIRST, day).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    minutes = sum(int(r["minutes"]) for r in rows)
    excel = sum(float(r["hours"]) for r in rows)  # what a spreadsheet's SUM does
    assert len(rows) == 4158 and minutes == 4158 * 20
    assert f"{excel:.10f}" == f"{Decimal(minutes) / 60:.10f}" == "1386.0000000000"
    assert hours_text(excel) == hours_text(Decimal(minutes) / 60) == "1386 hours"
    assert {r["hours"] for r in rows} == {"0.333333333333333"}
