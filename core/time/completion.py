"""Whole-line completion for the one-line time entry: the activity being typed, or a case after `@`.

It reads a line the way `core.time.quick_entry` parses it (the same time patterns), so what it
offers is always a line the parser accepts.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.time.activities import ALIASES, Activity, match_activity
from core.time.quick_entry import _AGO, _DURATION, _RANGE, _START_DUR


def suggest(
    line: str, activities: list[Activity], case_refs: Iterable[str], limit: int = 8
) -> list[str]:
    """Whole-line completions for what is being typed: an activity name, or a case after `@`."""
    if not line or line.endswith(" "):
        return []
    head, _, last = line.rpartition(" ")
    prefix = head + " " if head else ""
    if last.startswith("@"):
        wanted = last[1:].upper()
        refs = sorted(r for r in case_refs if r.upper().startswith(wanted))
        return [f"{prefix}@{r} " for r in refs[:limit]]
    # The activity is typed straight after the time part; find where that ends.
    for pattern in (_RANGE, _AGO, _START_DUR, _DURATION):
        match = pattern.match(line)
        if match:
            time_part, phrase = line[: match.end()], line[match.end() :].lstrip()
            break
    else:
        return []
    if not phrase or "@" in phrase:
        return []
    lowered = phrase.lower()
    names = [a.name for a in activities if a.name.lower().startswith(lowered)]
    names += [a.name for a in match_activity(activities, phrase) if a.name not in names]
    names += [
        a.name
        for a in activities
        if a.key
        and a.name not in names
        and any(alias.startswith(lowered) for alias in ALIASES.get(a.key, ()))
    ]
    if any(n.lower() == lowered for n in names):
        return []
    return [f"{time_part} {n.lower()} " for n in names[:limit]]
