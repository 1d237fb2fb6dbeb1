"""Sentences about the load say only what is literally true (the audit's findings)."""

from datetime import date

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile, Reduction
from core.workload.history import weekly_history, workload_status
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction
from core.workload.status_words import status_words
from core.workload.wording import band_words

FRIDAY = date(2026, 11, 27)


def _heavy(db, start, prefix="H", count=11):
    """11 licence A3 cases: 2409 of 2176 points, 110.7%."""
    CaseStore(db).add_cases([Case(f"{prefix}{n:02d}", "licence", "A3", start)
                             for n in range(count)])


def test_a_run_is_dated_from_the_first_day_counted(db):
    # Monday 2 and Tuesday 3 to Wednesday 4 November had some capacity; the overload began on
    # Thursday 5 November. "since 2 November" was not true.
    save_profile(db, Profile("PO", 37), today=date(2026, 1, 1))
    CaseStore(db).add_case(Case("C01", "community", "D1", date(2026, 1, 5)))
    _heavy(db, date(2026, 11, 5))
    summary = workload_status(db, FRIDAY)
    assert summary.weighted_episode.weeks == 4
    assert summary.weighted_episode.since == date(2026, 11, 5)
    assert "for 4 weeks in a row (since 5 November)" in status_words(summary, FRIDAY).sustained


def test_a_week_of_leave_inside_a_run_is_said_as_such(db):
    save_profile(db, Profile("PO", 37), today=date(2026, 1, 1))
    _heavy(db, date(2026, 10, 26))
    add_reduction(db, Reduction("Annual leave", date(2026, 11, 9), date(2026, 11, 15),
                                percent=100), 37)
    summary = workload_status(db, FRIDAY)
    words = status_words(summary, FRIDAY).sustained
    assert "for 4 working weeks, with 1 week away between them (since 26 October)" in words
    assert "in a row (since" not in words


def test_well_over_capacity_is_true_for_part_time_hours():
    body = band_words("W5", extra=6.0).body
    assert "six days" not in body and "five-day week" not in body
    assert "at least a fifth more than your available hours, about 6 extra hours a week" in body


def test_an_spo_hears_the_trend_as_a_number_of_cases(db):
    save_profile(db, Profile("SPO", 37), today=date(2026, 1, 1))
    CaseStore(db).add_cases([Case(f"C{n:02d}", "community", "D1", date(2026, 1, 5))
                             for n in range(5)])
    words = status_words(workload_status(db, FRIDAY), FRIDAY)
    assert words.headline == "No capacity figure"
    assert words.trend == "About the same number of cases as last week."
    CaseStore(db).add_cases([Case(f"D{n:02d}", "community", "D1", date(2026, 11, 23))
                             for n in range(3)])
    assert status_words(workload_status(db, FRIDAY), FRIDAY).trend == "More cases than last week."


def test_history_carries_the_first_day_counted(db):
    save_profile(db, Profile("PO", 37), today=date(2026, 1, 1))
    _heavy(db, date(2026, 11, 4))
    last = weekly_history(db, FRIDAY, weeks=8)[-1]
    assert last.weighted_episode.since == date(2026, 11, 4)
    assert last.weighted_episode.start == date(2026, 11, 2)  # the episode's key is unchanged


def test_a_small_share_in_words_is_not_rounded_up_to_a_tenth():
    from fractions import Fraction

    from core.workload.drivers import share_words

    assert share_words(Fraction(102, 1956), figures=False) == "less than a tenth"  # 5.2%
    assert share_words(Fraction(1, 10), figures=False) == "about a tenth"
    assert share_words(Fraction(15, 100), figures=False) == "about an eighth"


def test_the_method_text_does_not_call_an_edited_share_todays_tool(db):
    from core.workload.method_text import method_text
    from core.workload.weightings import set_weighting, weightings_as_of

    set_weighting(db, "share.unpaid_work_only", 50, date(2026, 11, 16))
    text = " ".join(method_text(weightings_as_of(db, date(2026, 11, 27))).split())
    assert "As in today's tool, an inactive case" not in text
    assert "a case with only unpaid work left keeps 50%" in text
    assert "the published defaults, as in today's tool, are 0% for a warrant, 0% for only " \
           "unpaid work" in text
