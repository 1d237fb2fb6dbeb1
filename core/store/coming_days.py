"""This week in words for each of the coming days, kept a moment after the week's words are kept
and as the app quits (ui.overview.last_week_stand_in), and after a command that changes the data
(core.workload.words_after_command), so that the next day's first start paints its words in the
window's first frame, as a start later the same day does.

The words the Overview shows depend on the data and on the day alone (its week is "as of" a day,
"so far this week" until Friday; a case starts or ends on a day). With the data file as the
next start will find it, the words for each of the next COMING_DAYS days are worked out from
that same data (core.workload.week_words.words_on_days, the Overview's own computation) and kept
here, each for its day and for the data file's state (core.store.week_snapshot.data_state). The
first start of one of those days, with the data file untouched since, paints that day's words;
any other change to the data (a restore, a sync) or a day further on, and nothing here is
painted: the words are worked out from the data.

What it holds is what the kept week holds (core.store.week_snapshot): the Overview's words with
Show figures off, no percentage and no case reference, under the same stamp of the code that
kept them (nothing kept by other code is painted), never while the data is encrypted,
deleted with it (forget_snapshot) by delete-all, restore and every change of encryption. Plain
text, as the kept week is read,
so reading it costs the first frame next to nothing: a first line naming the format, a second
the code's stamp, then one block of `name: text` lines a day, an empty line before each; a block
is read with the kept week's checks (every field in order, nothing else, no percentage).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from core.common.crash_points import crash_point
from core.store.week_snapshot import (CODE, COMING_DAYS_NAME, WeekSnapshot, code_stamp,
                                      data_state, plain_data_file, plain_words,
                                      snapshot_from_lines, snapshot_lines)

HEADER = "Caseload Companion: this week in words for the coming days, version 2"  # 2: the stamp
COMING_DAYS = 21  # a Friday's quit for Monday, a long weekend's, a week or two of leave
MAX_BYTES = 64 * 1024  # a real one is about 15 KiB


def coming_days_path(data_dir: Path) -> Path:
    return Path(data_dir) / COMING_DAYS_NAME


def _blocks(data_dir: Path) -> list[str]:
    """The file's blocks, one a day, or none (none kept, kept by other code than this
    (core.store.week_snapshot.code_stamp), or a file that is not one)."""
    try:
        with open(coming_days_path(data_dir), "rb") as kept:
            raw = kept.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return []
        blocks = raw.decode("utf-8").replace("\r\n", "\n").split("\n\n")
    except (OSError, ValueError):
        return []
    if blocks[0].rstrip("\n") != f"{HEADER}\n{CODE}{code_stamp()}":
        return []
    return [block.strip("\n") for block in blocks[1:]]


def read_coming_days(data_dir: Path) -> list[WeekSnapshot]:
    """The days kept, in order; none if none are kept or the file is not one (never an error)."""
    found = (snapshot_from_lines(block.split("\n")) for block in _blocks(data_dir))
    return [day for day in found if day is not None]


def coming_day_for_first_frame(data_dir: Path, week: str, day: str) -> WeekSnapshot | None:
    """The words kept for `day` (ISO) in `week` (ISO week), if the data file is still exactly as
    it was when they were kept; None otherwise. Only that day's block is read into words (a
    text's own line breaks are escaped, so its `day:` line is the block's)."""
    if not plain_data_file(data_dir):
        return None
    line = f"\nday: {day}\n"
    kept = next((words for words in (snapshot_from_lines(block.split("\n"))
                                     for block in _blocks(data_dir) if line in block)
                 if words is not None and (words.week, words.day) == (week, day)), None)
    if kept is None or kept.data_state != data_state(data_dir):
        return None
    return kept


def save_coming_days(data_dir: Path, days: Iterable[WeekSnapshot],
                     references: Iterable[str] = ()) -> bool:
    """Keep `days` (owner-only, replaced atomically); False, keeping nothing (and deleting what
    was kept), when any of their texts holds one of `references` or the folder cannot be
    written."""
    days, references = list(days), list(references)
    target = coming_days_path(data_dir)
    tmp = target.with_name(target.name + ".new")
    try:
        from core.store.reference_check import holds_reference  # only when keeping

        if any(not plain_words(words) or holds_reference(" ".join(words[1:-2]), references)
               for words in days):
            target.unlink(missing_ok=True)
            return False
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n\n".join([f"{HEADER}\n{CODE}{code_stamp()}",
                                    *("\n".join(snapshot_lines(words)) for words in days)])
                      + "\n")
        crash_point("coming_days.written")
        os.replace(tmp, target)
        crash_point("coming_days.replaced")
    except OSError:  # a read-only or full folder: the next day's start works its words out
        for path in (tmp, target):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        return False
    return True
