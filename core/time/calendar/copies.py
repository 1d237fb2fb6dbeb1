"""Copies of one appointment saved twice in a file (same UID, no repeat or RECURRENCE-ID): the
highest SEQUENCE wins, the later of equal ones; a copy left out at another time is said."""

from __future__ import annotations

from typing import Any

REPEATS = ("RRULE", "RDATE", "RECURRENCE-ID")  # an event with one of these has occurrences


def superseded(tops: list[Any], bad: dict[int, Any]) -> set[int]:
    """Older copies of one appointment saved twice in a file (same UID, no repeat or
    RECURRENCE-ID): the highest SEQUENCE wins, the later of equal ones."""
    best: dict[str, tuple[int, int]] = {}
    left: set[int] = set()
    for index, event in enumerate(tops):
        uid = str(event.get("UID", ""))
        if not uid or index in bad or any(n in event for n in REPEATS):
            continue
        try:
            sequence = int(str(event.get("SEQUENCE", 0)))
        except ValueError:
            sequence = 0
        if uid in best:
            kept_sequence, kept = best[uid]
            if sequence < kept_sequence:
                left.add(id(event))
                continue
            left.add(id(tops[kept]))
        best[uid] = (sequence, index)
    return left


def moved_copies(tops: list[Any], replaced: set[int]) -> list[Any]:
    """The copies left out whose start is not the start of the copy kept (an appointment
    saved twice as it was is said nothing of)."""
    if not replaced:  # the usual file: nothing saved twice, and nothing to compare
        return []
    uids = {str(e.get("UID", "")) for e in tops if id(e) in replaced}
    kept = {(str(e.get("UID", "")), repr(e.get("DTSTART"))) for e in tops
            if id(e) not in replaced and str(e.get("UID", "")) in uids}
    return [
        e for e in tops if id(e) in replaced
        and (str(e.get("UID", "")), repr(e.get("DTSTART"))) not in kept
    ]
