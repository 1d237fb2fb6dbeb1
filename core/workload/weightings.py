"""WMT weightings: the 2021 published defaults, dated edits, and the values in force on a day."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from core.common import clock
from core.common.errors import ValidationError
from core.common.exact import to_decimal
from core.caseload.models import CASE_TYPE_LABELS, CASE_TYPES, TIERS
from core.common.resources import resource_path
from core.store.kept_deletion import KeptRows, delete_keeping
from core.store.saved_rows import RowScope

if TYPE_CHECKING:
    from sqlite_utils import Database

RESTORE_KEY = "*restore*"
WEIGHTINGS_ROWS = RowScope(("weighting_changes",))  # what a save or restore writes, for Undo
# Flat keys name every editable value: "tier.community.B2", "report.standard", "share.warrant"…
SCALAR_KEYS: tuple[str, ...] = (
    "nominal_target",
    "default_hours",
    "report.standard",
    "report.fast",
    "share.warrant",
    "share.unpaid_work_only",
    "share.overdue_termination",
)
# The weightings table's columns: the three case types and the young adult (T2A) row, which the
# WMT keeps as a row of its own (the 2021 seed copies the custody column into it).
T2A_COLUMN = "t2a"
WEIGHTING_COLUMNS: tuple[str, ...] = CASE_TYPES + (T2A_COLUMN,)
COLUMN_LABELS = {**CASE_TYPE_LABELS, T2A_COLUMN: "Young adult (T2A)"}
# The inactive states a case can be in, each with the share of its points it keeps (0% in the
# 2021 defaults: today's WMT leaves inactive cases out of the totals).
SHARE_STATES: tuple[str, ...] = ("warrant", "unpaid_work_only", "overdue_termination")
TIER_KEYS: tuple[str, ...] = tuple(
    f"tier.{col}.{tier}" for col in WEIGHTING_COLUMNS for tier in TIERS)
ALL_KEYS: tuple[str, ...] = SCALAR_KEYS + TIER_KEYS
MAX_POINTS = 5000


@dataclass(frozen=True)
class Weightings:
    """Every number the estimate uses. Points are whole numbers; shares are whole percentages."""

    tier_points: Mapping[str, Mapping[str, int]]  # column (case type or "t2a") -> tier -> points
    report_points: Mapping[str, int]  # "standard" / "fast" -> points
    nominal_target: int
    default_hours: Decimal  # exact: 37, or the full-time hours typed
    warrant_share: int  # % of its points a case only waiting on a warrant keeps
    unpaid_work_share: int  # % kept by a case with only unpaid work left
    overdue_share: int = 0  # % kept by a case past its expected end date, not terminated
    label: str = ""
    published: str = ""
    source: str = ""
    values: Mapping[str, float] = field(default_factory=dict, compare=False, repr=False)

    @property
    def points_per_hour(self) -> Fraction:
        """About 58.8 with the defaults (2176/37 exactly): what one contracted hour is worth."""
        return Fraction(self.nominal_target) / Fraction(self.default_hours)

    def column_for(self, case_type: str, t2a: bool) -> str:
        """A young adult (T2A) case uses the T2A row whatever its type."""
        return T2A_COLUMN if t2a else case_type

    def points_for(self, case_type: str, tier: str, t2a: bool = False) -> int:
        return int(self.tier_points[self.column_for(case_type, t2a)].get(tier, 0))

    def share_for(self, state: str) -> int:
        return {"warrant": self.warrant_share, "unpaid_work_only": self.unpaid_work_share,
                "overdue_termination": self.overdue_share}.get(state, 100)


def _from_values(values: Mapping[str, float], meta: Mapping[str, str]) -> Weightings:
    tiers = {col: {t: int(values[f"tier.{col}.{t}"]) for t in TIERS} for col in WEIGHTING_COLUMNS}
    return Weightings(
        tier_points=tiers,
        report_points={
            "standard": int(values["report.standard"]),
            "fast": int(values["report.fast"]),
        },
        nominal_target=int(values["nominal_target"]),
        default_hours=to_decimal(values["default_hours"]),
        warrant_share=int(values["share.warrant"]),
        unpaid_work_share=int(values["share.unpaid_work_only"]),
        overdue_share=int(values["share.overdue_termination"]),
        label=meta.get("label", ""),
        published=meta.get("published", ""),
        source=meta.get("source", ""),
        values=dict(values),
    )


@lru_cache(maxsize=1)
def _default_document() -> dict[str, Any]:
    return json.loads(resource_path("weightings-2021.json").read_text(encoding="utf-8"))


def default_values() -> dict[str, float]:
    """The published defaults as flat key -> value (a new dict, the caller's to change)."""
    return dict(_default_values())


@lru_cache(maxsize=1)
def _default_values() -> dict[str, float]:
    """Kept: a ten-year history compares each week's weightings with them twice."""
    doc = _default_document()
    values: dict[str, float] = {
        "nominal_target": doc["nominal_target"],
        "default_hours": doc["default_hours"],
        "report.standard": doc["report_points"]["standard"],
        "report.fast": doc["report_points"]["fast"],
        "share.warrant": doc["shares"]["warrant"],
        "share.unpaid_work_only": doc["shares"]["unpaid_work_only"],
        "share.overdue_termination": doc["shares"]["overdue_termination"],
    }
    for col in WEIGHTING_COLUMNS:
        for tier in TIERS:
            values[f"tier.{col}.{tier}"] = doc["tier_points"][col][tier]
    return values


@lru_cache(maxsize=1)
def published_defaults() -> Weightings:
    """The 2021 published defaults, labelled as such (one object, never changed: Weightings
    is frozen, and nothing writes into its tables)."""
    return _from_values(default_values(), _default_document())


def key_label(key: str) -> str:
    """A plain name for a key, e.g. 'Licence, tier A3' or 'Standard court report'."""
    if key.startswith("tier."):
        _, col, tier = key.split(".")
        tier_text = "untiered" if tier == "untiered" else f"tier {tier}"
        return f"{COLUMN_LABELS[col]}, {tier_text}"
    return {
        "nominal_target": "Nominal target (points for a full-time week)",
        "default_hours": "Full-time hours a week",
        "report.standard": "Standard court report (SDR/PSR)",
        "report.fast": "Fast court report (FDR)",
        "share.warrant": "Share kept while only waiting on a warrant (%)",
        "share.unpaid_work_only": "Share kept with only unpaid work left (%)",
        "share.overdue_termination": "Share kept past the expected end date (%)",
    }[key]


def value_problem(key: str, value: Any) -> str | None:
    """Why `value` cannot be saved for `key`, as a sentence; None when it is fine."""
    if key not in ALL_KEYS:
        return f"'{key}' is not a weighting the app knows."
    name = key_label(key)
    try:
        number = float(value)
        if "_" in str(value):  # float reads '1_5' as 15
            raise ValueError(value)
    except (TypeError, ValueError):
        return f"{name}: '{value}' is not a number."
    if number != number or number in (float("inf"), float("-inf")):
        return f"{name}: '{value}' is not a number."
    if key == "default_hours":
        return None if 0 < number <= 60 else f"{name} must be more than 0 and at most 60."
    if not number.is_integer():
        return f"{name} must be a whole number."
    if key.startswith("share."):
        return None if 0 <= number <= 100 else f"{name} must be between 0 and 100."
    if key == "nominal_target":
        return None if 1 <= number <= 20000 else f"{name} must be between 1 and 20000."
    return None if 0 <= number <= MAX_POINTS else f"{name} must be between 0 and {MAX_POINTS}."


@dataclass(frozen=True)
class WeightingChange:
    """One dated edit; key RESTORE_KEY with value None restores every default from that date."""

    effective_from: date
    key: str
    value: float | None
    changed_on: date
    id: int | None = None


def list_changes(db: Database) -> list[WeightingChange]:
    """Every edit in the order it applies: by date in force, then by when it was made."""
    return [
        WeightingChange(
            date.fromisoformat(r["effective_from"]),
            r["key"],
            r["value"],
            date.fromisoformat(r["changed_on"]),
            r["id"],
        )
        for r in db.query("SELECT * FROM weighting_changes ORDER BY effective_from, id")
    ]


def set_weightings(
    db: Database, values: Mapping[str, Any], effective_from: date, today: date | None = None
) -> list[WeightingChange]:
    """Save several edited values, all in force from `effective_from`; all or none."""
    problems = [p for p in (value_problem(k, v) for k, v in values.items()) if p]
    if not values:
        problems.append("There is nothing to save.")
    if problems:
        raise ValidationError(problems)
    changed_on = (today or clock.today()).isoformat()
    rows = [
        {"effective_from": effective_from.isoformat(), "key": k, "value": float(v),
         "changed_on": changed_on}
        for k, v in values.items()
    ]
    with db.atomic():
        db.table("weighting_changes").insert_all(rows)
    return list_changes(db)


def set_weighting(
    db: Database, key: str, value: Any, effective_from: date, today: date | None = None
) -> list[WeightingChange]:
    return set_weightings(db, {key: value}, effective_from, today)


def restore_defaults(db: Database, effective_from: date, today: date | None = None) -> None:
    """Every value back to the published defaults from `effective_from`; earlier weeks keep
    the values they had."""
    db.table("weighting_changes").insert(
        {"effective_from": effective_from.isoformat(), "key": RESTORE_KEY, "value": None,
         "changed_on": (today or clock.today()).isoformat()}
    )


def delete_change(db: Database, change_id: int) -> KeptRows:
    """Take back one edit; what went, so that Ctrl+Z can put it back."""
    return delete_keeping(db, "weighting_changes", "id", [change_id])


class WeightingsTimeline:
    """The weightings in force on any day, built once from the dated edits (fast for history)."""

    def __init__(self, changes: list[WeightingChange]):
        defaults = published_defaults()
        meta = _default_document()
        self._days: list[date] = []
        self._versions: list[Weightings] = [defaults]
        values = default_values()
        for change in sorted(changes, key=lambda c: (c.effective_from, c.id or 0)):
            if change.key == RESTORE_KEY:
                values = default_values()
            elif change.key in values and change.value is not None:
                values = {**values, change.key: change.value}
            version = defaults if values == _default_values() else _from_values(values, meta)
            if self._days and self._days[-1] == change.effective_from:
                self._versions[-1] = version
            else:
                self._days.append(change.effective_from)
                self._versions.append(version)

    def as_of(self, day: date) -> Weightings:
        return self._versions[bisect.bisect_right(self._days, day)]


def load_timeline(db: Database) -> WeightingsTimeline:
    return WeightingsTimeline(list_changes(db))


def weightings_as_of(db: Database, day: date) -> Weightings:
    """The weightings in force on `day` (history recomputes with these)."""
    return load_timeline(db).as_of(day)


def is_published_default(weightings: Weightings) -> bool:
    return weightings.values == _default_values()

