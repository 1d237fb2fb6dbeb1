"""Official WMT figures a manager gave the practitioner, one per week, kept beside the estimate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from core.common import clock
from core.common.dates import friday_of, iso_week_label
from core.common.errors import ValidationError
from core.common.exact import half_up

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_PERCENT = 500.0


def record_official(
    db: Database, day: date, percent: float, today: date | None = None
) -> str:
    """Store the official figure for the week holding `day` (replacing one already there).

    Returns the ISO week label it was stored under, e.g. "2026-W48".
    """
    try:
        value = float(percent)
    except (TypeError, ValueError):
        raise ValidationError(f"'{percent}' is not a percentage.") from None
    if value != value or not (0 <= value <= MAX_PERCENT):
        raise ValidationError(
            f"The official figure must be a percentage between 0 and {MAX_PERCENT:g}."
        )
    today = today or clock.today()
    if friday_of(day) > friday_of(today):
        raise ValidationError("An official figure cannot be given for a week that has not started.")
    week = iso_week_label(day)
    db.table("official_figures").upsert(
        {"week": week, "friday": friday_of(day).isoformat(), "percent": float(half_up(value, 1)),
         "entered_on": today.isoformat()},
        pk="week",
    )
    return week


def official_figures(db: Database) -> dict[str, float]:
    """Week label -> official percentage, for every week one was entered."""
    return {r["week"]: r["percent"] for r in db.query("SELECT week, percent FROM official_figures")}


def official_for(db: Database, day: date) -> float | None:
    return official_figures(db).get(iso_week_label(day))


def delete_official(db: Database, day: date) -> None:
    db.execute("DELETE FROM official_figures WHERE week = ?", [iso_week_label(day)])
