"""Everything the Overview and `status` say about one week, gathered from core.workload.wording.

One function, `status_words`, so the Overview, `status` and the tests read the same sentences;
`figures` False leaves every percentage out (Show figures off, the default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.workload.estimate import Estimate
from core.workload.history import WeekSummary
from core.workload.official_gap import GapExplanation, explain_gap
from core.workload.wording import (
    RECOVERY,
    RECOVERY_WORDS,
    Words,
    hours_phrase,
    caseload_figures,
    caseload_words,
    day_words,
    figures_sentence,
    gauge_text,
    official_sentence,
    recent_sentence,
    supervision_note,
    sustained_text,
    trend_sentence,
    workload_words,
)


@dataclass(frozen=True)
class StatusWords:
    """Everything the Overview (and `status`) says for one week, in reading order.

    With `figures` False (the default on screen), no text here holds a percentage: thresholds
    are said in band words and `figures` / `official` point to "Show figures" instead.
    """

    headline: str
    body: str
    action: str | None  # ADD_TO_NOTES when the weighted band is heavy
    caseload_headline: str
    caseload_body: str
    caseload_action: str | None  # ADD_TO_NOTES at band C4
    caseload_figures: str
    figures: str  # the numbers, shown under "Show figures"
    trend: str | None
    recovery: str | None
    recent: str | None  # "Over capacity for 2 of the last 4 weeks."
    official: str | None
    sustained: str | None  # the weighted trigger's panel text while its episode lasts
    gauge_description: str  # accessible description of the weighted gauge, words first
    caseload_description: str  # the same for the caseload gauge
    supervision_note: str  # default text offered with ADD_TO_NOTES
    sustained_caseload: str | None = None  # the caseload trigger's panel text
    week_label: str = ""  # "week of 23 November, so far this week" / "week to Friday 27 November"
    show_figures: bool = True
    # Why the official figure differs from the estimate by more than 5 points (None otherwise)
    official_gap: GapExplanation | None = None

    @property
    def panels(self) -> tuple[str, ...]:
        return tuple(t for t in (self.sustained, self.sustained_caseload) if t)

    @property
    def body_with_panel(self) -> str:
        """The body as shown under the open over-capacity panel (`beside_panel`)."""
        return self.beside_panel(True)[0]

    def beside_panel(self, panel_open: bool) -> tuple[str, str | None]:
        """The body and the recent-weeks line to show with the weighted panel open or not.

        Open, the panel already says how long ("for 20 weeks in a row") and what HMPPS treats
        as excessive: the card then leaves out "Over capacity for 4 of the last 4 weeks" and
        its own HMPPS sentence, so nothing is said twice."""
        if not (panel_open and self.sustained):
            return self.body, self.recent
        kept = [part for part in self.body.split(". ") if not part.startswith("HMPPS ")]
        body = ". ".join(kept)
        return (body if body.endswith(".") else body + "."), None


def week_label(summary: WeekSummary, today: date | None = None) -> str:
    """Which day a week's figure was taken on: 'Friday 27 November 2026' or, before the
    Friday, 'Wednesday 25 November 2026, so far this week'."""
    day = summary.day
    text = f"{day:%A} {day_words(day)} {day.year}"
    return f"{text}, so far this week" if summary.so_far else text


def note_week(summary: WeekSummary) -> str:
    """'the week to Friday 4 December 2026', or before the Friday 'this week so far (to
    Wednesday 2 December 2026)': the summary's dates, never an ISO week number."""
    day = summary.day
    text = f"{day:%A} {day_words(day)} {day.year}"
    return f"this week so far (to {text})" if summary.so_far else f"the week to {text}"


def note_headlines(est: Estimate, words: Words, case_words: Words, case_figures: str) -> str:
    """Each heavy headline followed by what stands behind it: 'well over capacity, about 59
    extra hours a week; above a manageable caseload, 45 cases …' (the extra hours belong to
    the work, never to the caseload beside it)."""
    parts = []
    if words.action:
        extra = (f", {hours_phrase(est.extra_hours_per_week, 'extra')}"
                 if est.extra_hours_per_week is not None else "")
        parts.append(words.headline.lower() + extra)
    if case_words.action:
        figures = case_figures.rstrip(".")
        parts.append(case_words.headline.lower() + (f", {figures}" if figures else ""))
    return "; ".join(parts) if parts else words.headline.lower()


def status_words(summary: WeekSummary, today: date | None = None,
                 figures: bool = True) -> StatusWords:
    """The week's sentences; `figures` False leaves every percentage out (Show figures off)."""
    est = summary.estimate
    words, case_words = workload_words(est, figures), caseload_words(est)
    # Without a capacity figure (an SPO, no hours given) the trend is the number of cases.
    trend = trend_sentence(summary.trend, summary.heavier_weeks, summary.changed_from,
                           est.contracted_hours, est.grade,
                           cases=est.has_data and est.capacity_percent is None)
    recent = recent_sentence(summary.weeks_over_110, summary.weeks_counted, summary.recent_away)
    when = today or est.as_of
    ceiling = int(est.caseload_reference) if est.caseload_reference_is_ceiling else None
    weighted = summary.weighted_episode
    caseload = summary.caseload_episode
    sustained = sustained_text(weighted, when, figures) if weighted else None
    sustained_caseload = sustained_text(caseload, when, figures, ceiling) if caseload else None
    case_figures = caseload_figures(est.caseload_count, est.hours_given,
                                    est.caseload_reference, est.caseload_reference_is_ceiling,
                                    est.weightings.default_hours)
    numbers = figures_sentence(est.workload_points, est.available_points, est.capacity_percent,
                               est.hours_given, est.reduction_hours)
    gauge = gauge_text(words.headline, est.capacity_percent, est.extra_hours_per_week or 0,
                       est.spare_hours_per_week or 0, trend, recent, words.body, figures)
    return StatusWords(
        headline=words.headline,
        body=words.body,
        action=words.action,
        caseload_headline=case_words.headline,
        caseload_body=case_words.body,
        caseload_action=case_words.action,
        caseload_figures=case_figures,
        figures=numbers,
        trend=trend,
        recovery=(RECOVERY if figures else RECOVERY_WORDS) if summary.recovered else None,
        recent=recent,
        official=(official_sentence(summary.official_percent, est.capacity_percent, figures)
                  if summary.official_percent is not None else None),
        sustained=sustained,
        gauge_description=gauge,
        caseload_description=f"{case_words.headline}. {case_figures}".strip(),
        supervision_note=supervision_note(note_headlines(est, words, case_words, case_figures),
                                          note_week(summary), "",
                                          sustained or sustained_caseload, lower=False),
        sustained_caseload=sustained_caseload,
        week_label=week_label(summary, when),
        show_figures=figures,
        official_gap=explain_gap(est, summary.official_percent, figures),
    )
