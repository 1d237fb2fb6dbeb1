"""The practitioner's profile (grade, hours, protected ceiling) and small app settings."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from core.common.errors import ValidationError
from core.caseload.models import GRADES, Profile
from core.store.settings import get_setting, set_setting

PROFILE_SINCE_KEY = "profile_since"

MAX_HOURS = 60.0


def profile_problems(profile: Profile) -> list[str]:
    problems = []
    if profile.grade not in GRADES:
        problems.append(f"Grade must be one of: {', '.join(GRADES)}.")
    hours = profile.contracted_hours
    if hours is not None and not (0 < hours <= MAX_HOURS):
        problems.append(f"Contracted hours must be more than 0 and at most {MAX_HOURS:g} a week.")
    ceiling = profile.protected_ceiling
    if ceiling is not None and not (1 <= ceiling <= 200):
        problems.append("A protected caseload ceiling must be between 1 and 200 cases.")
    return problems


def get_profile(db: Database) -> Profile:
    rows = list(db.query("SELECT * FROM profile WHERE id = 1"))
    if not rows:
        return Profile()
    row = rows[0]
    return Profile(row["grade"], row["contracted_hours"], row["protected_ceiling"])


def has_profile(db: Database) -> bool:
    return bool(db["profile"].count)


def profile_since(db: Database) -> date | None:
    """The day grade and hours were first given (None before then)."""
    value = get_setting(db, PROFILE_SINCE_KEY)
    return date.fromisoformat(value) if value else None


def save_profile(db: Database, profile: Profile, today: date | None = None) -> Profile:
    """Save grade, hours and ceiling (ValidationError naming each problem); the first save
    also records the day, from which the Time totals count contracted hours."""
    problems = profile_problems(profile)
    if problems:
        raise ValidationError(problems)
    if not has_profile(db) and get_setting(db, PROFILE_SINCE_KEY) is None:
        set_setting(db, PROFILE_SINCE_KEY, (today or date.today()).isoformat())
    db["profile"].upsert(
        {
            "id": 1,
            "grade": profile.grade,
            "contracted_hours": profile.contracted_hours,
            "protected_ceiling": profile.protected_ceiling,
        },
        pk="id",
    )
    return get_profile(db)
