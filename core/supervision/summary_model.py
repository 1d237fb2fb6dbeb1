"""The one-page supervision summary as plain data: ten numbered sections, each sentences, bullets
or a table. This is the one composition every format (PDF, HTML, Markdown) and any other
presentation draws from: renderers choose layout, never content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from core.common.exact import Number
from core.common.hours import hours_text as common_hours_text

SECTION_KEYS: tuple[str, ...] = (
    "header",
    "workload",
    "time",
    "going_well",
    "cases",
    "requests",
    "wellbeing",
    "reflection",
    "learning",
    "actions",
)
DOCUMENT_TITLE = "Supervision summary"
SECTION_TITLES = {
    "header": "Practitioner and period",
    "workload": "Workload at a glance",
    "time": "Where the time went",
    "going_well": "What's going well",
    "cases": "Cases to discuss",
    "requests": "Workload review and requests",
    "wellbeing": "Wellbeing check-in",
    "reflection": "Reflection",
    "learning": "Learning and development",
    "actions": "Agreed actions",
}
# When the page overflows, these go first, in this order; "workload" and "actions" never go.
CUT_ORDER: tuple[str, ...] = ("reflection", "time")
DEFAULT_CLASSIFICATION = "OFFICIAL"
CLASSIFICATION_MAX = 60
BASE_FONT_PT, MIN_FONT_PT = 9.0, 8.0


@dataclass
class TrendPoint:
    label: str  # e.g. "6 Nov"
    percent: float | None  # None: a week with no data (a gap, not a zero)
    missing: str = "no data"  # why there is no figure, said in the table: "leave", …


@dataclass
class Section:
    """One numbered section: the header is section 1, the rest 2 to 10 in the guide's order.

    Body items are `bullets` (or table `rows` after the header row); `ages`, when set, ranks
    them by when they were written (larger is newer) so a list cut to fit keeps its newest.
    """

    key: str
    title: str
    number: int = 0
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    # A small table: the first row is the header. Cells are plain text.
    rows: list[tuple[str, ...]] = field(default_factory=list)
    empty: str | None = None  # said instead of content when there is nothing to show
    trend: list[TrendPoint] = field(default_factory=list)
    comment_lines: int = 0  # blank ruled lines left for the manager's comments
    cut: bool = False  # dropped to keep to one page; the heading says so
    ages: list[int] = field(default_factory=list)
    more: int = 0  # items not shown to keep to one page; they are in the app
    more_note: str | None = None  # e.g. "3 more actions in the app."

    def has_content(self) -> bool:
        return bool(self.paragraphs or self.bullets or self.rows or self.trend)


@dataclass
class Summary:
    classification: str
    period_start: date
    period_end: date
    generated_on: date
    sections: list[Section]
    include_cases: bool = False
    include_wellbeing: bool = False
    empty_period: bool = False
    notice: str | None = None  # one line under the header, e.g. "Nothing was recorded …"
    include_reasons: bool = False
    font_pt: float = BASE_FONT_PT  # the body type size the page was fitted at
    fit_notes: list[str] = field(default_factory=list)  # what was left out or shortened, in words

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def cut_titles(self) -> list[str]:
        return [s.title for s in self.sections if s.cut]

    def fit_message(self) -> str:
        """'To fit one page: Reflection left out, 3 older actions not shown.' or '' if nothing."""
        return f"To fit one page: {', '.join(self.fit_notes)}." if self.fit_notes else ""


def long_date(day: date) -> str:
    """'28 November 2026': unambiguous on paper, read aloud well."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


def hours_text(hours: Number) -> str:
    """'1 hour', '7 hours 30 minutes': the app's one way of saying hours (core.common.hours),
    so the summary says what the Time view says."""
    return common_hours_text(hours)


@lru_cache(maxsize=8)
def _references_pattern(references: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for every reference, longest first: compiled once, not once per text.

    (A pattern per reference overflowed `re`'s cache with a long caseload history, so each of
    600 references was recompiled for every line: seconds per export instead of milliseconds.)
    """
    refs = sorted((r for r in references if r), key=len, reverse=True)
    if not refs:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, refs))})(?![\w])", re.I)


def redact_references(text: str, references: set[str]) -> str:
    """Replace any case reference inside free text, so an aggregate export never carries one."""
    pattern = _references_pattern(frozenset(references))
    return pattern.sub("[a case]", text) if pattern else text
