"""What the meeting view presents, taken from the one-page summary's composition.

This is the one place the meeting reads the summary: `compose_summary` gives the words for the
month (header, workload with its figures, where the time went) exactly as the summary says them;
the notes still on the agenda and the open actions come with their ids so the meeting can tick
and mark them. What the summary leaves out by default (the wellbeing check-in, reductions' typed
reasons, case references) is kept apart in `private`, shown only when ticked in the room.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlite_utils import Database

from core.common import clock
from core.caseload.cases import CaseStore
from core.supervision.agenda import AgendaItem, open_agenda, reflection_parts
from core.supervision.sessions import Action, open_actions
from core.supervision.summary import SummaryOptions, compose_summary
from core.supervision.summary_model import long_date, redact_references
from core.workload.reductions import list_reductions, published_reason

# The sections the meeting walks through, in the summary's order; agenda kinds feed the lists.
TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("month", "The month", ()),
    ("time", "Where the time went", ()),
    ("going_well", "What's going well", ("going_well",)),
    ("cases", "Cases to discuss", ("case",)),
    ("requests", "Workload review and requests", ("workload", "request")),
    ("reflection", "Reflection", ("reflection",)),
    ("learning", "Learning and development", ("learning",)),
    ("wellbeing", "Wellbeing check-in", ("wellbeing",)),
    ("actions", "Actions carried forward", ()),
)
PRIVATE_TOPICS = ("wellbeing",)  # shown only when "show to my manager" is ticked
# Published reasons that would reveal health or family circumstances: named only as a category.
_PERSONAL = ("sick", "maternity", "adoption", "pregnan", "disab", "phased", "leave")
OTHER_REDUCTION = "other agreed reduction"


@dataclass
class MeetingNote:
    """An agenda note as the meeting shows it (references as the export chooses)."""

    id: int
    topic: str
    text: str


@dataclass
class MeetingContent:
    start: date
    end: date
    month: list[str]  # the header and workload sentences, figures included
    time_sentence: str
    time_rows: list[tuple[str, str]]  # (activity, hours); the header row comes first
    notes: dict[str, list[MeetingNote]] = field(default_factory=dict)  # by topic
    actions: list[Action] = field(default_factory=list)  # open, carried forward
    reduction_reasons: list[str] = field(default_factory=list)  # private: the typed reasons
    # The references hidden as "[a case]" (empty when "Case references" is ticked).
    references: set[str] = field(default_factory=set)

    @property
    def period(self) -> str:
        return f"{long_date(self.start)} to {long_date(self.end)}"


def reduction_category(reason: str) -> str:
    """A published, non-personal reason names itself; anything else is "other agreed reduction"."""
    known = published_reason(reason)
    if known is None or any(k in reason.lower() for k in _PERSONAL):
        return OTHER_REDUCTION
    return known.label


def redact_action(action: Action, references: set[str]) -> Action:
    """A copy of `action` with any case reference in its text and owner shown as "[a case]",
    as the summary prints it; the id and dates are kept so the meeting can mark it."""
    return replace(action, text=redact_references(action.text, references),
                   owner=redact_references(action.owner, references))


def _note_text(item: AgendaItem, include_cases: bool) -> str:
    if item.kind == "case":
        if include_cases:
            return f"{item.case_reference or 'A case'}: {item.reason}" + (
                f". {item.text}" if item.text else "")
        return f"A case, {item.reason}" + (f": {item.text}" if item.text else "")
    if item.kind == "reflection":
        parts = reflection_parts(item.text)
        return "\n".join(f"{stage}: {words}" for stage, words in parts.items() if words)
    return item.text


def meeting_content(db: Database, today: date | None = None,
                    include_cases: bool = False) -> MeetingContent:
    """The month as the summary composes it, plus the open notes and actions to work through.

    Raises whatever `compose_summary` raises (ValidationError for a bad period)."""
    today = today or clock.today()
    summary = compose_summary(db, SummaryOptions(include_cases=include_cases), today)
    end = summary.period_end
    active = [r for r in list_reductions(db) if r.is_active_on(end)]
    header = []
    for line in summary.section("header").paragraphs:
        if line.startswith("Protected caseload:"):
            line = line.split("; reductions:")[0]
            if active:  # categories only, once each: no count, no typed reason
                line += "; reductions: " + ", ".join(
                    sorted({reduction_category(r.reason) for r in active}))
        header.append(line)
    workload = summary.section("workload")
    time = summary.section("time")
    content = MeetingContent(
        start=summary.period_start, end=end,
        # The period line is the view's own title.
        month=[h for h in header if not h.startswith("Period:")] + workload.paragraphs,
        time_sentence=" ".join(time.paragraphs) or (time.empty or ""),
        time_rows=[(r[0], r[1]) for r in time.rows],
        actions=[],
        reduction_reasons=[r.reason for r in active
                           if reduction_category(r.reason) != r.reason],
    )
    references = set() if include_cases else CaseStore(db).references()
    # Actions carry free text too ("Chase housing for C01", owner "C02 worker"): the same rule.
    content.references = references
    content.actions = [redact_action(a, references) for a in open_actions(db)]
    items = open_agenda(db)
    for key, _title, kinds in TOPICS:
        content.notes[key] = [
            MeetingNote(int(i.id or 0), key, redact_references(_note_text(i, include_cases),
                                                               references))
            for i in items if i.kind in kinds
        ]
    return content
