"""The "How is this worked out?" page: method, numbers used, thresholds, where to find support."""

from __future__ import annotations

from dataclasses import dataclass

from core.workload.estimate import REPORT_WINDOW_DAYS
from core.workload.weightings import Weightings, is_published_default, published_defaults
from core.common.exact import Number, plain


@dataclass(frozen=True)
class MethodSection:
    title: str
    paragraphs: tuple[str, ...]


def _n(value: Number) -> str:
    return plain(value)


# The section that answers the over-capacity panel ("What does this mean?" opens it first).
FOUR_WEEKS = "When it lasts four weeks, and support"


def method_sections(weightings: Weightings | None = None) -> list[MethodSection]:
    """The page, section by section, with the weightings in force (default: the published)."""
    w = weightings or published_defaults()
    std, fast = w.report_points["standard"], w.report_points["fast"]
    if is_published_default(w):
        numbers = (f"The numbers used are the {w.label}. They were published in {w.published}. "
                   f"Source: {w.source}. "
                   "You can change any of them in Settings, from a date, and restore them in "
                   "one step.")
    else:
        numbers = (f"Some numbers have been changed in Settings from the {w.label} "
                   f"({w.published}). Weeks before a change keep the numbers in force then.")
    return [
        MethodSection("What this is", (
            "This is the app's own estimate, worked out from the cases, hours and reductions you "
            "have entered, following the published rules of the probation Workload Measurement "
            "Tool. It is not the official figure. If your manager gives you the official "
            "percentage for a week, you can enter it and see both side by side.",
        )),
        MethodSection("Points for the work you hold", (
            "Each case that is open on the day scores the points for its case type and the tier "
            "it held that day. A young adult (T2A) case uses the young adult row, which the "
            "published defaults fill with the custody values. An untiered case scores nothing, "
            "and a closed or transferred case scores nothing from the day it closed.",
            f"{_shares_lead(w)} an inactive case keeps only a share of its points: a case only "
            f"waiting on an active warrant keeps {w.warrant_share}%, a case with only unpaid work "
            f"left keeps {w.unpaid_work_share}%, and a case still open after its expected end "
            f"date (an overdue termination) keeps {w.overdue_share}% from the day after that "
            "date. Close the case, or move its end date, and it counts as it should."
            + _shares_edited(w),
            f"Each standard court report completed in the last {REPORT_WINDOW_DAYS} days adds "
            f"{std} points and each fast report adds {fast} points. The {REPORT_WINDOW_DAYS} days "
            "include the day itself.",
        )),
        MethodSection("Points your hours allow", (
            f"A full-time week of {_n(w.default_hours)} hours is worth {w.nominal_target} points, "
            f"about {_n(w.points_per_hour)} points an hour. Your available points are "
            f"{w.nominal_target} times your contracted hours less the weekly hours of any "
            f"reductions in force, divided by {_n(w.default_hours)}, with the fraction dropped.",
            "When reductions cover all of your contracted hours, no capacity is expected of you "
            "that week, and the app says so instead of showing a figure. Senior probation "
            "officers have no capacity figure in the tool. Grades other than probation officer, "
            "PSO and trainee have no default hours in the tool, so there is no capacity figure "
            "until you give your contracted hours.",
        )),
        MethodSection("Capacity and hours", (
            "Capacity is your workload points as a percentage of your available points, to one "
            "decimal place. The app shows it as hours: the difference in points divided by "
            f"about {_n(w.points_per_hour)} points an hour, to the nearest half hour.",
        )),
        MethodSection("Time already allowed for", (
            "The tool assumes 16% of working time is non-attributable (travel, computer "
            "problems, supervision, comfort breaks) and 20% is non-effective (holidays, "
            "sickness, training). Both are already inside the nominal target of "
            f"{w.nominal_target} points, so the app does not take them off a second time.",
        )),
        MethodSection("The numbers used", (numbers,)),
        MethodSection("Where the bands come from", (
            "Caseload: HM Inspectorate of Probation found quality falls when practitioners hold "
            "more than 50 cases, and staff and managers agreed that 50 to 60 cases is the most "
            "that can be managed well. The app scales these by your contracted hours, or uses a "
            "protected ceiling agreed with your manager.",
            "Weighted workload: the classic tool treats 90 to 110% as the target range. HMPPS "
            "defined more than 110% for four consecutive weeks as an excessive workload in 2021. "
            "120% on average was accepted as too high, and the national average was about 117 "
            "to 120% in 2023 to 2024. The allocation tool, Manage a Workforce, marks 100% and "
            "over.",
            "A week's figure is the estimate on that week's Friday; until Friday comes, this "
            "week's is today's, marked \"so far this week\". A week with no capacity figure, "
            "because nothing was active or you were on leave, is a gap: it is not a zero, and "
            "it neither counts towards four weeks in a row nor breaks them. The weighted and the "
            "caseload measures each have their own run of weeks, start date and panel.",
            "Every period runs from its first day. A reduction is in force up to and including "
            "its last day, and a band that follows it starts the next day; a case counts until "
            "the day it closes; a change to your hours, grade, tiers or weightings applies from "
            "its date, so earlier weeks keep what they had. Figures are rounded half up.",
        )),
        MethodSection("Why your figure may differ from the official one", (
            "The official tool reads the case management system; this app reads only what you "
            "have entered. On every case the tool sees, the app gives the same points (the "
            "Ministry of Justice's own test cases are among the app's tests). The two differ "
            "where the tool sees something the app does not: cases not in your list here, a "
            "case tiered at work but untiered here, a case closed or extended at work but past "
            "its expected end date here, a reduction recorded on one side only, contact points "
            "added by case administrators, a court report near the edge of the 30-day window, "
            "or weightings your service has changed.",
            "When the official figure your manager gave and this estimate are more than 5 points "
            "apart, the Overview says which of these it can see, largest first, with the one "
            "thing to check for each. The estimate is never changed to match: the point is to "
            "find which figure is wrong.",
        )),
        MethodSection("What the estimate does not see", (
            "Practitioners told inspectors the tool misses parole reports, risk assessments such "
            "as ARMS, recall reviews, covering for absent colleagues, one-to-one work where no "
            "programme is available, rural travel, inductions and reception duty. Your logged "
            "time shows this work beside the estimate.",
        )),
        MethodSection(FOUR_WEEKS, (
            "HMPPS treats more than 110% for four weeks in a row as an excessive workload. When "
            "that happens, the Overview shows a calm panel once for that run of weeks.",
            "It shows another when your caseload has been above a manageable level for four "
            "weeks. A week on leave neither counts towards the four weeks nor breaks them.",
            "A heavy workload reflects demand on the service, not your effort. Supervision is "
            "the usual place to raise it. Add to supervision notes puts it on the agenda for "
            "your next one.",
            "Support is also there outside supervision: the employee assistance programme, "
            "occupational health, your trade union and your GP.",
        )),
    ]


def method_text(weightings: Weightings | None = None) -> str:
    """The whole page as plain text (for the command line and exports)."""
    return "\n\n".join(
        section.title + "\n" + "\n".join(section.paragraphs)
        for section in method_sections(weightings)
    )


def all_method_sentences() -> list[str]:
    return [p for s in method_sections() for p in (s.title, *s.paragraphs)]


def _default_shares() -> tuple[int, int, int]:
    d = published_defaults()
    return d.warrant_share, d.unpaid_work_share, d.overdue_share


def _shares_lead(w) -> str:
    """'As in today's tool,' only while the shares are the published ones."""
    same = (w.warrant_share, w.unpaid_work_share, w.overdue_share) == _default_shares()
    return "As in today's tool," if same else "Here, as the weightings are set,"


def _shares_edited(w) -> str:
    warrant, unpaid, overdue = _default_shares()
    if (w.warrant_share, w.unpaid_work_share, w.overdue_share) == (warrant, unpaid, overdue):
        return ""
    return (f" These shares have been edited: the published defaults, as in today's tool, are "
            f"{warrant}% for a warrant, {unpaid}% for only unpaid work and {overdue}% for an "
            "overdue termination.")
