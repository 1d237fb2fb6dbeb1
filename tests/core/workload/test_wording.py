"""Every sentence about load: calm vocabulary, full sentences, and an action for heavy states."""

import re
from datetime import date
from decimal import Decimal

import pytest

from core.caseload.cases import CaseStore
from core.workload.drivers import driver_sentences
from core.workload.estimate import estimate_as_of
from core.workload.method_text import method_text
from core.caseload.models import Case, Profile, Reduction
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction
from core.workload.status_words import status_words
from core.workload.wording_samples import all_sentences
from core.workload.history_words import history_sentence, history_text
from core.workload.wording import (
    ADD_TO_NOTES,
    C_WORDS,
    W_HEADLINES,
    band_words,
    gauge_text,
    recent_sentence,

    trend_sentence,
    workload_words,
)
from core.workload.history import workload_status

EXCLUDED = ("danger", "critical", "alert", "failing", "behind", "unproductive", "red zone")
DAY = date(2026, 6, 5)


def test_there_are_many_sentences_to_check():
    assert len(all_sentences()) > 100


@pytest.mark.parametrize("text", all_sentences())
def test_no_sentence_uses_excluded_words_or_exclamations(text):
    lowered = text.lower()
    for word in EXCLUDED:
        assert not re.search(rf"\b{word}\b", lowered), (word, text)
    assert "!" not in text
    assert not re.search(r"(^|[.:?]\s+)You are\b", text), text


@pytest.mark.parametrize("band", list(W_HEADLINES))
@pytest.mark.parametrize("hours", [0.0, 0.5, 4.0])
def test_each_weighted_band_reads_as_full_sentences(band, hours):
    words = band_words(band, extra=hours, spare=hours)
    assert words.body[0].isupper() and words.body.endswith(".")
    assert not words.headline.endswith(".")
    assert "about 0 " not in words.body  # under half an hour is said in words


@pytest.mark.parametrize("band", list(C_WORDS))
def test_each_caseload_band_reads_as_a_full_sentence(band):
    body = C_WORDS[band].body
    assert body.startswith("Your caseload is") and body.endswith(".")


def test_every_heavy_state_offers_the_supervision_notes_action():
    for band in ("W3", "W4", "W5"):
        assert band_words(band, extra=4).action == ADD_TO_NOTES
    assert C_WORDS["C4"].action == ADD_TO_NOTES
    for band in ("W1", "W2"):
        assert band_words(band, spare=3).action is None
    assert all(C_WORDS[b].action is None for b in ("C1", "C2", "C3"))


def test_hours_are_spelled_out_and_spare_time_is_not_room_for_cases():
    assert "about 4 extra hours a week" in band_words("W3", extra=4).body
    assert "about 1 extra hour a week" in band_words("W4", extra=1).body
    assert "less than half an hour extra a week" in band_words("W3", extra=0).body
    spare = band_words("W1", spare=3).body
    assert "about 3 spare hours a week" in spare
    assert "case" not in spare.lower() and "take on" not in spare.lower()


def test_gauge_description_puts_words_before_the_number():
    text = gauge_text("Over capacity", 114.0, 4.0, 0.0, trend_sentence("heavier"),
                      recent_sentence(2, 4))
    assert text == ("Over capacity, about 114 percent of available hours, 4 extra hours a week. "
                    "Heavier than last week. Over capacity for 2 of the last 4 weeks.")


def test_no_capacity_is_said_in_words(db):
    save_profile(db, Profile("PO", 37.0))
    add_reduction(db, Reduction("Maternity / adoption leave", date(2026, 1, 5), percent=100), 37.0)
    CaseStore(db).add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    words = status_words(workload_status(db, DAY))
    assert words.body.startswith("No capacity is expected of you this week")
    assert "percent" not in words.gauge_description


def test_no_data_is_not_a_zero(db):
    words = workload_words(estimate_as_of(db, DAY))
    assert words.headline == "No estimate yet"


def test_drivers_name_the_cases_that_carry_the_estimate(db):
    # 9 community A1 = 9 × 146 = 1314; 3 licence A3 = 657; total 1971: two thirds and a third.
    store = CaseStore(db)
    store.add_cases(Case(f"M{n}", "community", "A1", date(2026, 1, 5)) for n in range(9))
    store.add_cases(Case(f"L{n}", "licence", "A3", date(2026, 1, 5)) for n in range(3))
    assert driver_sentences(estimate_as_of(db, DAY), figures=False) == [
        "9 community cases at tier A carry about two thirds of your estimate.",
        "3 licence cases at tier A carry about a third of your estimate.",
    ]
    # With figures every share is a percentage: never "about 42 percent" beside "a third".
    assert driver_sentences(estimate_as_of(db, DAY), figures=True) == [
        "9 community cases at tier A carry about 67 percent of your estimate.",
        "3 licence cases at tier A carry about 33 percent of your estimate.",
    ]


def test_method_page_explains_what_is_not_subtracted_again_and_where_to_find_support():
    text = method_text()
    assert "16%" in text and "20%" in text and "does not take them off a second time" in text
    assert "2021 published defaults; your service may use newer values" in text
    assert "published in June 2021" in text
    for support in ("employee assistance programme", "occupational health", "trade union", "GP"):
        assert support in text


