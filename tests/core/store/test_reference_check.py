"""The check that no case reference is kept in the words file catches exactly what the check
with one pattern per reference caught: every reference standing as a token, in any case, with
punctuation, beside a longer reference that holds it (C07 and C070), in counts and dates."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.store.reference_check import holds_reference

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december")
_COUNTED = "weeks?|hours?|days?|minutes?|cases?|points?|" + _MONTHS


def one_pattern_per_reference(text: str, references: Iterable[str]) -> bool:
    """The check as it was: a pattern compiled for every reference of the caseload."""
    folded = text.casefold()
    dated = re.sub(rf"\b({_MONTHS})\s+\d{{4}}\b", r"\1", folded)
    for ref in references:
        ref = ref.strip().casefold()
        if not ref:
            continue
        pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(ref) + r"(?!\w)(?![.,]\d)"
        if ref.isdigit():
            pattern += rf"(?!\s+(?:{_COUNTED})\b)(?<!\bweek {re.escape(ref)})"
        if re.search(pattern, dated if ref.isdigit() else folded):
            return True
    return False


# References as the app allows them and as older data may hold them: letters in either case,
# digits, dots, dashes, underscores, a stray space, a letter that folds to two (ß).
_REFERENCE = st.text(alphabet="CcHVhv0147_.-ßẞ ", min_size=1, max_size=6)
_WORDS = st.sampled_from(["Week", "week ", "as of", " December 2026", " july ", " 21 weeks",
                          " hours", "4.5", "7,25", "'s", "(", ")", ", ", ".", " ", "-", "_",
                          "case", "Over capacity", "\n", "0", "1", "C", "c"])


@st.composite
def _texts_and_references(draw: st.DrawFn) -> tuple[str, list[str]]:
    references = draw(st.lists(_REFERENCE, min_size=0, max_size=8))
    pieces = st.one_of(_WORDS, st.sampled_from(references) if references else _WORDS,
                       _REFERENCE)
    return "".join(draw(st.lists(pieces, max_size=14))), references


@settings(max_examples=3000, deadline=None)
@given(_texts_and_references())
@example(("About C070 now", ["C07"]))
@example(("About C07 now", ["C070", "c07"]))
@example(("about c-07's reports", ["C-07"]))
@example(("Case 4. Then 4.5 hours", ["4"]))
@example(("Since 7 December 2026, 21 weeks in a row; week 50", ["2026", "21", "50", "7"]))
@example(("STRASSE-1 again", ["straße-1"]))
@example(("HV-3_", ["hv-3"]))
def test_the_one_pass_check_catches_what_a_pattern_per_reference_caught(case):
    text, references = case
    assert holds_reference(text, references) == one_pattern_per_reference(text, references)


def test_a_reference_inside_a_longer_one_is_not_taken_for_it():
    assert not holds_reference("Mostly C070's reports", ["C07", "C0"])
    assert holds_reference("Mostly C070's reports", ["C07", "c070"])


def test_a_reference_given_once_as_a_generator_is_still_checked_in_full():
    assert holds_reference("about HV-3 now", (ref for ref in ["C01", " hv-3 "]))
