"""Plain dataclasses and vocabularies for the caseload: no storage, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.common.exact import optional_decimal

CASE_TYPES: tuple[str, ...] = ("community", "licence", "custody")
CASE_TYPE_LABELS = {"community": "Community", "licence": "Licence", "custody": "Custody"}

SUPERVISED_TIERS: tuple[str, ...] = tuple(
    f"{protect}{change}" for protect in "ABCD" for change in "3210"
)
UNSUPERVISED_TIERS: tuple[str, ...] = tuple(f"{t}S" for t in SUPERVISED_TIERS)
UNTIERED = "untiered"
TIERS: tuple[str, ...] = SUPERVISED_TIERS + UNSUPERVISED_TIERS + (UNTIERED,)

GRADES: tuple[str, ...] = ("PO", "PSO", "PQiP", "SPO", "other")
GRADE_LABELS = {
    "PO": "Probation officer (PO)",
    "PSO": "Probation services officer (PSO)",
    "PQiP": "PQiP trainee",
    "SPO": "Senior probation officer (SPO)",
    "other": "Other caseworker",
}
DEFAULT_HOURS = Decimal(37)

CLOSE_REASONS: tuple[str, ...] = ("completed", "transferred", "recalled", "other")
CLOSE_REASON_LABELS = {
    "completed": "Completed",
    "transferred": "Transferred",
    "recalled": "Recalled / revoked",
    "other": "Other",
}

# Flags that change the work on a case. MAPPA level is held separately (1, 2 or 3).
FLAGS: tuple[str, ...] = (
    "domestic_abuse",
    "child_safeguarding",
    "iom",
    "mental_health",
    "parole_recall",
)
FLAG_LABELS = {
    "domestic_abuse": "Domestic abuse",
    "child_safeguarding": "Child safeguarding",
    "iom": "IOM",
    "mental_health": "Mental health",
    "parole_recall": "Parole or recall work",
}
MAPPA_LEVELS: tuple[int, ...] = (1, 2, 3)

# A case only waiting on a warrant, or with only unpaid work left, keeps a share of its points.
CASE_STATES: tuple[str, ...] = ("supervised", "warrant", "unpaid_work_only")
CASE_STATE_LABELS = {
    "supervised": "Being supervised",
    "warrant": "Waiting on an active warrant",
    "unpaid_work_only": "Only unpaid work left",
}
# Not stored: a case still open the day after its expected end date is an overdue termination
# (the WMT's word), which today's WMT leaves out of the totals like the two states above.
OVERDUE = "overdue_termination"
OVERDUE_LABEL = "Past its expected end date"

REPORT_KINDS: tuple[str, ...] = ("standard", "fast")
REPORT_KIND_LABELS = {"standard": "Standard court report (SDR/PSR)", "fast": "Fast court report (FDR)"}


def tier_letter(tier: str) -> str:
    """'B2' -> 'B'; 'untiered' -> ''."""
    return "" if tier == UNTIERED else tier[0]


@dataclass(frozen=True)
class TierChange:
    tier: str
    from_date: date


@dataclass
class Case:
    reference: str
    case_type: str
    tier: str
    start_date: date
    tier_date: date | None = None
    t2a: bool = False
    expected_end_date: date | None = None
    flags: tuple[str, ...] = ()
    mappa_level: int | None = None
    state: str = "supervised"
    next_report_due: date | None = None
    next_review_due: date | None = None
    closed_date: date | None = None
    close_reason: str | None = None
    id: int | None = None
    tier_history: tuple[TierChange, ...] = field(default=(), compare=False)

    @property
    def status(self) -> str:
        return "closed" if self.closed_date else "active"

    def is_active_on(self, day: date) -> bool:
        """Active from its start date until (not including) the day it closed."""
        if self.start_date > day:
            return False
        return self.closed_date is None or self.closed_date > day

    def is_overdue_on(self, day: date) -> bool:
        """Open on `day` although its expected end date has passed (from the day after it)."""
        return (self.expected_end_date is not None and day > self.expected_end_date
                and self.is_active_on(day))

    def state_on(self, day: date) -> str:
        """The state the estimate reads on `day`: OVERDUE once the expected end date has
        passed, else the state recorded (supervised, warrant, unpaid work only)."""
        return OVERDUE if self.is_overdue_on(day) else self.state

    def tier_on(self, day: date) -> str:
        """The tier the case held on `day`, from its dated history."""
        history = sorted(self.tier_history, key=lambda c: c.from_date)
        if not history:
            return self.tier
        held = history[0].tier  # before its first recorded change, the case held its first tier
        for change in history:
            if change.from_date <= day:
                held = change.tier
        return held


def _as_decimal(value):
    """The decimal typed; a value that is not a finite number is kept as given, for the
    validators to refuse with a sentence (profile_problems, reduction_problems)."""
    try:
        return optional_decimal(value)
    except (ValueError, TypeError):
        return value


@dataclass
class Profile:
    """Grade, contracted hours (an exact decimal; None is the full-time 37) and an optional
    protected caseload ceiling. Hours given as a float or text are read as the decimal typed."""

    grade: str = "PO"
    contracted_hours: Decimal | None = None
    protected_ceiling: int | None = None

    def __post_init__(self) -> None:
        self.contracted_hours = _as_decimal(self.contracted_hours)

    @property
    def hours(self) -> Decimal:
        """Contracted hours, with blank meaning the grade default of 37."""
        return DEFAULT_HOURS if self.contracted_hours is None else self.contracted_hours


@dataclass
class Reduction:
    """Hours off contracted hours from `start_date` to `end_date`, both days included (the end
    is the last day in force; a reduction that follows on starts the day after). Hours and
    percent are exact decimals."""

    reason: str
    start_date: date
    end_date: date | None = None
    hours_per_week: Decimal | None = None
    percent: Decimal | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        self.hours_per_week = _as_decimal(self.hours_per_week)
        self.percent = _as_decimal(self.percent)

    @property
    def end_exclusive(self) -> date | None:
        """The first day it no longer applies (None while open)."""
        return None if self.end_date is None else self.end_date + timedelta(days=1)

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    def hours_for(self, contracted_hours: Decimal) -> Decimal:
        """Weekly hours off, exactly; a percentage is of contracted hours."""
        if self.hours_per_week is not None:
            return self.hours_per_week
        return contracted_hours * (self.percent or Decimal(0)) / 100


@dataclass
class CourtReport:
    kind: str
    completed_date: date
    id: int | None = None
