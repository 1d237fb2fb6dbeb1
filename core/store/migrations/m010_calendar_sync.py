"""m010: what a calendar import needs to bring its entries into step with the calendar later.

`calendar_imported` gains `entry_hash`: a keyed hash (the calendar key, as for UIDs) of the entry
as it was imported (day, times, minutes, activity, case, note), so a later import can tell an
entry the practitioner has since changed by hand (left as they made it) from one it may move or
take out. Its primary key is dropped: one event can be imported, moved and imported again at
the same start, and undo must find each entry's own record. Nothing of an event's text is added.
"""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m010_calendar_sync(db: Database) -> None:
    db.execute(
        """CREATE TABLE calendar_imported_new (
            uid_hash TEXT NOT NULL,
            start_utc TEXT NOT NULL,
            entry_id INTEGER,
            leave_date TEXT,
            entry_hash TEXT
        )"""
    )
    db.execute(
        "INSERT INTO calendar_imported_new (uid_hash, start_utc, entry_id, leave_date) "
        "SELECT uid_hash, start_utc, entry_id, leave_date FROM calendar_imported"
    )
    db.execute("DROP TABLE calendar_imported")
    db.execute("ALTER TABLE calendar_imported_new RENAME TO calendar_imported")
    db.execute("CREATE INDEX calendar_imported_uid ON calendar_imported (uid_hash)")
