"""A name never becomes a case reference, and name-like free text is spotted (issue 15)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.caseload.cases import CaseStore
from core.caseload.csv_import import preview_csv_text
from core.caseload.models import Case
from core.common.errors import ValidationError
from core.common.identifiers import reference_problem
from core.common.name_words import ACRONYMS, PLAIN_TITLES, WORD_TITLES, WORKLOAD_WORDS
from core.common.names import name_like, name_refusal
from tests.examples import examples


@pytest.mark.parametrize("reference", ["C07", "HV-3", "c1", "A.2_b", "123456789012"])
def test_a_short_code_with_a_digit_is_a_reference(reference):
    assert reference_problem(reference) is None


@pytest.mark.parametrize("reference", ["John Smith", "Smith", "C 07", "1234567890123", "", "HV/3"])
def test_a_name_or_anything_else_is_not_a_reference(reference):
    assert reference_problem(reference)


@settings(max_examples=examples(60), deadline=None)
@given(st.text(alphabet="ABCDEFabcdef -._", min_size=1, max_size=20))
def test_a_reference_without_a_digit_is_always_refused(reference):
    assert reference_problem(reference)


def test_the_store_and_a_csv_import_refuse_a_name_as_reference(db):
    with pytest.raises(ValidationError):
        CaseStore(db).add_case(Case("John Smith", "community", "C1", date(2026, 1, 5)))
    preview = preview_csv_text(
        "reference,case_type,tier,start_date\nJane Doe,community,C1,2026-01-05\n", set())
    assert not preview.cases and "Line 2" in str(preview.problems[0])


@pytest.mark.parametrize("text", [
    "Visit to Mr Jones about his tenancy",
    "Met Dr. Patel at the hostel",
    "Three-way meeting with John Smith and the hostel",
    "Call from O'Brien Smith-Jones",
    "mrs Okafor rang",
    # breaker4 report, finding 1: the first word after punctuation, capitals and lower case
    "John Smith called",
    "Update: John Smith missed appointment",
    "Called re. John Smith about housing",
    "Home visit; John Smith",
    "JOHN SMITH called",
    "Visit to mr jones",
    "Joint visit with DC Smith",
    "Rang PC Okafor about the warrant",
    "Letter from Dr. patel",
    "J. Smith rang",
    "MR JONES rang",
])
def test_titles_and_runs_of_capitalised_words_look_like_names(text):
    assert name_like(text.replace("mrs", "Mrs"))


@pytest.mark.parametrize("text", [
    "Home visit to C07 about accommodation",
    "Two parole reports due in the same fortnight",
    "Court Report due",  # known workload words, capitalised or not
    "Update: Home Visit booked",
    "PSR for Crown Court; OASys done",
    "MARAC and MAPPA referral",
    "HMPPS WMT figure agreed with SPO",
    "Dr appointment clashed with Court duty",
    "Did not miss Court",
    "Approved Premises visit",
    "MS flare-up, appointment moved",  # an acronym, not the title Ms
    "MAPPA Level 2 meeting",  # an acronym is not a name
    "Training on Monday November 3",
    "",
])
def test_ordinary_workload_notes_do_not(text):
    assert not name_like(text)


@settings(max_examples=examples(60), deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii", categories=["Ll", "Nd", "Zs"]), max_size=300))
def test_lower_case_text_without_a_title_never_looks_like_a_name(text):
    if set(text.split()) & (PLAIN_TITLES | WORD_TITLES):
        return  # "visit to mr jones" is a name in lower case
    assert not name_like(text)


@settings(max_examples=examples(60), deadline=None)
@given(prefix=st.text(alphabet="abcdefgh ,", max_size=60),
       first=st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
       last=st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True))
def test_two_capitalised_words_mid_sentence_always_look_like_a_name(prefix, first, last):
    if {first.lower(), last.lower()} & (WORKLOAD_WORDS | ACRONYMS):
        return  # months, days, activity names...: known workload words
    assert name_like(f"visit {prefix} {first} {last} today")
    assert name_like(f"{first} {last} called")  # at the start of the text too
    assert name_like(f"Update: {first} {last}")  # and after punctuation


def test_the_command_line_refusal_names_the_field():
    assert name_refusal({"note": "fine", "reason": "Meeting Mr Jones"}).startswith(
        "The reason looks like a name. Keep workload only")
    assert name_refusal({"note": "fine"}) is None


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer_not_a_crash(text):
    assert name_like(text) in (True, False)
    assert reference_problem(text) is None or reference_problem(text).endswith(".")


@pytest.mark.parametrize("text", [
    "Discuss C01",  # the app's own words for a case note (24h, F13)
    "Discuss C01 accommodation change",
    "Discuss HV-3",
    "Review C07 risk plan",
    "Dr C07 appointment moved",
    "C01 C02 C03 transferred",
])
def test_a_case_reference_is_never_part_of_a_name(text):
    assert not name_like(text)


@pytest.mark.parametrize("text", ["Discuss C01 with John Smith", "Mr Jones re C01",
                                  "C01: J. Smith rang"])
def test_a_name_beside_a_reference_still_looks_like_one(text):
    assert name_like(text)
