"""The last week the Overview showed, in words, kept beside the data so that the next start can
paint it in the window's first frame, before the data file is even opened; the Overview worked
out from the data replaces it moments later.

What it holds is the practitioner's own workload in words, exactly the sentences the Overview
shows with "Show figures" off: the week line, the two headlines and their bodies, and the calm
panels' sentences when they were showing. No percentage, case reference, note or name is in
it (`save` refuses a text holding a percentage or a reference it is given); the hours and weeks
those sentences give ("about 4 extra hours a week", "for 6 weeks in a row") are, as on the
Overview. It is never
kept while the data is encrypted (turning encryption on, off or to a new
passphrase deletes it, and so do restore and delete-all), so nothing of an encrypted folder can
be read from it; and it is never painted over a data file that is encrypted or not a database.

It is only painted when it is still true: kept today, in this ISO week, and for the data file exactly
as it was when kept (`data_state`: which file it is, its size and its modification and status
change times, and its journal's, taken once the journal is written into the file; the status
change time is the one no tool can set back). A change from the command line, a restore,
another week: the first frame then shows no words, and the Overview comes with the data.

Nor is it painted when it was kept by other code than the code now installed: an update can change
the words (a sentence found untrue, reworded), and the data file, untouched by an update, cannot
tell. So it is kept with the code's stamp (`code_stamp`), and words kept under another stamp are
read as none (the next keep replaces them): those of an earlier or a later version, or of this
one before a module was changed.

Reading it must cost the first frame next to nothing, so it is plain text read without any
module the frame does not already have (json alone cost the frame 5 to 9 ms): a first line
naming the format, a second the code's stamp, then one line a field (`name: text`, backslashes
and line breaks escaped), every field in order and nothing else. What is read is checked as
cheaply as it is read: a text holding a percentage (a "%", "percent" or "per cent") is not the
Overview's words with Show figures off, and is never painted. Whether a text holds a case
reference cannot be known without the data (the references are in it, and the frame does not
open it): that is checked only as the words are kept, and the folder is the owner's alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, NamedTuple

from core.common.crash_points import crash_point

SNAPSHOT_NAME = "last-week-in-words.txt"
COMING_DAYS_NAME = "coming-days-in-words.txt"  # core.store.coming_days
HEADER = "Caseload Companion: the last week in words, version 3"  # 3: with the code's stamp
CODE = "code: "  # the second line: code_stamp()
# Every module the words are worked out from (a test checks), and the Overview's, which keeps them
CODE_FOLDERS = tuple(os.path.join(*folder) for folder in (
    ("core", "caseload"), ("core", "common"), ("core", "store"), ("core", "workload"),
    ("ui", "overview")))
CODE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA_FILE = "caseload.db"  # core.store.paths.DB_FILENAME, without importing it (a test checks)
MAX_BYTES = 16 * 1024  # a real one is under 1 KiB; anything far bigger is not one
_SQLITE_HEADER = b"SQLite format 3\x00"  # a plain data file; an encrypted one starts at random


class WeekSnapshot(NamedTuple):
    week: str  # ISO week label, "2026-W49"
    week_line: str  # "Week 49, as of Friday 4 December"
    headline: str
    body: str
    caseload_headline: str
    caseload_body: str
    sustained: str = ""  # the calm panel over the cards, when it was showing
    sustained_caseload: str = ""
    day: str = ""  # the day it was kept, "2026-12-07": the Overview's words are as of a day
    data_state: str = ""  # the data file as it was when kept (data_state())


def snapshot_path(data_dir: Path) -> Path:
    return Path(data_dir) / SNAPSHOT_NAME


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"n": "\n", "r": "\r"}.get(following, following))
        else:
            out.append(char)
    return "".join(out)


def read_snapshot(data_dir: Path) -> WeekSnapshot | None:
    """The last week kept by this code, or None (none kept, kept by other code, or a file that
    is not one: never an error)."""
    try:
        with open(snapshot_path(data_dir), "rb") as kept:
            raw = kept.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # never read on into a huge file: the next keep replaces it
            forget_snapshot(data_dir)
            return None
        lines = raw.decode("utf-8").replace("\r\n", "\n").split("\n")
    except (OSError, ValueError):
        return None
    if lines[-1] == "":  # the last line's end
        lines.pop()
    if len(lines) < 2 or lines[0] != HEADER or lines[1] != CODE + code_stamp():
        return None
    return snapshot_from_lines(lines[2:])


def snapshot_from_lines(lines: list[str]) -> WeekSnapshot | None:
    """One kept week from its `name: text` lines, or None unless they are every field in order
    and nothing else, and their texts hold no percentage (`plain_words`)."""
    if len(lines) != len(WeekSnapshot._fields):
        return None
    texts = []
    for field, line in zip(WeekSnapshot._fields, lines):
        name, colon, text = line.partition(": ")
        if name != field or not colon:
            return None
        texts.append(_unescape(text))
    snapshot = WeekSnapshot(*texts)
    return snapshot if plain_words(snapshot) else None


def plain_words(snapshot: WeekSnapshot) -> bool:
    """Whether the texts hold no percentage, as the Overview's words with Show figures off never
    do ("110%", "35 percent"): checked as they are kept and as they are read."""
    said = " ".join(snapshot[1:-2]).casefold()  # not the week, day or data state
    return "%" not in said and "percent" not in said and "per cent" not in said


def code_stamp() -> str:
    """The code that works out and keeps the words, as it is on disk: how many modules there are
    in CODE_FOLDERS and the sums of their sizes, modification and status change times (the
    status change time moves on whenever a file is written or replaced, and no tool can set it
    back); in the bundle, its program file's too (which holds the compiled modules where they
    are not files beside it). An update, or any module changed, makes another stamp. Worked out
    once a process, by the code it runs: one `stat` a module (about 100), no file read."""
    global _stamp
    if _stamp is None:
        count = size = modified = changed = 0
        folders = [os.path.join(CODE_ROOT, folder) for folder in CODE_FOLDERS]
        files = [sys.executable] if getattr(sys, "frozen", False) else []
        while folders:
            try:
                entries = os.scandir(folders.pop())
            except OSError:
                continue
            with entries:
                for entry in entries:
                    if entry.name.endswith((".py", ".pyc")):
                        files.append(entry.path)
                    elif entry.name != "__pycache__" and entry.is_dir():
                        folders.append(entry.path)
        for path in files:
            try:
                info = os.stat(path)
            except OSError:
                continue
            count += 1
            size, modified, changed = (size + info.st_size, modified + info.st_mtime_ns,
                                       changed + info.st_ctime_ns)
        _stamp = f"{count} {size} {modified} {changed}"
    return _stamp


_stamp: str | None = None


def data_state(data_dir: Path) -> str:
    """The data file's state on disk: which file it is and when it last changed, and its
    journal's while it holds anything; any write (this app, a command, a restore) changes it.

    Which file: its device and inode, so a copy renamed or restored into its place (a backup
    tool, `cp -p`, `rsync -t` bringing back a damaged copy with its old times) is another file.
    When it changed: its status change time (`st_ctime_ns`) beside its size and modification
    time. Any tool can set a modification time back (`touch -r`, `os.utime`), but no tool can
    set the change time back: writing to the file, or setting its times, moves it on. (The -shm
    index holds no data of its own: SQLite rebuilds it from the data file and the journal.)
    Two `stat` calls, and no file opened: the first frame pays next to nothing, and
    a process holding the data open never loses its locks to a stray descriptor."""
    parts = []
    for name in (DATA_FILE, DATA_FILE + "-wal"):
        try:
            info = os.stat(Path(data_dir) / name)
        except OSError:
            parts.append("-")
            continue
        parts.append("-" if name.endswith("-wal") and info.st_size == 0
                     else f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:"
                          f"{info.st_dev}:{info.st_ino}")
    return " ".join(parts)


def plain_data_file(data_dir: Path) -> bool:
    try:
        with open(Path(data_dir) / DATA_FILE, "rb") as data:
            return data.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def snapshot_for_first_frame(data_dir: Path, week: str, day: str) -> WeekSnapshot | None:
    """The kept words if they are still true: kept today (`day`, ISO) for `week` (this ISO week)
    and for the data file as it is now; the Overview says its week "as of" a day, and what it
    says can move on from one day to the next; and kept by this code (`code_stamp`). Over a data
    file that is encrypted, missing or not a database, the kept words are deleted and None
    returned: nothing is painted beside a passphrase prompt or a recovery dialog."""
    if not plain_data_file(data_dir):
        forget_snapshot(data_dir)
        return None
    code_stamp()  # now, before the modules that work out words are imported: this start's code
    snapshot = read_snapshot(data_dir)
    if (snapshot is None or (snapshot.week, snapshot.day) != (week, day)
            or snapshot.data_state != data_state(data_dir)):
        return None
    return snapshot


def snapshot_lines(snapshot: WeekSnapshot) -> list[str]:
    """One kept week as `name: text` lines (backslashes and line breaks escaped)."""
    return [f"{name}: {_escape(text)}" for name, text in zip(WeekSnapshot._fields, snapshot)]


def save_snapshot(data_dir: Path, snapshot: WeekSnapshot, references: Iterable[str] = ()) -> bool:
    """Keep `snapshot` (owner-only, replaced atomically); False, keeping nothing, when any of its
    texts holds one of `references` or the folder cannot be written."""
    from core.store.reference_check import holds_reference  # only when keeping

    if not plain_words(snapshot) or holds_reference(" ".join(snapshot[1:-2]), references):
        forget_snapshot(data_dir)  # (not the week, day or state)
        return False
    target = snapshot_path(data_dir)
    tmp = target.with_name(target.name + ".new")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join([HEADER, CODE + code_stamp(), *snapshot_lines(snapshot)]) + "\n")
        crash_point("week_snapshot.written")
        os.replace(tmp, target)
        crash_point("week_snapshot.replaced")
    except OSError:  # a read-only or full folder: the next start just waits for the data
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def forget_snapshot(data_dir: Path) -> None:
    """Delete the kept week (and a half-written one), if any."""
    folder = Path(data_dir)
    # (and the name briefly used before: last-week-in-words.json), and the words kept for the
    # coming days (core.store.coming_days)
    for path in (folder / SNAPSHOT_NAME, folder / (SNAPSHOT_NAME + ".new"),
                 folder / "last-week-in-words.json", folder / COMING_DAYS_NAME,
                 folder / (COMING_DAYS_NAME + ".new")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
