"""The one-page summary: ten sections in order, one page by cutting 8 then 3, private by default."""

import re
from datetime import date, timedelta

import pytest

from core.supervision.agenda import add_agenda_item
from core.caseload.cases import CaseStore
from tests.demo_copy import demo_into
from core.common.errors import ValidationError
from core.supervision import export
from core.supervision.summary import SummaryOptions, compose_summary, default_period
from core.supervision.summary_fit import fit_summary
from core.supervision.summary_model import SECTION_KEYS, SECTION_TITLES
from core.supervision.summary_render import summary_html, summary_markdown
from core.supervision.sessions import last_session

TODAY = date(2026, 11, 28)
WELLBEING = "Tired after a heavy month"


@pytest.fixture
def demo(db):
    demo_into(db, TODAY)
    return db


def export_text(db, fmt, options, today):
    """As exported, with a page that holds anything (the real layout is tested under tests/ui)."""
    return export.export_text(db, fmt, options, today, fits=lambda s: True)


def _references_in(text: str, references: set[str]) -> set[str]:
    return {ref for ref in references if re.search(rf"(?<!\w){re.escape(ref)}(?!\w)", text, re.I)}


def test_the_ten_sections_come_in_the_guides_order(demo):
    summary = compose_summary(demo, today=TODAY)
    assert [s.key for s in summary.sections] == list(SECTION_KEYS)
    markdown = summary_markdown(summary)
    positions = [markdown.index(SECTION_TITLES[key]) for key in SECTION_KEYS]
    assert positions == sorted(positions)


def test_the_default_period_runs_from_the_last_session_to_today(demo):
    start, end = default_period(demo, TODAY)
    assert start == last_session(demo).held_on and end == TODAY
    assert "Period: " in summary_markdown(compose_summary(demo, today=TODAY))


def test_overflow_cuts_reflection_first_then_time_and_never_workload_or_actions(demo):
    calls = []

    def fits_after(n):
        def fits(summary):
            calls.append(summary.cut_titles())
            return len(summary.cut_titles()) >= n
        return fits

    full = compose_summary(demo, today=TODAY)
    one = fit_summary(full, fits=fits_after(1))
    assert one.cut_titles() == ["Reflection"]
    two = fit_summary(full, fits=fits_after(2))
    assert two.cut_titles() == ["Where the time went", "Reflection"]
    never = fit_summary(full, fits=lambda s: False)
    assert never.cut_titles() == ["Where the time went", "Reflection"]
    assert never.section("workload").has_content() and never.section("actions").rows
    assert "to keep this summary to one page" in summary_markdown(never)


def test_a_period_with_nothing_recorded_still_gives_a_page_that_says_so(db):
    summary = compose_summary(db, SummaryOptions(date(2026, 1, 1), date(2026, 1, 31)), today=TODAY)
    assert summary.empty_period
    html = summary_html(summary)
    assert "Nothing was recorded between 1 January 2026 and 31 January 2026" in html
    assert "No time was logged in this period." in html
    assert "No actions carried forward." in html


def test_no_case_reference_in_any_format_unless_asked(demo):
    references = CaseStore(demo).references()
    add_agenda_item(demo, "going_well", f"Good progress on {sorted(references)[0]}", today=TODAY)
    for fmt in ("html", "md", "csv"):
        text = export_text(demo, fmt, SummaryOptions(), TODAY)
        assert _references_in(text, references) == set(), fmt
    asked = export_text(demo, "md", SummaryOptions(include_cases=True), TODAY)
    assert _references_in(asked, references)
    text = export_text(demo, "csv", SummaryOptions(include_cases=True), TODAY)
    lines = text.removeprefix("\ufeff").splitlines()  # after the byte-order mark Excel needs
    assert lines[0] == "OFFICIAL" and "case" in lines[1]


def test_cases_to_discuss_are_counted_by_reason_without_references(demo):
    section = compose_summary(demo, today=TODAY).section("cases")
    assert "2 cases to discuss: risk change (1), stuck (1)" in section.paragraphs[0]


def test_wellbeing_is_left_out_unless_ticked_for_this_export(demo):
    assert WELLBEING not in export_text(demo, "md", SummaryOptions(), TODAY)
    assert "Private: not included" in export_text(demo, "html", SummaryOptions(), TODAY)
    assert WELLBEING in export_text(demo, "md", SummaryOptions(include_wellbeing=True), TODAY)


def test_classification_line_heads_and_ends_the_page(demo):
    text = export_text(demo, "md", SummaryOptions(classification="OFFICIAL-SENSITIVE"), TODAY)
    lines = text.strip().splitlines()
    assert lines[0] == "**OFFICIAL-SENSITIVE**" and lines[-1] == "**OFFICIAL-SENSITIVE**"


