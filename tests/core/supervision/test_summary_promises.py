"""The summary's privacy and fitting promises, without Qt (issue 15): the cutting order, what is
said about it, reduction reasons as categories, overdue actions, the CSV's classification row
and files never replaced silently. The real page is tested in tests/ui/supervision."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.caseload.models import Reduction
from core.common.errors import ValidationError
from tests.demo_copy import demo_into
from core.supervision import export
from core.supervision.agenda import add_agenda_item
from core.supervision.export import TargetExistsError, write_text
from core.supervision.sessions import Action, add_action
from core.supervision.summary import SummaryOptions, compose_summary
from core.supervision.summary_fit import fit_summary, shorten
from core.supervision.summary_model import BASE_FONT_PT, MIN_FONT_PT
from core.supervision.summary_sources import reduction_category
from core.workload.reductions import add_reduction
from tests.examples import examples

TODAY = date(2026, 11, 28)


@pytest.fixture
def busy(db):
    demo_into(db, TODAY)
    for n in range(6):
        add_agenda_item(db, "going_well", f"going well note {n} " + "word " * 40, today=TODAY)
        add_agenda_item(db, "request", f"request note {n}", today=TODAY)
        add_action(db, Action(f"action {n} " + "word " * 50, "me", TODAY - timedelta(days=n)),
                   today=TODAY - timedelta(days=10 - n))
    return db


def test_reflection_goes_first_then_time_then_older_items_then_long_words_then_type_size(busy):
    full = compose_summary(busy, today=TODAY)
    only_reflection = fit_summary(full, lambda s: "Reflection" in s.cut_titles())
    assert only_reflection.cut_titles() == ["Reflection"]
    assert only_reflection.font_pt == BASE_FONT_PT
    # A page that holds only three actions: both cuts, then the newest three actions kept.
    three = fit_summary(full, lambda s: len(s.section("actions").rows) <= 4)
    assert three.cut_titles() == ["Where the time went", "Reflection"]
    assert [r[0].split()[1] for r in three.section("actions").rows[1:]] == ["5", "4", "3"]
    assert three.section("actions").more_note == f"{three.section('actions').more} more in the app"
    assert three.font_pt == BASE_FONT_PT  # smaller type is the last resort
    floor = fit_summary(full, lambda s: False)
    assert floor.font_pt == MIN_FONT_PT
    assert all(len(b) <= 80 for s in floor.sections for b in s.bullets)
    assert floor.section("workload").has_content() and floor.section("actions").rows


def test_what_was_left_out_is_said_in_words(busy):
    full = compose_summary(busy, today=TODAY)
    fitted = fit_summary(full, lambda s: len(s.section("actions").rows) <= 4)
    message = fitted.fit_message()
    assert message.startswith("To fit one page: reflection left out, where the time went left out")
    actions = fitted.section("actions")
    assert f"{actions.more} older actions not shown" in message and actions.more == 6
    assert "older notes on what's going well not shown" in message
    # Even a page that holds everything keeps each list to its usual length, and says so.
    usual = fit_summary(compose_summary(busy, today=TODAY), lambda s: True)
    going_well = usual.section("going_well")
    assert len(going_well.bullets) == 3 and going_well.more == 5
    assert usual.fit_message().startswith(
        "To fit one page: 5 older notes on what's going well not shown")


@settings(max_examples=examples(80), deadline=None)
@given(st.text(max_size=400), st.integers(10, 300))
def test_a_shortened_item_ends_in_an_ellipsis_and_keeps_within_its_limit(text, limit):
    short = shorten(text, limit)
    assert len(short) <= limit
    assert short == text or short.endswith("…")


def test_reduction_reasons_show_as_categories_unless_ticked(db):
    demo_into(db, TODAY)
    for reason in ("Cancer treatment", "Counselling for PTSD", "Trade union facility time",
                   "Long-term sickness", "PQiP trainee, first 6 months"):
        add_reduction(db, Reduction(reason, TODAY - timedelta(days=3), hours_per_week=1), 37)
    header = " ".join(compose_summary(db, today=TODAY).section("header").paragraphs)
    for private in ("Cancer", "PTSD", "sickness", "first 6 months"):
        assert private not in header
    for category in ("other agreed reduction", "Trade union facility time",
                     "leave or personal circumstances", "PQiP"):
        assert category in header
    ticked = compose_summary(db, SummaryOptions(include_reasons=True), today=TODAY)
    assert "Cancer treatment" in " ".join(ticked.section("header").paragraphs)


@pytest.mark.parametrize("reason, category", [
    ("Chemotherapy", "other agreed reduction"), ("Other", "other agreed reduction"),
    ("Court duty", "Court duty"), ("Pregnancy", "leave or personal circumstances"),
])
def test_each_reason_has_a_category(reason, category):
    assert reduction_category(reason) == category


def test_an_overdue_action_is_marked_in_the_summary(db):
    add_action(db, Action("Book protected time", "me", TODAY - timedelta(days=1)), today=TODAY)
    add_action(db, Action("Ask for admin help", "me", TODAY), today=TODAY)
    rows = compose_summary(db, SummaryOptions(start=TODAY - timedelta(days=7), end=TODAY),
                           today=TODAY).section("actions").rows
    assert dict((r[0], r[3]) for r in rows[1:]) == {"Book protected time": "Overdue",
                                                     "Ask for admin help": "Open"}


def test_the_csv_starts_with_the_classification_line(db):
    text = export.export_text(db, "csv", SummaryOptions(classification="OFFICIAL-SENSITIVE"),
                              TODAY)
    assert text.removeprefix("\ufeff").splitlines()[:2] == ["OFFICIAL-SENSITIVE",
                                     "date,start,end,minutes,hours,activity,counted_by_wmt"]
    plain = export.export_text(db, "csv", SummaryOptions(), TODAY)
    assert plain.removeprefix("\ufeff").splitlines()[0] == "OFFICIAL"


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path):
    target = tmp_path / "supervision.md"
    target.write_text("mine")
    with pytest.raises(TargetExistsError):
        write_text(target, "new")
    assert target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["supervision.md"]  # no temporary left
    write_text(target, "new", overwrite=True)
    assert target.read_text() == "new"


def test_a_long_classification_line_is_refused(db):
    with pytest.raises(ValidationError):
        compose_summary(db, SummaryOptions(classification="X" * 61), today=TODAY)


def test_the_official_figure_names_its_week_by_the_friday(db):
    """It said "Official WMT figure for the week of 20 November" for a Friday."""
    from core.supervision.summary_sources import workload_facts
    from core.workload.official import record_official

    demo_into(db, date(2026, 11, 28))
    record_official(db, date(2026, 11, 20), 95.0, today=date(2026, 11, 28))
    lines = [line for line in workload_facts(db, date(2026, 11, 28)).lines if "Official" in line]
    assert lines and lines[0].startswith("Official WMT figure for the week to Friday 20 November:")


def test_every_week_over_110_is_said_once_in_the_workload_paragraph(db):
    """The summary said "…over 110% in all. Weeks over 110%: 4 of the last 4." in one paragraph."""
    from core.supervision.summary_sources import workload_facts

    demo_into(db, date(2026, 12, 6))
    facts = workload_facts(db, date(2026, 12, 6))
    assert facts.trend_sentence.endswith("over 110% in all.")  # the demo's long run
    paragraph = f"{facts.trend_sentence} {facts.weeks_over}"
    assert "Weeks over 110%" not in paragraph and " of the last " not in paragraph
