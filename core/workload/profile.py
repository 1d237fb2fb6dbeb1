"""The practitioner's profile (grade, hours, protected ceiling) and small app settings."""

from __future__ import annotations

from sqlite_utils import Database

from core.common.errors import ValidationError
from core.caseload.models import GRADES, Profile

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


def save_profile(db: Database, profile: Profile) -> Profile:
    problems = profile_problems(profile)
    if problems:
        raise ValidationError(problems)
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
