"""m009: mark the file as Caseload Companion's own in SQLite's header (`PRAGMA application_id`).

SQLite keeps a 32-bit application id at byte offset 68 of every database file for exactly this:
telling one program's files from another's (sqlite.org/fileformat.html, "Application ID"). With
it, a file from another program that happens to be called caseload.db is refused untouched
instead of being given our tables (core.store.file_identity).
"""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS

# "CCmp" in ASCII; fits SQLite's signed 32-bit field.
APPLICATION_ID = 0x43436D70


@MIGRATIONS()
def m009_application_id(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
