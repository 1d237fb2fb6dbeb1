"""Every sentence the app says about load: bands, hours, trend, recovery, sustained overload, gauge.

Rules (wording-and-gauge.md): name the load, not the person; calm; units spelled out; every
heavy state offers one optional action, "Add to supervision notes"; spare time is never framed as
room for more cases. `core.workload.wording_samples.all_sentences()` walks every sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from core.common.exact import Exact, Number, half_up, plain, to_fraction
from core.common.hours import hours_text
from core.common.words import plural, plural_noun
from core.workload.estimate import (
    CASELOAD_REFERENCE_FULL_TIME,
    Estimate,
    caseload_band,
)
from core.workload.history import HEAVIER_RUN_WORDS, SustainedEpisode

ADD_TO_NOTES = "Add to supervision notes"
NOT_NOW = "Not now"
WHAT_DOES_THIS_MEAN = "What does this mean?"
HEAVY_BANDS = ("W3", "W4", "W5", "C4")  # the states that offer ADD_TO_NOTES
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class Words:
    headline: str
    body: str
    action: str | None = None  # ADD_TO_NOTES for every heavy state


W_HEADLINES = {
    "W1": "Some capacity",
    "W2": "Fully committed",
    "W3": "Stretched",
    "W4": "Over capacity",
    "W5": "Well over capacity",
}
C_WORDS = {
    "C1": Words("Lighter caseload",
                "Your caseload is below the level where inspectors found quality starts to "
                "suffer."),
    "C2": Words("Steady caseload",
                "Your caseload is within the range that inspectors found can be managed well."),
    "C3": Words("Full caseload",
                "Your caseload is at the most that practitioners and managers say can be "
                "managed well."),
    "C4": Words("Above a manageable caseload",
                "Your caseload is above what inspectors consider manageable. They count more "
                "than 60 cases (full-time equivalent) as too many to manage well. This reflects "
                "demand on the service, not your effort.", ADD_TO_NOTES),
}
NO_DATA = Words("No estimate yet",
                "There are no active cases on this date, so there is nothing to estimate. "
                "Add your cases to see the estimate.")
NO_HOURS = Words("No capacity expected this week",
                 "No capacity is expected of you this week, because your reductions cover all "
                 "of your contracted hours.")
NO_GRADE = Words("No capacity figure",
                 "The workload tool gives senior probation officers no capacity figure, so only "
                 "the caseload is described.")
NO_GRADE_HOURS = Words("No capacity figure yet",
                       "The workload tool has no default hours for your grade, so there is no "
                       "capacity figure until you give your contracted hours in Settings. The "
                       "caseload is described below.")
RECOVERY = "Back under 110% this week. It may help to note what made the difference."
# The same with "Show figures" off, when no percentage is shown anywhere.
RECOVERY_WORDS = ("No longer over capacity this week. It may help to note what made the "
                  "difference.")
# HMPPS's line, said as a figure or (figures off) in the band's own words: Over capacity is
# exactly "more than 110%".
HMPPS_LINE = {True: "more than 110%", False: "being over capacity"}


def number(value: Number) -> str:
    """114.3 -> '114.3', 114.0 -> '114', 4.5 -> '4.5', 112.45 -> '112.5' (halves up, exactly)."""
    return plain(value)


def day_words(day: date, today: date | None = None) -> str:
    """'3 March', with the year when it is not the year of `today`."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if today is None or today.year == day.year else f"{text} {day.year}"


def hours_phrase(hours: Exact, kind: str, about: bool = True) -> str:
    """'about 4 extra hours a week', 'half an hour spare a week', 'less than half an hour…'."""
    if hours < 0.5:
        return f"less than half an hour {kind} a week"
    lead = "about " if about else ""
    if hours == 0.5:
        return f"{lead}half an hour {kind} a week"
    return f"{lead}{number(hours)} {kind} {plural_noun(hours, 'hour')} a week"


_TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times",
          7: "seven times", 8: "eight times", 9: "nine times", 10: "ten times"}


