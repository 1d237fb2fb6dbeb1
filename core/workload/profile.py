"""The practitioner's profile (grade, hours, protected ceiling), dated, and small app settings.

Contracted hours and grade change from a date, like reductions and weightings: a change
applies from its `effective_from` day on, and the weeks before keep the hours they had
(workload-model.md §8: a week's figure uses what was true on its Friday). The very first
profile saved applies from the beginning, so history is worked out with it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.common import clock
from core.caseload.models import GRADES, Profile
from core.common.errors import ValidationError
from core.common.exact import too_precise
from core.store.saved_rows import RowScope
from core.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

PROFILE_SINCE_KEY = "profile_since"
MAX_HOURS = Decimal(60)
MIN_HOURS = Decimal(1)  # fewer than an hour a week is a slip, not a contract
SINCE_ALWAYS = date.min
# What a profile save writes, for Undo: the dated changes, the last profile typed, the day
# grade and hours were first given.
PROFILE_ROWS = RowScope(("profile_changes", "profile"), (PROFILE_SINCE_KEY,))


def profile_problems(profile: Profile) -> list[str]:
    problems = []
    if profile.grade not in GRADES:
        problems.append(f"Grade must be one of: {', '.join(GRADES)}.")
    hours = profile.contracted_hours
    if hours is not None and not isinstance(hours, Decimal):
        problems.append("Contracted hours should be a number, such as 30 or 22.2.")
    elif hours is not None and (not (MIN_HOURS <= hours <= MAX_HOURS) or too_precise(hours)):
        problems.append(f"Contracted hours must be from {MIN_HOURS} to {MAX_HOURS} a week, to at "
                        "most two decimal places, such as 22.2.")
    ceiling = profile.protected_ceiling
    if ceiling is not None and not (1 <= ceiling <= 200):
        problems.append("A protected caseload ceiling must be between 1 and 200 cases.")
    return problems


@dataclass(frozen=True)
class ProfileChange:
    """One dated profile: in force from `effective_from` until the next change."""

    effective_from: date
    profile: Profile
    id: int | None = None


class ProfileTimeline:
    """The profile in force on any day, from the dated changes (oldest first).

    Before the first change the first profile applies; with no change at all, the default
    profile (PO, 37 hours).
    """

    def __init__(self, changes: list[ProfileChange] | tuple[ProfileChange, ...] = ()):
        ordered = sorted(changes, key=lambda c: (c.effective_from, c.id or 0))
        self.changes: tuple[ProfileChange, ...] = tuple(ordered)
        self._days = [c.effective_from for c in ordered]

    def as_of(self, day: date) -> Profile:
        if not self.changes:
            return Profile()
        index = bisect.bisect_right(self._days, day) - 1
        return self.changes[max(index, 0)].profile

    @property
    def latest(self) -> Profile:
        return self.changes[-1].profile if self.changes else Profile()

    @classmethod
    def fixed(cls, profile: Profile) -> ProfileTimeline:
        """One profile for every day (tests, and data without dated changes)."""
        return cls([ProfileChange(SINCE_ALWAYS, profile)])


def _row_profile(row: dict[str, Any]) -> Profile:
    return Profile(row["grade"], row["contracted_hours"], row["protected_ceiling"])


def list_profile_changes(db: Database) -> list[ProfileChange]:
    return [
        ProfileChange(date.fromisoformat(r["effective_from"]), _row_profile(r), r["id"])
        for r in db.query("SELECT * FROM profile_changes ORDER BY effective_from, id")
    ]


def load_profile_timeline(db: Database) -> ProfileTimeline:
    return ProfileTimeline(list_profile_changes(db))


def get_profile(db: Database, day: date | None = None) -> Profile:
    """The profile in force on `day` (default today)."""
    return load_profile_timeline(db).as_of(day or clock.today())


def has_profile(db: Database) -> bool:
    return bool(db.table("profile_changes").count)


def profile_since(db: Database) -> date | None:
    """The day grade and hours were first given (None before then): the Time totals count
    contracted hours from it."""
    value = get_setting(db, PROFILE_SINCE_KEY)
    return date.fromisoformat(value) if value else None


def save_profile(db: Database, profile: Profile, effective_from: date | None = None,
                 today: date | None = None) -> Profile:
    """Record `profile` as in force from `effective_from` (default today); earlier weeks keep
    what they had. The first profile ever saved applies from the beginning, and so does a
    change from the day it was saved (the day the app was set up): one rule for the weeks
    before set-up, read the same by the Overview, the Time view, the summary and `status`.

    Raises ValidationError (sentences) for a grade, hours or ceiling out of range.
    """
    problems = profile_problems(profile)
    if problems:
        raise ValidationError(problems)
    today = today or clock.today()
    first = not has_profile(db)
    if first and get_setting(db, PROFILE_SINCE_KEY) is None:
        # Time totals count from here, fixed once: from today, or from the first day with time
        # logged when that came first (the welcome skipped, the profile given days later).
        row = db.execute("SELECT min(date) FROM time_entries").fetchone()
        logged = date.fromisoformat(row[0]) if row and row[0] else today
        set_setting(db, PROFILE_SINCE_KEY, min(today, logged).isoformat())
    start = SINCE_ALWAYS if first else (effective_from or today)
    set_up_on = profile_since(db)
    corrected = set_up_on if not first and start == set_up_on else None
    if corrected is not None:  # changed on the day the app was set up: it corrects the set-up
        start = SINCE_ALWAYS  # profile, which is how every view and command reads the weeks before
    hours = None if profile.contracted_hours is None else str(profile.contracted_hours)
    with db.atomic():
        if corrected is not None:
            db.execute("DELETE FROM profile_changes WHERE effective_from <= ?",
                       [corrected.isoformat()])
        db.table("profile_changes").insert({
            "effective_from": start.isoformat(),
            "grade": profile.grade,
            "contracted_hours": hours,
            "protected_ceiling": profile.protected_ceiling,
            "changed_on": today.isoformat(),
        })
        # The last profile typed, kept for older readers of the file.
        db.table("profile").upsert({"id": 1, "grade": profile.grade, "contracted_hours": hours,
                              "protected_ceiling": profile.protected_ceiling}, pk="id")
    return load_profile_timeline(db).as_of(max(start, today))

