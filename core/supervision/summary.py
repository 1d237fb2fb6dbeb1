"""Compose the supervision summary for a period: the guide's ten sections, in order, in full.

`compose_summary` returns everything the period holds (every list whole, newest last); the
one-page shape is chosen afterwards by core.supervision.summary_fit against a real layout, and
every format draws that one fitted composition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from core.common import clock
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.workload.profile import get_profile
from core.store.settings import get_setting
from core.supervision.agenda import AgendaItem, agenda_for_period, reflection_parts
from core.supervision.summary_model import (
    CLASSIFICATION_MAX,
    DEFAULT_CLASSIFICATION,
    SECTION_KEYS,
    SECTION_TITLES,
    Section,
    Summary,
    hours_text,
    long_date,
    redact_references,
    short_date,
)
from core.supervision.summary_sources import (
    reductions_line,
    role_line,
    time_facts,
    workload_facts,
)
from core.supervision.sessions import (
    action_status_text,
    actions_for_period,
    last_session,
    next_supervision,
)
from core.common.words import plural
from core.common.hours import short_hours

CLASSIFICATION_SETTING = "export.classification"
TIME_ROWS = 7  # activities listed by name; the rest are added up on one line


@dataclass
class SummaryOptions:
    """What one export holds beyond the aggregate default; every flag is off unless ticked."""

    start: date | None = None
    end: date | None = None
    include_cases: bool = False
    include_wellbeing: bool = False
    classification: str | None = None
    include_reasons: bool = False  # typed reduction reasons instead of their categories


def default_period(db: Database, today: date | None = None) -> tuple[date, date]:
    """From the last recorded session to today; four weeks back when none is recorded."""
    today = today or clock.today()
    session = last_session(db, on_or_before=today)
    start = session.held_on if session else date.fromordinal(today.toordinal() - 28)
    return start, today


def classification_line(db: Database) -> str:
    return str(get_setting(db, CLASSIFICATION_SETTING, DEFAULT_CLASSIFICATION) or "")


def classification_problem(text: str) -> str | None:
    """Why a classification line cannot head the summary (one line, 60 characters at most)."""
    if "\n" in text or len(text.strip()) > CLASSIFICATION_MAX:
        return (f"Keep the classification line to one line of {CLASSIFICATION_MAX} characters "
                "or fewer, such as OFFICIAL or OFFICIAL-SENSITIVE.")
    return None


def _header(db: Database, start: date, end: date, today: date, reasons: bool) -> Section:
    nxt = next_supervision(db, today)
    profile = get_profile(db)
    protected = (
        f"agreed ceiling of {plural(profile.protected_ceiling, 'case')}"
        if profile.protected_ceiling
        else "none recorded"
    )
    reductions = reductions_line(db, end, typed=reasons)
    if reductions:
        protected += "; reductions: " + reductions
    return Section("header", SECTION_TITLES["header"], paragraphs=[
        f"Role: {role_line(db, end)}",
        f"Period: {long_date(start)} to {long_date(end)}",
        f"Next supervision: {long_date(nxt) if nxt else 'not set'}",
        f"Protected caseload: {protected}",
    ])


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
    section.rows = [("Activity", "Hours"), *(
        (name + (" *" if counted != "yes" else ""), hours) for name, hours, counted in shown
    )]
    if rest:
        other = sum(facts.row_hours[TIME_ROWS:])
        section.rows.append((f"{len(rest)} other activities", short_hours(other)))
    sentence = (
        f"{hours_text(facts.total_hours)} logged against about "
        f"{hours_text(facts.contracted_hours)} contracted for these weekdays"
    )
    if facts.before_start_hours > 0:
        sentence += (f" ({hours_text(facts.before_start_hours)} of it on days before you set up "
                     "the app, which owe no hours)")
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


def _texts(items: list[AgendaItem], *kinds: str) -> list[str]:
    """Every note of these kinds, oldest first (so the newest are last)."""
    return [i.text for i in items if i.kind in kinds]


def _cases(items: list[AgendaItem], include_cases: bool) -> Section:
    section = Section("cases", SECTION_TITLES["cases"])
    chosen = [i for i in items if i.kind == "case"]
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
    section = Section(key, SECTION_TITLES[key], bullets=[t.replace("\n", " ") for t in texts])
    section.empty = None if texts else empty
    return section


def _reflection(items: list[AgendaItem]) -> Section:
    texts = _texts(items, "reflection")[-1:]  # one piece of practice: the newest
    section = Section("reflection", SECTION_TITLES["reflection"])
    if not texts:
        section.empty = "No reflection this time."
        return section
    parts = reflection_parts(texts[0])
    section.bullets = [f"{stage}: {words}".replace("\n", " ")
                       for stage, words in parts.items() if words]
    return section


def _actions(db: Database, start: date, end: date, today: date) -> Section:
    actions = actions_for_period(db, start, end)  # soonest due first
    section = Section("actions", SECTION_TITLES["actions"], comment_lines=3)
    if not actions:
        section.empty = "No actions carried forward."
        return section
    as_of = min(end, today)
    section.rows = [("Action", "Owner", "Due", "Status"), *(
        (a.text, a.owner or "-", short_date(a.due_date) or "-", action_status_text(a, as_of))
        for a in actions
    )]
    # When the list is cut to fit, the most recently agreed actions stay.
    section.ages = [((a.created_on or start).toordinal() << 20) + (a.id or 0) for a in actions]
    return section


def _wellbeing(items: list[AgendaItem], include: bool) -> Section:
    section = Section("wellbeing", SECTION_TITLES["wellbeing"])
    if not include:
        section.empty = "Private: not included in this copy."
        return section
    texts = _texts(items, "wellbeing")
    section.bullets = [t.replace("\n", " ") for t in texts]
    section.empty = None if texts else "No check-in this time."
    return section


def compose_summary(
    db: Database, options: SummaryOptions | None = None, today: date | None = None
) -> Summary:
    """The ten sections for the period, in full (nothing cut or shortened yet).

    Raises ValidationError for a period that ends before it starts or a classification line
    that is not one short line. Case references are replaced by "[a case]" in every text unless
    `include_cases`; the wellbeing check-in and typed reduction reasons appear only when asked.
    """
    options = options or SummaryOptions()
    today = today or clock.today()
    start, end = default_period(db, today)
    start, end = options.start or start, options.end or end
    if start > end:
        raise ValidationError(
            f"The period starts ({long_date(start)}) after it ends ({long_date(end)}). "
            "Choose a start date on or before the end date."
        )
    classification = (options.classification if options.classification is not None
                      else classification_line(db))
    problem = classification_problem(classification)
    if problem:
        raise ValidationError(problem)
    items = agenda_for_period(db, start, end)
    sections = {
        "header": _header(db, start, end, today, options.include_reasons),
        # Never a figure for a day after the summary was made: a period to 30 November made
        # on the 27th shows the week so far, as of the 27th.
        "workload": _workload(db, min(end, today)),
        "time": _time(db, start, end),
        "going_well": _bullets(
            "going_well", _texts(items, "going_well"), "Nothing noted this time."),
        "cases": _cases(items, options.include_cases),
        "requests": _bullets("requests", _texts(items, "workload", "request"),
                             "No requests noted."),
        "wellbeing": _wellbeing(items, options.include_wellbeing),
        "reflection": _reflection(items),
        "learning": _bullets("learning", _texts(items, "learning"), "Nothing noted this time."),
        "actions": _actions(db, start, end, today),
    }
    summary = Summary(
        classification=classification.strip(),
        period_start=start, period_end=end, generated_on=today,
        sections=[sections[key] for key in SECTION_KEYS],
        include_cases=options.include_cases, include_wellbeing=options.include_wellbeing,
        include_reasons=options.include_reasons,
    )
    for number, section in enumerate(summary.sections, start=1):
        section.number = number
    recorded = any(s.has_content() for s in summary.sections if s.key not in ("header", "workload"))
    if not recorded:
        summary.empty_period = True
        summary.notice = (
            f"Nothing was recorded between {long_date(start)} and {long_date(end)}: no time "
            "logged, no notes and no actions. The workload estimate is as of "
            f"{'the last day' if end <= today else long_date(today) + ', the day this was made'}."
        )
    if not options.include_cases:
        _redact(summary, CaseStore(db).references())
    return summary


def _redact(summary: Summary, references: set[str]) -> None:
    for section in summary.sections:
        section.paragraphs = [redact_references(t, references) for t in section.paragraphs]
        section.bullets = [redact_references(t, references) for t in section.bullets]
        section.rows = [tuple(redact_references(c, references) for c in r) for r in section.rows]
