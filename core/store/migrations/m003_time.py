"""m003: time logging: activities, time entries, the running timer, working pattern, leave days."""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS

# (key, name, counted by the WMT). Keys stay stable when the practitioner renames an activity,
# so quick-entry words such as "admin" keep working. "Counted" means the estimate's points or
# allowances cover the work; the HMI bulletin's list of what the WMT misses is marked 0.
BUILT_IN_ACTIVITIES: tuple[tuple[str, str, int], ...] = (
    ("appointment", "Appointment / direct contact", 1),
    ("home_visit", "Home visit", 1),
    ("assessment", "Assessment", 1),
    ("court_report", "Court report writing", 1),
    ("court_duty", "Court duty", 0),
    ("parole_recall", "Parole or recall work", 0),
    ("mappa", "MAPPA or multi-agency meeting", 1),
    ("recording", "Recording and admin", 1),
    ("travel", "Travel", 0),
    ("training", "Training", 1),
    ("own_supervision", "Own supervision", 1),
    ("covering", "Covering for a colleague", 0),
    ("duty", "Duty / reception", 0),
    ("one_to_one", "One-to-one work in place of an intervention", 0),
    ("other", "Other", 0),
)


def seed_activities(db: Database) -> None:
    """Insert the built-in activities into an empty `activities` table: a new data file gets
    them here, and "Delete all my data" puts them back through this same step."""
    for position, (key, name, counted) in enumerate(BUILT_IN_ACTIVITIES):
        db.execute(
            "INSERT INTO activities (key, name, counted_by_wmt, built_in, position) "
            "VALUES (?, ?, ?, 1, ?)",
            [key, name, counted, position],
        )


@MIGRATIONS()
def m003_create_time(db: Database) -> None:
    db.execute(
        """CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            key TEXT UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            counted_by_wmt INTEGER NOT NULL DEFAULT 1,
            hidden INTEGER NOT NULL DEFAULT 0,
            built_in INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0
        )"""
    )
    seed_activities(db)
    # RESTRICT keeps an activity in use from being deleted; a deleted case keeps its logged time
    # (the hours were still worked) but loses the link.
    db.execute(
        """CREATE TABLE time_entries (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            start TEXT,
            "end" TEXT,
            minutes INTEGER NOT NULL,
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE RESTRICT,
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.table("time_entries").create_index(["date", "start"])
    db.execute(
        """CREATE TABLE running_timer (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE RESTRICT,
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            started_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    # One row per weekday (0 = Monday); no rows means "contracted hours over Monday to Friday".
    db.table("working_pattern").create(
        {"weekday": int, "hours": float, "day_start": str, "day_end": str}, pk="weekday"
    )
    db.table("leave_days").create({"date": str, "kind": str, "hours": float}, pk="date")
