"""This week's words kept again after a command changed the data, so the next start still paints
them in its first frame instead of working the week out alone.

The app keeps the Overview's words beside the data (core.store.week_snapshot); any write from
the command line (`log`, `cases …`, `reductions add`, `profile …`, an import) changes the data
file, so those words no longer match it and the next start is the slower one. Run once after a
command that opened the data: when words are kept for this folder and the data has changed since,
the same function that works the week out for the first frame (core.workload.week_words) works
it out again from the data as it now is, and keeps it with the file's new state, and the
coming days' words with it (core.store.coming_days). Nothing is kept
where none was (a folder the app has not opened, or one whose words were deleted), nor for
encrypted data; and when anything stands in the way (a write from elsewhere meanwhile, no week
to say) the kept words are deleted, so nothing stale is ever painted.

The data file is only ever reached through the command's own connection and `stat`: a process
holding the data open never opens the file itself (it would drop its locks on closing it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.common.crash_points import crash_point

if TYPE_CHECKING:
    from sqlite_utils import Database


def _write_journal_into_file(conn: Any) -> None:
    """Checkpoint without waiting, so that closing the data afterwards changes nothing the next
    start compares; when another process is reading or writing, the state kept names the
    journal too, and the next start finds it changed (no words, never a wait)."""
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Exception:  # noqa: BLE001 - busy: the state then names the journal
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")


def keep_words_after_command(db: Database, data_dir: Path) -> None:
    """Keep this week's words again for the data as the command left it, when words are kept
    for `data_dir` and the data changed; never an error (the next start then works it out)."""
    from core.store.week_snapshot import data_state, forget_snapshot, read_snapshot, snapshot_path

    folder = Path(data_dir)
    if not snapshot_path(folder).exists():
        return  # no words kept here: none are made
    try:
        from core.store.encryption import is_encrypted

        if is_encrypted(db):
            forget_snapshot(folder)
            return
        conn = db.conn
        _write_journal_into_file(conn)
        state = data_state(folder)
        kept = read_snapshot(folder)
        if kept is not None and kept.data_state == state:
            return  # nothing written: the words are as true (or as old) as they were
        _keep_again(db, folder, state)
    except Exception:  # noqa: BLE001 - closed, locked, damaged: keep nothing
        forget_snapshot(folder)


def _keep_again(db: Database, folder: Path, state: str) -> None:
    """Today's words, and the coming days' (core.store.coming_days) as the app keeps them at
    quit, so that a command run in the evening still leaves the next day's first start its
    words: about 34 ms of CPU over ten years, 13 ms for today's alone (the days share their
    weeks)."""
    from datetime import timedelta

    from core.caseload.cases import CaseStore
    from core.common.clock import today
    from core.store.coming_days import COMING_DAYS, save_coming_days
    from core.store.week_snapshot import data_state, forget_snapshot, save_snapshot
    from core.workload.week_words import words_on_days

    conn = db.conn
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    words, *coming = words_on_days(db, [today() + timedelta(days=n)
                                        for n in range(COMING_DAYS + 1)])
    # Another process's commit meanwhile moves data_version, and its write the file's state:
    # the words are then not those of the file as it is, and none are kept.
    _write_journal_into_file(conn)
    if (words is None or conn.execute("PRAGMA data_version").fetchone()[0] != version
            or data_state(folder) != state):
        forget_snapshot(folder)
        return
    crash_point("words_after_command.worked_out")
    references = CaseStore(db).references()
    if save_snapshot(folder, words._replace(data_state=state), references=references):
        save_coming_days(folder, [day._replace(data_state=state) for day in coming
                                  if day is not None], references)
