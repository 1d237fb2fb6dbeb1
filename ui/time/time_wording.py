"""What the Time view says: the line after a change, and the week's total in words."""

from __future__ import annotations

from datetime import date

from core.time.time_entries import TimeChange, TimeEntry, clock_change_note, format_span
from core.time.time_summary import hours_text
from core.time.working_week import WeekSummary

UNCHANGED = "Nothing changed: the entry is as it was."  # Edit time, Return on it as it was

TRIMMING = ("Log time", "Stop timer")  # the changes that cut logged time back to make room


def _left_of(change: TimeChange) -> dict[int | None, list[TimeEntry]]:
    """For each entry cut back to make room, what is left of it: the pieces of the same
    activity, case and note inside it (the first keeps its id; the new time may split it in
    two). An id alone does not tell: the database gives a new entry an id freed a moment ago."""
    if change.description not in TRIMMING:
        return {}
    left: dict[int | None, list[TimeEntry]] = {r.id: [] for r in change.removed}
    for entry in change.added:
        for old in sorted(change.removed, key=lambda r: r.id != entry.id):  # its own id first
            same = (entry.activity_id, entry.case_reference, entry.note, entry.date) == (
                old.activity_id, old.case_reference, old.note, old.date)
            if same and None not in (entry.start, entry.end, old.start, old.end) \
                    and old.start <= entry.start and entry.end <= old.end:  # type: ignore[operator]
                left[old.id].append(entry)
                break
    return left


def day_words(day: date) -> str:
    """"Sunday 6 December", as a screen reader says it best (no leading zero)."""
    return f"{day:%A} {day.day} {day:%B}"


def entry_words(entry: TimeEntry) -> str:
    """Which entry: "Recording and admin for C07, Sunday 6 December, 01:00–02:00" (the length
    where it has no times)."""
    case = f" for {entry.case_reference}" if entry.case_reference else ""
    when = format_span(entry) or hours_text(entry.minutes / 60)
    return f"{entry.activity_name}{case}, {day_words(entry.date)}, {when}"


def deleted_message(entry: TimeEntry) -> str:
    return f"Deleted {entry_words(entry)}. Undo with Ctrl+Z."


def _made_room(change: TimeChange) -> list[str]:
    """What making room did to time already logged, one sentence each."""
    left = _left_of(change)
    said = []
    for old in change.removed:
        if old.id not in left:
            continue
        what = f"{old.activity_name} {format_span(old)}".strip()
        kept = " and ".join(format_span(e) for e in left[old.id])
        said.append(f"{what} was shortened to {kept} to make room." if kept
                    else f"{what} was taken out to make room.")
    return said


def _what_changed(after: TimeEntry, before: TimeEntry) -> tuple[bool, list[str], str]:
    """Whether the entry moved, what else changed ("now 45 minutes", "now Travel"), and its
    times or length after."""
    when_after = format_span(after) or hours_text(after.minutes / 60)
    # Moved: another day or start. Only the end or the length changed is a change, not a move
    # ("Moved Travel to Monday 7 December, 1 hour" was said for 45 minutes made an hour).
    moved = (after.date, after.start) != (before.date, before.start)
    resized = not moved and (after.end, after.minutes) != (before.end, before.minutes)
    what = [f"now {when_after}"] if resized else []
    if after.activity_id != before.activity_id:
        what.append(f"now {after.activity_name}")
    if after.case_reference != before.case_reference:
        what.append(f"now for {after.case_reference}" if after.case_reference
                    else "no longer for a case")
    if after.note != before.note:
        what.append("note changed")
    return moved, what, when_after


def edit_step_message(done: str, step: str, now: TimeEntry, was: TimeEntry) -> str:
    """What an undo or redo of an edit left, said as what the entry is now, not only which
    step went: "Undone: Edit entry (Recording and admin, Monday 7 December, 45 minutes): now
    30 minutes." ("Undone: Edit entry (…, 45 minutes)." never said the 30 it was back to.)"""
    moved, what, when_now = _what_changed(now, was)
    if moved:
        what.append(f"now {day_words(now.date)}, {when_now}")
    return f"{done}: {step} ({entry_words(was)}): {', '.join(what) or 'as it was'}."


def edit_message(change: TimeChange) -> str:
    """An entry changed, said as a change of that entry ("Moved Recording and admin to Sunday
    6 December, 01:00–02:00."), not as time newly logged."""
    after, before = change.added[0], change.removed[0]
    moved, what, when_after = _what_changed(after, before)
    if moved and not what:
        said = f"Moved {before.activity_name} to {day_words(after.date)}, {when_after}."
    elif moved:
        said = (f"Changed {entry_words(before)}: {', '.join(what)}, moved to "
                f"{day_words(after.date)}, {when_after}.")
    else:
        said = f"Changed {entry_words(before)}: {', '.join(what) or 'nothing'}."
    room = _made_room(TimeChange(change.added[1:], change.removed[1:], "Log time"))
    note = clock_change_note(after)
    timing = moved or (after.end, after.minutes) != (before.end, before.minutes)
    return " ".join([said, *room, "Undo with Ctrl+Z."] + ([note] if note and timing else []))


def change_message(change: TimeChange) -> str:
    if change.description == "Edit entry" and change.added and change.removed:
        return edit_message(change)
    left = _left_of(change)
    pieces = {id(e) for kept in left.values() for e in kept}
    fresh = [e for e in change.added if e.id not in {r.id for r in change.removed}]
    new = [e for e in change.added if id(e) not in pieces] if left else fresh
    if not new and change.added:  # the same activity logged inside itself: which is new?
        new, left = fresh or list(change.added[:1]), {}
    if not new:
        return ""
    minutes = sum(e.minutes for e in new)
    names = sorted({e.activity_name for e in new})
    cases = sorted({e.case_reference for e in new if e.case_reference})
    linked = f" for {' and '.join(cases)}" if cases else ""
    said = [f"Logged {hours_text(minutes / 60)} of {', '.join(names)}{linked}."]
    if left:
        said += _made_room(change)
    text = " ".join(said) + " Undo with Ctrl+Z."
    notes = [n for n in (clock_change_note(e) for e in new) if n]
    return " ".join([text] + notes[:1])


def week_sentence(week: WeekSummary, mismatch: tuple[float, float] | None = None) -> str:
    """The week's total in words; `mismatch` (working week's hours, profile's hours) adds that
    the two differ, so "of 22 hours 12 minutes contracted" is not read beside 29.6 elsewhere."""
    text = (
        f"Week of {week.monday.day} {week.monday:%B %Y}: {hours_text(week.logged_hours)} logged "
        f"of {hours_text(week.contracted_hours)} contracted"
    )
    if week.hours_over_contract > 0:
        text += f", {hours_text(week.hours_over_contract)} over contract"
    uncounted = sum(e.minutes for d in week.days for e in d.entries if not e.counted_by_wmt)
    if uncounted:
        text += f". {hours_text(uncounted / 60)} went on work the WMT does not count"
    started = next((d.date for d in week.days if not d.before_start), None)
    if week.days[0].before_start and started is not None:
        text += (f". Contracted hours count from {started:%A} {started.day} {started:%B}, when "
                 "you set up the app")
    elif week.days[0].before_start:
        text += ". This week is before you set up the app, so no hours are counted as contracted"
    if mismatch:
        text += (f". Your working week adds up to {hours_text(mismatch[0])} but your profile says "
                 f"{hours_text(mismatch[1])}; change the days in Settings, Working week")
    return text + "."
