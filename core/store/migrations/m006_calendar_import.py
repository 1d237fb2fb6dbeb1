"""m006 (calendar import): the practitioner's keyword rules, and what an import must remember.

Nothing from a calendar event's text is stored. `calendar_imported` keeps a keyed hash of each
event's UID with its start, so the same file imported twice adds nothing; `calendar_choices`
keeps, under a keyed hash of the subject, the activity chosen for it last time. The key is random
per data file (`calendar_key`), so the hashes cannot be compared between files or looked up in a
table of common subjects made elsewhere.
"""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS

# (keyword, built-in activity key): a starting set the practitioner edits in Settings > Activities.
DEFAULT_RULES: tuple[tuple[str, str], ...] = (
    ("home visit", "home_visit"),
    ("HV", "home_visit"),
    ("MAPPA", "mappa"),
    ("MARAC", "mappa"),
    ("multi-agency", "mappa"),
    ("court", "court_duty"),
    ("court report", "court_report"),
    ("PSR", "court_report"),
    ("OASys", "assessment"),
    ("parole", "parole_recall"),
    ("recall", "parole_recall"),
    ("training", "training"),
    ("travel", "travel"),
    ("duty", "duty"),
    ("appointment", "appointment"),
    ("induction", "appointment"),
)


def seed_calendar_rules(db: Database) -> None:
    """Insert the starting keyword rules into an empty `calendar_rules` table (the built-in
    activities must be there): a new data file gets them here, and "Delete all my data" puts
    them back through this same step."""
    for keyword, key in DEFAULT_RULES:
        db.execute(
            "INSERT INTO calendar_rules (keyword, activity_id) "
            "SELECT ?, id FROM activities WHERE key = ?",
            [keyword, key],
        )


@MIGRATIONS()
def m006_calendar_import(db: Database) -> None:
    # A rule goes with its activity: deleting an (unused) activity deletes its rules.
    db.execute(
        """CREATE TABLE calendar_rules (
            id INTEGER PRIMARY KEY,
            keyword TEXT NOT NULL UNIQUE COLLATE NOCASE,
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE
        )"""
    )
    seed_calendar_rules(db)
    db.execute(
        """CREATE TABLE calendar_choices (
            subject_hash TEXT PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE
        )"""
    )
    # No foreign key to time_entries: undo and redo delete and re-insert entries with the same
    # id, and the link must survive that. An import counts only while its entry still exists.
    db.execute(
        """CREATE TABLE calendar_imported (
            uid_hash TEXT NOT NULL,
            start_utc TEXT NOT NULL,
            entry_id INTEGER,
            leave_date TEXT,
            PRIMARY KEY (uid_hash, start_utc)
        )"""
    )
    db.execute(
        "CREATE TABLE calendar_key (id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL)"
    )
