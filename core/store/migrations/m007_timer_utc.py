"""m007: a running timer's start becomes an instant, stored with its UTC offset.

Earlier versions stored local wall-clock time without an offset (`2026-10-25T01:30`), which is
ambiguous in the hour the clocks go back and made a timer through a clock change gain or lose an
hour. The stored start is read as local time and rewritten with its offset
(`2026-10-25T01:30+01:00`); the table's shape does not change.
"""

from datetime import datetime

from sqlite_utils import Database

from core.common.clock import stamp
from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m007_timer_utc(db: Database) -> None:
    for row in list(db.query("SELECT id, started_at FROM running_timer")):
        try:
            started = datetime.fromisoformat(row["started_at"])
        except (TypeError, ValueError):
            continue  # not a time this app wrote; left as it is rather than refusing to open
        if started.tzinfo is None:
            db.execute(
                "UPDATE running_timer SET started_at = ? WHERE id = ?", [stamp(started), row["id"]]
            )
