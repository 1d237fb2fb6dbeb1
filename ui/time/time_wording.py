"""What the Time view says: the line after a change, and the week's total in words."""

from __future__ import annotations

from core.time.time_entries import TimeChange, clock_change_note
from core.time.time_summary import hours_text
from core.time.working_week import WeekSummary


def change_message(change: TimeChange) -> str:
    new = [e for e in change.added if e.id not in {r.id for r in change.removed}]
    if not new:
        return ""
    minutes = sum(e.minutes for e in new)
    names = sorted({e.activity_name for e in new})
    cases = sorted({e.case_reference for e in new if e.case_reference})
    linked = f" for {' and '.join(cases)}" if cases else ""
    text = f"Logged {hours_text(minutes / 60)} of {', '.join(names)}{linked}. Undo with Ctrl+Z."
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
