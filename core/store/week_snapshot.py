"""The last week the Overview showed, in words, kept beside the data so that the next start can
paint it in the window's first frame, before the data file is even opened; the Overview worked
out from the data replaces it moments later.

What it holds is the practitioner's own workload in words, exactly the sentences the Overview
shows with "Show figures" off: the week line, the two headlines and their bodies, and the calm
panels' sentences when they were showing. No case
reference, figure, note or name is in it (`save` refuses a text holding a reference it is
given). It is never kept while the data is encrypted (turning encryption on deletes it, and so
does delete-all), so nothing of an encrypted folder can be read from it.

Reading it must cost the first frame next to nothing, so it is plain text read without any
module the frame does not already have (json alone cost the frame 5 to 9 ms): a first line
naming the format, then one line a field (`name: text`, backslashes and line breaks escaped).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, NamedTuple

from core.common.crash_points import crash_point

SNAPSHOT_NAME = "last-week-in-words.txt"
HEADER = "Caseload Companion: the last week in words, version 1"


class WeekSnapshot(NamedTuple):
    week: str  # ISO week label, "2026-W49"
    week_line: str  # "Week 49, as of Friday 4 December"
    headline: str
    body: str
    caseload_headline: str
    caseload_body: str
    sustained: str = ""  # the calm panel over the cards, when it was showing
    sustained_caseload: str = ""


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
    """The last week kept, or None (none kept, or a file that is not one: never an error)."""
    try:
        lines = snapshot_path(data_dir).read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):
        return None
    if not lines or lines[0] != HEADER:
        return None
    values: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, text = line.partition(": ")
        if colon and name in WeekSnapshot._fields:
            values[name] = _unescape(text)
    if any(name not in values for name in WeekSnapshot._fields
           if name not in WeekSnapshot._field_defaults):
        return None
    return WeekSnapshot(**values)


def save_snapshot(data_dir: Path, snapshot: WeekSnapshot, references: Iterable[str] = ()) -> bool:
    """Keep `snapshot` (owner-only, replaced atomically); False, keeping nothing, when any of its
    texts holds one of `references` or the folder cannot be written."""
    words = " ".join(snapshot).casefold()
    if any(ref.casefold() in words for ref in references if ref):
        forget_snapshot(data_dir)
        return False
    target = snapshot_path(data_dir)
    tmp = target.with_name(target.name + ".new")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join([HEADER] + [f"{name}: {_escape(text)}" for name, text in
                                             zip(WeekSnapshot._fields, snapshot)]) + "\n")
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
    # (and the name briefly used before: last-week-in-words.json)
    for path in (folder / SNAPSHOT_NAME, folder / (SNAPSHOT_NAME + ".new"),
                 folder / "last-week-in-words.json"):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