def test_history_chart_has_a_one_sentence_summary(db):
    from core.workload.history import weekly_history

    CaseStore(db).add_cases(Case(f"L{n}", "licence", "A3", date(2026, 5, 18)) for n in range(11))
    sentence = history_sentence(weekly_history(db, DAY, weeks=4))
    # The Friday before the cases started (15 May) is before anything was recorded (not a week
    # away); 11 × 219 = 2409 of 2176 -> 110.7%.
    assert sentence == ("Over the last 4 weeks (1 week before you set up the app), the estimate was 110.7 percent of "
                        "available hours. It was over 110% in every one of them.")


def test_history_summary_without_figures_uses_band_words(db):
    from core.workload.history import weekly_history

    CaseStore(db).add_cases(Case(f"L{n}", "licence", "A3", date(2026, 5, 18)) for n in range(11))
    sentence = history_sentence(weekly_history(db, DAY, weeks=4), figures=False)
    # 110.7% every week with data is band W4.
    assert sentence == ("Over the last 4 weeks (1 week before you set up the app), the estimate "
                        "stayed at Over "
                        "capacity in every week it was worked out.")


def test_the_trend_line_without_figures_says_over_capacity_not_110_percent():
    # breaker4 report, finding 3: "...and was over 110% in 12 of them" with figures off.

    sentence = history_text(12, 104.0, 131.0, 12, 0, figures=False)
    assert sentence == ("Over the last 12 weeks, the estimate ranged from stretched to well over "
                        "capacity. It was over capacity in every one of them.")
    assert "%" not in sentence and "percent" not in sentence


def test_a_heavy_caseload_alone_gives_a_caseload_supervision_note(db):
    # 61 community D1 cases at 37 hours: 61 × 29 = 1769 of 2176 points (81.3%, Some capacity),
    # but 61 / 50 = 1.22 of the reference: Above a manageable caseload.
    save_profile(db, Profile("PO", 37.0))
    CaseStore(db).add_cases(Case(f"D{n}", "community", "D1", date(2026, 1, 5)) for n in range(61))
    words = status_words(workload_status(db, DAY))
    assert words.headline == W_HEADLINES["W1"]
    assert words.caseload_headline == C_WORDS["C4"].headline
    assert C_WORDS["C4"].headline.lower() in words.supervision_note
    assert "61 cases" in words.supervision_note
    assert W_HEADLINES["W1"].lower() not in words.supervision_note.lower()


def test_plural_forms_come_from_one_helper_everywhere():
    from core.common.words import plural
    from core.time.time_summary import hours_text
    from core.workload.wording import caseload_figures, trend_sentence

    assert plural(1, "case") == "1 case" and plural(0, "case") == "0 cases"
    assert plural(1, "entry", "entries") == "1 entry" and plural(3, "entry", "entries") == "3 entries"
    assert "a protected ceiling of 1 case agreed" in caseload_figures(2, 37, 1, True)
    assert hours_text(1 / 60) == "1 minute" and hours_text(61 / 60) == "1 hour 1 minute"
    assert hours_text(58.5 / 60) == "59 minutes"  # halves up, never to even
    assert "(1 week away)" in history_text(2, 100.0, 100.0, 0, 1)
    assert "the last 1 week." in history_text(1, None, None, 0, 0)
    assert trend_sentence("heavier", 3) == "Heavier for 3 weeks running."
    for text in all_sentences():
        assert not re.search(r"\b1 (cases|weeks|hours|minutes|days|entries)\b", text), text


def test_above_manageable_names_the_protected_ceiling(db):
    from core.caseload.cases import CaseStore

    save_profile(db, Profile("PO", 37, protected_ceiling=35))
    CaseStore(db).add_cases(Case(f"C{n:02d}", "community", "D1", date(2026, 1, 5))
                            for n in range(43))  # 43 / 35 > 1.2
    words = status_words(workload_status(db, DAY), DAY)
    assert words.caseload_headline == "Above your protected caseload"
    assert "You hold 43 cases against an agreed protected caseload of 35" in words.caseload_body
    assert "60" not in words.caseload_body


@pytest.mark.parametrize("count, headline", [
    (31, "Lighter caseload"), (32, "Within your protected caseload (40 cases)"),
    (40, "Within your protected caseload (40 cases)"), (41, "Above your protected caseload"),
    (48, "Above your protected caseload"), (49, "Above your protected caseload")])
def test_a_protected_ceiling_of_40_is_never_called_full(db, count, headline):
    # The issue's case: 41 to 48 cases against a ceiling of 40 read "Full caseload … the most
    # that can be managed well", and "above" came only at 49.
    from core.caseload.cases import CaseStore

    save_profile(db, Profile("PO", 37, protected_ceiling=40))
    CaseStore(db).add_cases(Case(f"C{n:02d}", "community", "D1", date(2026, 1, 5))
                            for n in range(count))
    words = status_words(workload_status(db, DAY), DAY)
    assert words.caseload_headline == headline
    assert "managed well" not in words.caseload_body
    assert (words.caseload_action is not None) == (count > 40)


