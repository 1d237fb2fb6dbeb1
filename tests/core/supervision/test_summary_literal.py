"""The summary's trend says only what is literally true: labels, the highest week and any run."""

from datetime import date

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile
from core.supervision.summary import SummaryOptions, compose_summary
from core.supervision.summary_render import summary_markdown
from core.workload.profile import save_profile

FRIDAY = date(2026, 11, 27)


def _held(db):
    save_profile(db, Profile("PO", 37), today=date(2026, 1, 1))
    store = CaseStore(db)
    store.add_cases([Case(f"C{n:02d}", "licence", "A3", date(2026, 1, 5)) for n in range(1, 10)])
    # Three more for four weeks (the Fridays 23 October to 13 November): 120.8% in those weeks.
    for n in range(10, 13):
        case = store.add_case(Case(f"C{n:02d}", "licence", "A3", date(2026, 10, 19)))
        store.close_case(case.id, date(2026, 11, 16), "transferred")
    return db


def test_the_trend_sentence_names_the_highest_week_and_the_run(db):
    workload = compose_summary(_held(db), today=FRIDAY).section("workload")
    sentence = next(p for p in workload.paragraphs if "the estimate went from" in p)
    assert "Over 8 weeks the estimate went from 90.6% to 90.6%" in sentence
    assert "highest 120.8% (23 Oct)" in sentence
    # From the first day counted (the cases came on Monday 19 October), as `status` says it.
    assert "over 110% for 4 weeks in a row, 19 Oct to 13 Nov" in sentence


def test_a_mid_week_figure_is_labelled_so_far_not_week_ending(db):
    _held(db)
    summary = compose_summary(db, SummaryOptions(end=date(2026, 11, 25)), today=FRIDAY)
    assert summary.section("workload").trend[-1].label == "25 Nov (so far)"
    text = summary_markdown(summary)
    assert "Week ending" not in text and "| 25 Nov (so far) |" in text


def test_no_figure_for_a_day_after_the_summary_was_made(db):
    _held(db)
    summary = compose_summary(db, SummaryOptions(end=date(2026, 11, 30)), today=FRIDAY)
    labels = [p.label for p in summary.section("workload").trend]
    assert labels[-1] == "27 Nov" and not any("30 Nov" in label for label in labels)


def test_an_empty_period_past_today_says_the_day_the_estimate_is_for(db):
    _held(db)
    summary = compose_summary(db, SummaryOptions(start=date(2026, 11, 1), end=date(2026, 11, 30)),
                              today=FRIDAY)
    assert "as of 27 November 2026, the day this was made" in summary.notice
    assert "as of the last day" not in summary.notice
