"""The one sentence a chart of weekly estimates carries, as the Overview and the summary say
it: weeks away, weeks before the app was set up, and one figure said as one week."""

from __future__ import annotations

from decimal import Decimal

from core.common.words import plural
from core.workload.estimate import workload_band
from core.workload.history import WeekSummary
from core.workload.wording import W_HEADLINES, number


def history_text(weeks: int, low: Decimal | None, high: Decimal | None, over: int, gaps: int,
                 figures: bool = True, before: int = 0, known: int | None = None) -> str:
    """The one-sentence summary a chart of weekly estimates carries (low/high None: no figures).

    `gaps` counts weeks away (leave covering every hour, or nothing active: workload-model.md
    §8), said as "(1 week away)" as `status`, history and the summary say it; `before` counts
    the weeks before the first one with anything recorded, which are before the app was set up
    and never "away". `known` is how many weeks had a figure: one figure is said as one week,
    never as "stayed at … in every week". Without figures the range is said in band words, as
    the gauge does until "Show figures".
    """
    if low is None or high is None:
        return f"There are no weekly estimates to show for the last {plural(weeks, 'week')}."
    period = plural(weeks, "week") + before_and_away(before, gaps)
    if known == 1:
        value = (f"{number(low)} percent of available hours" if figures
                 else W_HEADLINES[workload_band(low)])
        only = "this week" if weeks == 1 else "one week"
        return (f"Over the last {period}, the estimate was worked out for {only}: {value}.")
    if figures:
        spread = (f"was {number(low)} percent of available hours" if low == high
                  else f"ranged from {number(low)} to {number(high)} percent of available hours")
    else:
        lightest, heaviest = (W_HEADLINES[workload_band(v)].lower() for v in (low, high))
        if lightest == heaviest:  # one band says whether it was over capacity too
            return (f"Over the last {period}, the estimate stayed at "
                    f"{W_HEADLINES[workload_band(low)]} in every week it was worked out.")
        spread = f"ranged from {lightest} to {heaviest}"
    # "12 of them" for 12 of 12 reads as a count to check: say "every one of them".
    over_text = ("none of them" if over == 0 else "every one of them"
                 if over >= (known if known is not None else weeks - before - gaps)
                 else f"{over} of them")
    # Over capacity (W4 and above) is exactly "over 110%": the band's words with figures off.
    over_words = "over 110%" if figures else "over capacity"
    return (f"Over the last {period}, the estimate {spread}. It was {over_words} "
            f"in {over_text}.")


def before_and_away(before: int, away: int) -> str:
    """' (11 weeks before you set up the app)', ' (1 week away)', or both kept short: ' (5
    before you set up the app, 1 away)'; '' for neither."""
    def count(n: int) -> str:
        return str(n) if before and away else plural(n, "week")
    notes = ([f"{count(before)} before you set up the app"] if before else []) + (
        [f"{count(away)} away"] if away else [])
    return f" ({', '.join(notes)})" if notes else ""


def leading_gaps(summaries: list[WeekSummary]) -> int:
    """Weeks with nothing recorded before the first week with anything: before the app was set
    up, so never called "away"."""
    return next((n for n, s in enumerate(summaries) if s.has_data), len(summaries))


def history_sentence(summaries: list[WeekSummary], figures: bool = True) -> str:
    values = [s.estimate.capacity_percent for s in summaries
              if s.has_data and s.estimate.capacity_percent is not None]
    before = leading_gaps(summaries)
    return history_text(
        len(summaries),
        min(values) if values else None,
        max(values) if values else None,
        sum(1 for f in values if f > 110),
        sum(1 for s in summaries[before:] if s.is_gap),
        figures,
        before=before,
        known=len(values),
    )