def test_rounding_is_half_up_and_no_figure_contradicts_its_band():
    from decimal import Decimal

    from core.workload.wording import number

    assert number(Decimal("112.5")) == "112.5" and number(112.45) == "112.5"
    assert number(Decimal("110.05")) == "110.1" and number(0.125) == "0.1"
    assert number(2.675) == "2.7"  # the float is 2.67499999…; the decimal typed was 2.675
    # A summary figure is the one-decimal capacity the band was read from, never rounded again.
    summary = history_text(4, Decimal("110.4"), Decimal("112.5"), 2, 0)
    assert "110.4" in summary and "112.5" in summary


def test_a_full_time_equivalent_never_rounds_across_a_band_edge():
    from core.workload.wording import caseload_figures

    assert "just over 60 cases, against" in caseload_figures(73, "45.01", 60.8, False)
    assert "about 60 cases, against" in caseload_figures(36, "22.2", 30, False)
    assert "36 cases on 22 hours 12 minutes a week" in caseload_figures(36, "22.2", 30, False)


def test_each_sentence_of_the_caseload_figures_keeps_to_one_scale():
    """'5 cases on 22.2 hours a week, about 8.3 cases (full-time equivalent), against a
    reference of 30' set a full-time figure against a part-time reference."""
    from core.workload.wording import caseload_figures

    said = caseload_figures(5, "22.2", 30, False)
    assert said == ("5 cases on 22 hours 12 minutes a week, against a reference of 30 cases for "
                    "those hours. Full-time equivalent: about 8.3 cases, against a reference of 50.")


def test_weeks_before_set_up_are_not_away_and_one_figure_is_one_week(db):
    """The first Monday after setting up 45 cases from WMT counts: "Over the last 12 weeks
    (11 weeks away), the estimate stayed at Well over capacity in every week it was worked
    out." from one week's figure."""
    from core.workload.history import weekly_history

    monday = date(2026, 11, 30)
    save_profile(db, Profile("PO", Decimal("22.2")), today=monday)
    CaseStore(db).add_cases(Case(f"C{n:02d}", "licence", "A3", monday) for n in range(1, 46))
    sentence = history_sentence(weekly_history(db, monday, weeks=12), figures=False)
    assert sentence == ("Over the last 12 weeks (11 weeks before you set up the app), the "
                        "estimate was worked out for one week: Well over capacity.")
    assert "away" not in sentence and "every week" not in sentence


def test_very_high_load_says_how_much_more_and_pins_the_hours_on_the_work(db):
    """At 366% the Overview said "at least a fifth more than your available hours", then "Over
    capacity this week." under "Well over capacity", and the note read "well over capacity;
    above a manageable caseload, about 59 extra hours a week", as if the caseload had them."""
    from core.workload.history import workload_status

    monday = date(2026, 11, 30)
    save_profile(db, Profile("PO", Decimal("22.2")), today=monday)
    CaseStore(db).add_cases(Case(f"C{n:02d}", "licence", "A3", monday) for n in range(1, 46))
    words = status_words(workload_status(db, monday), monday)
    est = estimate_as_of(db, monday)
    assert words.headline == "Well over capacity" and est.capacity_percent > 300
    times = int(est.capacity_percent) // 100
    multiples = ['', '', 'twice', 'three times', 'four times', 'five times', 'six times',
                 'seven times', 'eight times', 'nine times', 'ten times']
    assert f"is more than {multiples[min(times, 10)]} your available hours" in words.body
    assert "a fifth more" not in words.body
    assert words.recent is None  # the headline already says this week is over capacity
    note = words.supervision_note
    extra = note.split("well over capacity, ")[1].split(";")[0]
    assert extra.startswith("about ") and extra.endswith("extra hours a week")
    assert "; above a manageable caseload, 45 cases" in note
    assert "caseload, about" not in note


def test_how_much_more_is_true_at_each_height():
    from core.workload.wording import how_much_more

    assert how_much_more(Decimal("126.0")) == "at least a fifth more than"
    assert how_much_more(Decimal("150.0")) == "at least half as much again as"
    assert how_much_more(Decimal("200.0")) == "at least twice"
    assert how_much_more(Decimal("366.0")) == "more than three times"


def test_every_week_over_is_said_as_every_week_not_n_of_n():
    """'Over capacity for 4 of the last 4 weeks.' and 'It was over capacity in 12 of them.' for
    12 of 12 read as counts to check."""
    from core.workload.wording import recent_sentence, weeks_over_line

    assert recent_sentence(4, 4) == "Over capacity in each of the last 4 weeks."
    assert recent_sentence(3, 4) == "Over capacity for 3 of the last 4 weeks."
    assert recent_sentence(4, 4, 1) == "Over capacity in each of the last 4 working weeks (1 week away)."
    assert weeks_over_line(4, 4) == "Weeks over 110%: every one of the last 4"
    assert history_text(12, 112.0, 131.0, 12, 0).endswith("It was over 110% in every one of them.")
    assert history_text(12, 104.0, 131.0, 11, 0).endswith("It was over 110% in 11 of them.")