def test_a_period_that_ends_before_it_starts_is_refused(demo):
    with pytest.raises(ValidationError) as info:
        compose_summary(demo, SummaryOptions(TODAY, TODAY - timedelta(days=1)), today=TODAY)
    assert "starts" in info.value.problems[0]


def test_workload_section_has_a_trend_and_weeks_over_line(demo):
    workload = compose_summary(demo, today=TODAY).section("workload")
    assert len(workload.trend) == 8
    # The recent weeks over 110% are said once: by their own line, or by the trend's "in all".
    said = [p for p in workload.paragraphs if "Weeks over 110%:" in p or "over 110% in all" in p]
    assert len(said) == 1 and not ("Weeks over 110%:" in said[0] and "in all" in said[0])


def test_no_text_on_the_page_is_set_below_8_pt(demo):
    # breaker4 report, finding 7: the chart caption was 7.5 pt, under the 8 pt floor.
    summary = compose_summary(demo, today=TODAY)
    for font in (9.0, 8.0):
        summary.font_pt = font
        html = summary_html(summary, chart_src="chart.png")
        sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", html)]
        assert "Dashed line: 110%" in html and sizes and min(sizes) >= 8


def test_the_trend_sentence_is_literally_true_with_weeks_away(db):
    # breaker4 report, finding 8: "Over 8 weeks the estimate went from 47.4% to 94.7%" when
    # 6 of the 8 weeks had no figure.
    from core.caseload.models import Case

    CaseStore(db).add_cases([Case("C01", "licence", "A3", date(2026, 11, 16)),
                             Case("C02", "licence", "A3", date(2026, 11, 23))])
    workload = compose_summary(db, today=date(2026, 11, 27)).section("workload")
    sentence = next(p for p in workload.paragraphs if "the estimate went from" in p)
    assert ("Over the 2 weeks with figures (6 weeks before you set up the app) the estimate went "
            "from") in sentence
    assert "Over 8 weeks" not in sentence


def test_weeks_before_set_up_are_not_away_in_the_summary(db):
    """Set up on Monday 30 November, hours changed from 7 December: the summary for 30 November
    to 7 December said "Over the 2 weeks with figures (6 weeks away)"."""
    from decimal import Decimal

    from core.caseload.models import Case, Profile
    from core.supervision.summary import SummaryOptions
    from core.workload.profile import save_profile

    set_up = date(2026, 11, 30)
    save_profile(db, Profile("PO", Decimal("22.2")), today=set_up)
    CaseStore(db).add_cases([Case(f"C{n:02d}", "licence", "A3", set_up) for n in range(1, 11)])
    save_profile(db, Profile("PO", Decimal("29.6")), effective_from=date(2026, 12, 7),
                 today=date(2026, 12, 7))
    options = SummaryOptions(start=set_up, end=date(2026, 12, 7))
    workload = compose_summary(db, options, today=date(2026, 12, 7)).section("workload")
    sentence = next(p for p in workload.paragraphs if "weeks with figures" in p)
    assert "Over the 2 weeks with figures (6 weeks before you set up the app)" in sentence
    assert "away" not in sentence


def test_hours_read_one_way_on_the_whole_summary(db):
    """One summary said "22 hours 12 minutes a week", "45 cases on 22.2 hours a week" and
    "Home visit 3.1" in its table."""
    from datetime import time
    from decimal import Decimal

    from core.caseload.models import Case, Profile
    from core.supervision.summary import SummaryOptions
    from core.time.activities import list_activities
    from core.time.time_entries import TimeEntry, TimeStore
    from core.workload.profile import save_profile

    monday = date(2026, 11, 30)
    save_profile(db, Profile("PO", Decimal("22.2")), today=monday)
    CaseStore(db).add_cases([Case(f"C{n:02d}", "licence", "A3", monday) for n in range(1, 46)])
    visit = next(a.id for a in list_activities(db) if a.name == "Home visit")
    TimeStore(db).log_time(TimeEntry(monday, 186, visit, time(9), time(12, 6)), today=monday)
    summary = compose_summary(db, SummaryOptions(start=monday, end=monday), today=monday)
    text = " ".join(p for s in summary.sections for p in s.paragraphs)
    assert "45 cases on 22 hours 12 minutes a week" in text and "22.2" not in text
    rows = dict((name, hours) for name, hours in summary.section("time").rows[1:])
    assert rows == {"Home visit": "3 h 6 min"}


def test_a_period_with_no_cases_names_the_day_not_this_date(db):
    """A summary for a period said "No active cases were recorded on this date"."""
    from core.supervision.summary import SummaryOptions

    options = SummaryOptions(start=date(2026, 11, 23), end=date(2026, 11, 27))
    workload = compose_summary(db, options, today=date(2026, 11, 30)).section("workload")
    text = " ".join(workload.paragraphs)
    assert "this date" not in text
    assert "No cases were active on 27 November 2026" in text
