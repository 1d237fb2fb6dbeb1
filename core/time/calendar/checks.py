"""The checks the preview and the import share, over the same rows: whatever is ticked and shows
no reason imports.

A row proposed alone can still clash with another once the practitioner has chosen activities or
ticked rows by hand: two overlapping events that both waited for an activity, or two all-day
events on one day. `settle` is run over all the rows after every change in the preview, and
again by the import before it writes, so the two can never disagree: of two ticked rows that
overlap, the earlier stays ticked and the later is unticked with the clash named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from core.time.calendar.resync import takes_out
from core.time.calendar.rows import LEAVE, ProposedRow, row_span

THIS_CALENDAR = "from this calendar"


def _clash(row: ProposedRow, taken: dict[date, list[tuple[int, int, str]]]) -> str:
    first, last = row_span(row)
    for a, b, span in taken.get(row.date, []):
        if a < last and first < b:
            return f"Overlaps {span} {THIS_CALENDAR}"
    return ""


def _waiting_reason(row: ProposedRow, movable: set[int]) -> str:
    if set(row.after) <= movable:
        return f"{row.after_said}: tick the row that takes it out too"
    return row.after_said  # the entry it overlaps stays where it is


def _in_step(rows: list[ProposedRow]) -> list[ProposedRow]:
    """A row overlapping entries imported before imports only with the rows that move those
    entries out of its way (two appointments that swapped times): unticked, saying so, while
    they are not ticked, and ticked again once they are. The rows kept are the largest set of
    ticked (or waiting) rows that between them move every entry any of them overlaps."""
    movable = {i for r in rows if r.can_import for i in r.replaces}
    waits = {n: _waiting_reason(r, movable) for n, r in enumerate(rows) if r.after}
    keep = {n for n, r in enumerate(rows) if r.can_import and (
        r.ticked or (n in waits and r.reason == waits[n]))}
    while True:
        out = {i for n in keep for i in rows[n].replaces}
        drop = {n for n in keep if n in waits and not set(rows[n].after) <= out}
        if not drop:
            break
        keep -= drop
    settled = []
    for n, row in enumerate(rows):
        if n in waits and n in keep:
            row = replace(row, ticked=True, reason="" if row.reason == waits[n] else row.reason)
        elif n in waits and (row.ticked or row.reason == waits[n]):
            row = replace(row, ticked=False, reason=waits[n])
        settled.append(row)
    return settled


def settle(rows: list[ProposedRow]) -> list[ProposedRow]:
    """`rows` with every clash between ticked timed rows named on the later row (unticked), and
    a clash named earlier cleared once the row it named is no longer ticked."""
    rows = _in_step(rows)
    taken: dict[date, list[tuple[int, int, str]]] = {}
    settled: list[ProposedRow] = []
    for row in rows:
        timed = row.kind != LEAVE and row.start is not None and row.end is not None
        timed = timed and not takes_out(row)  # it takes time out, it adds none
        named_clash = row.reason.startswith("Overlaps") and row.reason.endswith(THIS_CALENDAR)
        if timed and (row.ticked or named_clash):
            clash = _clash(row, taken)
            if clash:
                row = replace(row, ticked=False, reason=clash)
            elif named_clash:
                row = replace(row, reason="")
        if timed and row.ticked and row.can_import:
            first, last = row_span(row)
            taken.setdefault(row.date, []).append((first, last, row.span_text))
        settled.append(row)
    return settled


def importable(rows: list[ProposedRow]) -> list[ProposedRow]:
    """The rows an import saves: those ticked after `settle` (and allowed to be)."""
    return [r for r in settle(rows) if r.ticked and r.can_import]


@dataclass(frozen=True)
class Plan:
    """What importing the rows would do, counted as `import_rows` counts what it did."""

    entries: int = 0
    minutes: int = 0
    leave_days: int = 0
    taken_out: int = 0  # entries and leave days of events cancelled since they were imported

    @property
    def count(self) -> int:
        return self.entries + self.leave_days + self.taken_out


def plan(rows: list[ProposedRow]) -> Plan:
    """The totals a preview shows: a cancelled event adds nothing (it takes its entry or leave
    out), and two all-day events on one day are one day of leave."""
    chosen = importable(rows)
    added = [r for r in chosen if r.kind != LEAVE and not takes_out(r)]
    leave = {r.date for r in chosen if r.kind == LEAVE and not takes_out(r)}
    out = {i for r in chosen if r.kind != LEAVE and takes_out(r) for i in r.replaces}
    leave_out = {r.date for r in chosen if r.kind == LEAVE and takes_out(r)}
    return Plan(len(added), sum(r.minutes for r in added), len(leave), len(out) + len(leave_out))


def nothing_ready(rows: list[ProposedRow]) -> str:
    """Why no row is ticked, as the end of one sentence ("every event … is already imported")."""
    done = sum(r.reason == "Already imported" or r.reason.startswith("Already in") for r in rows)
    if rows and done == len(rows):
        return "every event in these dates is already imported"
    said = f"{done} row{'s are' if done != 1 else ' is'} already imported, and " if done else ""
    rest = "the others" if done else "the rows"
    if any(r.reason == "Choose an activity" for r in rows):
        return (
            f"{said}{rest} need an activity: add keyword rules in Settings > Activities, or use "
            "File > Import calendar… to choose them"
        )
    return f"{said}{rest} are not ready; each says why"