def how_much_more(capacity: Decimal | None) -> str:
    """How far work over 120% of available hours goes, said honestly at any height: 'at least a
    fifth more than', 'at least half as much again as', 'more than twice', 'more than three
    times' (366%: never just "a fifth more")."""
    if capacity is None or capacity < 150:
        return "at least a fifth more than"
    if capacity < 200:
        return "at least half as much again as"
    whole = min(int(capacity) // 100, 10)
    times = _TIMES[whole]
    return f"{'more than' if capacity > whole * 100 else 'at least'} {times}"


def band_words(band: str, extra: Exact = 0, spare: Exact = 0, figures: bool = True,
               capacity: Decimal | None = None) -> Words:
    """Headline, body and action for a weighted band, with hours to the nearest half hour;
    `capacity` (the percentage) says how much more at the top band."""
    headline = W_HEADLINES[band]
    if band == "W1":
        body = "Your estimated work fits within your available hours."
        if spare >= 0.5:
            body += (f" That leaves {hours_phrase(spare, 'spare')}. Work the estimate does not "
                     "count, such as travel and covering for colleagues, often fills that time.")
        return Words(headline, body)
    if band == "W2":
        return Words(headline, "Your estimated work roughly matches your available hours.")
    more = hours_phrase(extra, "extra")
    if band == "W3":
        body = f"Your estimated work is a little more than your available hours, {more}."
    elif band == "W4":
        body = (f"Your estimated work is more than your available hours, {more}. HMPPS treats "
                f"{HMPPS_LINE[figures]} for 4 weeks in a row as an excessive workload.")
    else:
        # True whatever the hours: "six days for a five-day week" was not, part time.
        body = (f"Your estimated work is {how_much_more(capacity)} your available hours, "
                f"{more}. This is not something you are expected to absorb alone.")
    return Words(headline, body, ADD_TO_NOTES)


def workload_words(est: Estimate, figures: bool = True) -> Words:
    if not est.has_data:
        return NO_DATA
    if est.no_capacity_reason == "grade":
        return NO_GRADE
    if est.no_capacity_reason == "grade_hours":
        return NO_GRADE_HOURS
    if est.workload_band is None:
        return NO_HOURS
    return band_words(est.workload_band, est.extra_hours_per_week or 0,
                      est.spare_hours_per_week or 0, figures, est.capacity_percent)


def ceiling_words(band: str, count: int, ceiling: int) -> Words:
    """Scale A against a protected ceiling P: lighter, within, or above it (never "Full")."""
    cases = plural(ceiling, "case")
    if band == "C1":
        return Words("Lighter caseload", f"Your caseload is well within your protected "
                     f"caseload of {cases} agreed with your manager.")
    if band == "C2":
        return Words(f"Within your protected caseload ({cases})",
                     f"You hold {plural(count, 'case')} against an agreed protected caseload of "
                     f"{ceiling}.")
    return Words("Above your protected caseload",
                 f"You hold {plural(count, 'case')} against an agreed protected caseload of "
                 f"{ceiling}. This reflects demand on the service, not your effort. It may help "
                 "to raise it at your next supervision.", ADD_TO_NOTES)


NO_CASES = Words("No cases yet",
                 "There is no caseload to describe until you add your cases.")


def caseload_words(est: Estimate) -> Words:
    if est.caseload_count == 0:  # an empty folder: not a "lighter caseload" of 0 cases
        return NO_CASES
    if est.caseload_reference_is_ceiling:
        return ceiling_words(est.caseload_band, est.caseload_count, int(est.caseload_reference))
    return C_WORDS[est.caseload_band]


def caseload_figures(count: int, hours: Decimal | None, reference: Fraction | int, ceiling: bool,
                     default_hours: Exact = 37) -> str:
    """'45 cases, against a reference of 50 cases (full-time equivalent).', and on other hours
    two sentences, each on one scale: the cases against these hours' reference, then both
    full-time."""
    if count == 0:  # the headline says it ("No cases yet")
        return ""
    cases = plural(count, "case")
    if hours is None:  # a grade without default hours, none given yet
        return (f"{cases}, against a reference of {number(reference)} cases for full-time "
                "hours; no contracted hours are given yet, so this assumes full time.")
    if ceiling:
        return (f"{cases}, against a protected ceiling of {number(reference)} "
                f"{plural_noun(reference, 'case')} agreed with your manager.")
    if hours == default_hours:
        return f"{cases}, against a reference of {number(reference)} cases (full-time equivalent)."
    # One scale per sentence: the cases on these hours, then both sides full-time.
    scale = to_fraction(default_hours) / to_fraction(hours)
    fte, full_reference = Fraction(count) * scale, to_fraction(reference) * scale
    return (f"{cases} on {hours_text(hours)} a week, against a reference of "
            f"{number(reference)} {plural_noun(reference, 'case')} for those hours. "
            f"Full-time equivalent: {_fte_words(fte)} cases, against a reference of "
            f"{number(full_reference)}.")


def _fte_words(fte: Fraction) -> str:
    """'about 61.7'; where rounding would carry the figure across a band edge (60.04 shown as
    60 in a week above 60), 'just over 60' or 'just under 40', so no figure contradicts its
    band."""
    shown = half_up(fte, 1)
    full_time = CASELOAD_REFERENCE_FULL_TIME
    if caseload_band(Fraction(shown), full_time) == caseload_band(fte, full_time):
        return f"about {number(shown)}"
    return f"just {'over' if fte > shown else 'under'} {number(shown)}"


def figures_sentence(workload: Exact, available: int, capacity: Decimal | None,
                     contracted: Decimal | None, reductions: Decimal) -> str:
    """The numbers behind the words, for 'Show figures' and the command line."""
    if contracted is None:  # a grade without default hours, none given yet
        return (f"{number(workload)} workload points; no available points (no contracted "
                "hours given).")
    left = max(contracted - reductions, Decimal(0))
    hours = f"{number(left)} of {number(contracted)} contracted hours a week"
    if reductions:
        hours += f", after {number(reductions)} hours of reductions"
    if capacity is None:
        return f"{number(workload)} workload points; no available points ({hours})."
    return (f"{number(workload)} workload points against {available} available points "
            f"({hours}): {number(capacity)} percent.")


def trend_sentence(trend: str | None, heavier_weeks: int = 0,
                   changed_from: tuple[Any, str] | None = None, hours: Any = None,
                   grade: str | None = None, cases: bool = False) -> str | None:
    """'Heavier than last week.' and variants; across a change of hours or grade
    (`changed_from`: last week's hours and grade), it says so and describes the work itself.
    `cases`: there is no capacity figure (an SPO, or no hours given), so the trend is about the
    number of cases only, and says so."""
    if trend is None:
        return None
    if changed_from is not None:
        before_hours, before_grade = changed_from
        if before_hours != hours:
            change = (f"Your contracted hours changed this week, from "
                      f"{hours_text(before_hours)} to {hours_text(hours)} a week")
        else:
            change = f"Your grade changed this week, from {before_grade} to {grade}"
        work = {"heavier": "heavier than", "lighter": "lighter than"}.get(trend, "about the same as")
        return f"{change}; the work itself is {work} last week."
    if cases:
        if trend == "heavier":
            if heavier_weeks >= HEAVIER_RUN_WORDS:
                return f"More cases than the week before for {heavier_weeks} weeks running."
            return "More cases than last week."
        return ("Fewer cases than last week." if trend == "lighter"
                else "About the same number of cases as last week.")
    if trend == "heavier":
        if heavier_weeks >= HEAVIER_RUN_WORDS:
            return f"Heavier for {plural(heavier_weeks, 'week')} running."
        return "Heavier than last week."
    return "Lighter than last week." if trend == "lighter" else "About the same as last week."


def recent_sentence(over: int, counted: int, away: int = 0) -> str | None:
    """'Over capacity for 2 of the last 4 weeks.' (weeks over 110%); None when there were none.
    With weeks away among them: 'for 2 of the last 4 working weeks (1 week away)'."""
    if over <= 0:
        return None
    if counted <= 1 and not away:
        return None  # the headline already says this week's band ("Well over capacity")
    # "4 of the last 4" reads as a count to check: every week over says so.
    if not away:
        if over >= counted:
            return f"Over capacity in each of the last {counted} weeks."
        return f"Over capacity for {over} of the last {counted} weeks."
    if over >= counted:
        return (f"Over capacity in each of the last {plural(counted, 'working week')} "
                f"({plural(away, 'week')} away).")
    return (f"Over capacity for {over} of the last {plural(counted, 'working week')} "
            f"({plural(away, 'week')} away).")


def weeks_over_line(over: int, counted: int, away: int = 0) -> str:
    """The supervision summary's line: 'Weeks over 110%: 3 of the last 4', or with weeks away
    among them 'Weeks over 110%: 3 of the last 4 working weeks (1 week away)'."""
    if over >= counted:
        counted_text = str(counted) if not away else plural(counted, "working week")
        return (f"Weeks over 110%: every one of the last {counted_text}"
                + (f" ({plural(away, 'week')} away)" if away else ""))
    if not away:
        return f"Weeks over 110%: {over} of the last {counted}"
    return (f"Weeks over 110%: {over} of the last {plural(counted, 'working week')} "
            f"({plural(away, 'week')} away)")


def official_sentence(official: float, estimate: Decimal | None, figures: bool = True) -> str:
    if not figures:
        return ("An official workload figure your manager gave is recorded for this week; it "
                "shows with the figures.")
    given = f"The official workload figure your manager gave for this week is {number(official)}"
    if estimate is None or abs(to_fraction(official) - to_fraction(estimate)) < Fraction(1, 2):
        return f"{given} percent."
    return f"{given} percent; this app's estimate is {number(estimate)} percent."


def run_span(episode: SustainedEpisode, today: date | None = None) -> str:
    """'for 4 weeks in a row (since 5 March)', or with weeks away inside the run, 'for 4 working
    weeks, with 1 week away between them (since 7 September)': literally true either way. The
    date is the first day counted: the first day of the run's first week whose estimate was
    already over the line (not the Monday, if the week began lighter). A run going back to the
    first week looked at: 'in every week of the last two years' (`_back_to_the_first_week`)."""
    if episode.reaches_back:
        return _back_to_the_first_week(episode)
    since = day_words(episode.since or episode.start, today)
    if not episode.away:
        return f"for {episode.weeks} weeks in a row (since {since})"
    return (f"for {episode.weeks} working weeks, with {plural(episode.away, 'week')} away "
            f"between them (since {since})")


_YEARS = {1: "year", 2: "two years", 3: "three years", 4: "four years", 5: "five years",
          6: "six years", 7: "seven years", 8: "eight years", 9: "nine years", 10: "ten years"}


def _back_to_the_first_week(episode: SustainedEpisode) -> str:
    """'in every week of the last two years': a run going back to the first week looked at may
    have begun before it, so neither a count of weeks nor a first week would be true."""
    weeks = episode.weeks_looked_at
    span = (_YEARS[weeks // 52] if weeks % 52 == 0 and weeks // 52 in _YEARS
            else plural(weeks, "week"))
    if not episode.away:
        return f"in every week of the last {span}"
    return f"in every working week of the last {span}, with {plural(episode.away, 'week')} away"


def sustained_text(episode: SustainedEpisode, today: date | None = None, figures: bool = True,
                   ceiling: int | None = None) -> str:
    """The calm panel shown once per episode of one trigger (weighted or caseload)."""
    span = run_span(episode, today)
    if episode.weighted:
        text = (f"Your workload has been over capacity {span}. HMPPS treats {HMPPS_LINE[figures]} "
                "for four weeks in a row as an excessive workload.")
    elif ceiling:
        text = (f"Your caseload has been above your protected ceiling of "
                f"{plural(ceiling, 'case')} {span}.")
    else:
        text = (f"Your caseload has been above a manageable level {span}. Inspectors consider "
                "more than 60 cases (full-time equivalent) too many to manage well.")
    return (text + " It reflects demand on the service, not your effort. It may help to raise "
            "it at your next supervision.")


def gauge_text(headline: str, capacity: Decimal | None, extra: Exact, spare: Exact,
               trend: str | None, recent: str | None, body: str = "",
               figures: bool = True) -> str:
    """One plain sentence for screen readers: words first, then (with figures) the number."""
    if capacity is None:
        first = f"{headline}. {body}".strip()
    else:
        if extra > 0 or headline in (W_HEADLINES["W3"], W_HEADLINES["W4"], W_HEADLINES["W5"]):
            hours = hours_phrase(extra, "extra", about=False)
        elif spare > 0:
            hours = hours_phrase(spare, "spare", about=False)
        else:
            hours = "within half an hour of available hours"
        share = f" about {number(capacity)} percent of available hours," if figures else ""
        first = f"{headline},{share} {hours}."
    return " ".join(part for part in (first, trend, recent) if part)


def supervision_note(headline: str, week: str, detail: str, sustained: str | None,
                     lower: bool = True) -> str:
    """Default text for 'Add to supervision notes' from a heavy state, in the one-page
    summary's words and dates (no ISO week, no points: it is read by a manager).

    `week` is 'the week to Friday 4 December 2026' or 'this week so far (to Wednesday 2
    December 2026)'; `detail` the hours or cases behind the headline; `sustained` the calm
    panel's text, whose first sentence says how long it has lasted."""
    text = f"Workload for {week}: {headline.lower() if lower else headline}"
    text += f", {detail}." if detail else "."
    if sustained:
        text += " " + sustained.split(". ")[0].rstrip(".") + "."
    return text + " I would like to discuss what could change."
