"""Compose the one-page supervision summary for a period: the guide's ten sections, in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlite_utils import Database

from core.supervision.agenda import AgendaItem, agenda_for_period, reflection_parts
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.workload.profile import get_profile
from core.store.settings import get_setting
from core.workload.reductions import list_reductions
from core.supervision.summary_model import (
    CUT_ORDER,
    DEFAULT_CLASSIFICATION,
    SECTION_KEYS,
    SECTION_TITLES,
    Section,
    Summary,
    estimated_lines,
    hours_text,
    long_date,
    redact_references,
    short_date,
)
from core.supervision.summary_sources import role_line, time_facts, workload_facts
from core.supervision.sessions import ACTION_STATUS_LABELS, actions_for_period, last_session
from core.common.words import plural
from core.common.exact import half_up

CLASSIFICATION_SETTING = "export.classification"
PAGE_LINES = 64
TIME_ROWS = 7  # what fits on A4 at the summary's type size, before real layout confirms it
MAX_CASES, MAX_GOING_WELL, MAX_REQUESTS, MAX_LEARNING, MAX_ACTIONS = 5, 3, 5, 3, 8
# Reductions that would reveal health or family circumstances are shown by category only.
_PERSONAL_REASONS = ("sick", "maternity", "adoption", "pregnan", "disab", "phased", "leave")


@dataclass
class SummaryOptions:
    start: date | None = None
    end: date | None = None
    include_cases: bool = False
    include_wellbeing: bool = False
    classification: str | None = None


def default_period(db: Database, today: date | None = None) -> tuple[date, date]:
    """From the last recorded session to today; four weeks back when none is recorded."""
    today = today or date.today()
    session = last_session(db, on_or_before=today)
    start = session.held_on if session else date.fromordinal(today.toordinal() - 28)
    return start, today


def classification_line(db: Database) -> str:
    return str(get_setting(db, CLASSIFICATION_SETTING, DEFAULT_CLASSIFICATION) or "")


def _header(db: Database, start: date, end: date, today: date) -> Section:
    session = last_session(db, on_or_before=today)
    nxt = session.next_date if session and session.next_date and session.next_date >= today else None
    profile = get_profile(db)
    protected = (
        f"agreed ceiling of {plural(profile.protected_ceiling, 'case')}"
        if profile.protected_ceiling
        else "none recorded"
    )
    active = [r for r in list_reductions(db) if r.is_active_on(end)]
    if active:
        names = sorted({_reduction_category(r.reason) for r in active})
        protected += "; reductions: " + ", ".join(names)
    return Section(
        "header",
        SECTION_TITLES["header"],
        paragraphs=[
            f"Role: {role_line(db, end)}",
            f"Period: {long_date(start)} to {long_date(end)}",
            f"Next supervision: {long_date(nxt) if nxt else 'not set'}",
            f"Protected caseload: {protected}",
        ],
    )


def _reduction_category(reason: str) -> str:
    lowered = reason.lower()
    return "personal (not shown)" if any(k in lowered for k in _PERSONAL_REASONS) else reason


def _workload(db: Database, end: date) -> Section:
    facts = workload_facts(db, end)
    section = Section("workload", SECTION_TITLES["workload"], paragraphs=list(facts.lines))
    section.trend = facts.trend
    section.paragraphs.append(f"{facts.trend_sentence} {facts.weeks_over}".strip())
    return section


def _time(db: Database, start: date, end: date) -> Section:
    facts = time_facts(db, start, end)
    section = Section("time", SECTION_TITLES["time"])
    if not facts.rows:
        section.empty = "No time was logged in this period."
        return section
    shown, rest = facts.rows[:TIME_ROWS], facts.rows[TIME_ROWS:]
    section.rows = [("Activity", "Hours")] + [
        (name + (" *" if counted != "yes" else ""), hours) for name, hours, counted in shown
    ]
    if rest:
        other = sum(float(r[1]) for r in rest)
        section.rows.append((f"{len(rest)} other activities", f"{half_up(other, 1)}"))
    sentence = (
        f"{hours_text(facts.total_hours)} logged against about "
        f"{hours_text(facts.contracted_hours)} contracted for these weekdays"
    )
    sentence += (
        f": {hours_text(facts.over_hours)} over contract."
        if facts.over_hours >= 0.5
        else "."
    )
    if facts.uncounted_hours >= 0.5:
        sentence += (
            f" {hours_text(facts.uncounted_hours)} went on work the WMT does not count"
            " (marked *)."
        )
    section.paragraphs = [sentence]
    return section


def _texts(items: list[AgendaItem], kind: str, limit: int) -> list[str]:
    return [i.text for i in items if i.kind == kind][-limit:]


def _cases(items: list[AgendaItem], include_cases: bool) -> Section:
    section = Section("cases", SECTION_TITLES["cases"])
    chosen = [i for i in items if i.kind == "case"][:MAX_CASES]
    if not chosen:
        section.empty = "No cases were marked for discussion."
    elif include_cases:
        section.bullets = [
            f"{i.case_reference or 'A case'}: {i.reason}" + (f". {i.text}" if i.text else "")
            for i in chosen
        ]
    else:
        counts: dict[str, int] = {}
        for item in chosen:
            counts[item.reason or "other"] = counts.get(item.reason or "other", 0) + 1
        reasons = ", ".join(f"{r} ({n})" for r, n in counts.items())
        plural = "case" if len(chosen) == 1 else "cases"
        section.paragraphs = [
            f"{len(chosen)} {plural} to discuss: {reasons}. "
            "Case references are left out of this copy; they are in the app."
        ]
    return section


def _bullets(key: str, texts: list[str], empty: str) -> Section:
    section = Section(key, SECTION_TITLES[key], bullets=texts)
    section.empty = None if texts else empty
    return section


def _requests(items: list[AgendaItem]) -> list[str]:
    workload = _texts(items, "workload", MAX_REQUESTS)
    return (workload + _texts(items, "request", MAX_REQUESTS))[:MAX_REQUESTS]


def _reflection(items: list[AgendaItem]) -> Section:
    texts = _texts(items, "reflection", 1)
    section = Section("reflection", SECTION_TITLES["reflection"])
    if not texts:
        section.empty = "No reflection this time."
        return section
    parts = reflection_parts(texts[0])
    section.bullets = [f"{stage}: {words}" for stage, words in parts.items() if words]
    return section


def _actions(db: Database, start: date, end: date) -> Section:
    actions = actions_for_period(db, start, end)[:MAX_ACTIONS]
    section = Section("actions", SECTION_TITLES["actions"], comment_lines=3)
    if not actions:
        section.empty = "No actions carried forward."
        return section
    section.rows = [("Action", "Owner", "Due", "Status")] + [
        (a.text, a.owner or "-", short_date(a.due_date) or "-", ACTION_STATUS_LABELS[a.status])
        for a in actions
    ]
    return section


def compose_summary(
    db: Database, options: SummaryOptions | None = None, today: date | None = None,
    cut: tuple[str, ...] = (),
) -> Summary:
    """The ten sections for the period; `cut` names sections dropped to keep to one page."""
    options = options or SummaryOptions()
    today = today or date.today()
    start, end = default_period(db, today)
    start, end = options.start or start, options.end or end
    if start > end:
        raise ValidationError(
            f"The period starts ({long_date(start)}) after it ends ({long_date(end)}). "
            "Choose a start date on or before the end date."
        )
    items = agenda_for_period(db, start, end)
    sections = {
        "header": _header(db, start, end, today),
        "workload": _workload(db, end),
        "time": _time(db, start, end),
        "going_well": _bullets(
            "going_well", _texts(items, "going_well", MAX_GOING_WELL), "Nothing noted this time."),
        "cases": _cases(items, options.include_cases),
        "requests": _bullets("requests", _requests(items), "No requests noted."),
        "wellbeing": _wellbeing(items, options.include_wellbeing),
        "reflection": _reflection(items),
        "learning": _bullets(
            "learning", _texts(items, "learning", MAX_LEARNING), "Nothing noted this time."),
        "actions": _actions(db, start, end),
    }
    summary = Summary(
        classification=(options.classification if options.classification is not None
                        else classification_line(db)).strip(),
        period_start=start, period_end=end, generated_on=today,
        sections=[sections[key] for key in SECTION_KEYS],
        include_cases=options.include_cases, include_wellbeing=options.include_wellbeing,
    )
    recorded = any(s.has_content() for s in summary.sections if s.key not in ("header", "workload"))
    if not recorded:
        summary.empty_period = True
        summary.notice = (
            f"Nothing was recorded between {long_date(start)} and {long_date(end)}: no time "
            "logged, no notes and no actions. The workload estimate is as of the last day."
        )
    for key in cut:
        _cut(summary.section(key))
    if not options.include_cases:
        _redact(summary, CaseStore(db).references())
    return summary


def _wellbeing(items: list[AgendaItem], include: bool) -> Section:
    section = Section("wellbeing", SECTION_TITLES["wellbeing"])
    if not include:
        section.empty = "Private: not included in this copy."
        return section
    texts = _texts(items, "wellbeing", 3)
    section.bullets = texts
    section.empty = None if texts else "No check-in this time."
    return section


def _cut(section: Section) -> None:
    if section.key not in CUT_ORDER:
        raise ValueError(f"the {section.key} section is never cut")
    section.paragraphs, section.bullets, section.rows, section.trend = [], [], [], []
    section.cut = True
    section.empty = "Left out to keep this summary to one page; it is in the app."


def _redact(summary: Summary, references: set[str]) -> None:
    for section in summary.sections:
        section.paragraphs = [redact_references(t, references) for t in section.paragraphs]
        section.bullets = [redact_references(t, references) for t in section.bullets]
        section.rows = [tuple(redact_references(c, references) for c in r) for r in section.rows]


def summary_candidates(
    db: Database, options: SummaryOptions | None = None, today: date | None = None
) -> list[Summary]:
    """The summary whole, then with reflection cut, then with time cut too: the first that fits
    one page is the one to print (chosen where the layout is measured)."""
    return [compose_summary(db, options, today, CUT_ORDER[:n]) for n in range(len(CUT_ORDER) + 1)]


def first_fitting(candidates: list[Summary], fits: Callable[[Summary], bool]) -> Summary:
    for summary in candidates:
        if fits(summary):
            return summary
    return candidates[-1]


def fit_summary(
    db: Database, options: SummaryOptions | None = None, today: date | None = None,
    fits: Callable[[Summary], bool] | None = None,
) -> Summary:
    """Compose, then cut reflection and then time until `fits` says the page holds it."""
    fits = fits or (lambda s: estimated_lines(s) <= PAGE_LINES)
    return first_fitting(summary_candidates(db, options, today), fits)
