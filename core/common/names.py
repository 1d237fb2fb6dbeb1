"""Spot free text that looks like a person's name, so the app can ask before keeping it.

The app holds workload, never identity. A name cannot be refused outright the way a CRN can
(plain words such as "Learning Together" look the same), so the GUI asks before saving and the
command line refuses. The rule is the one in docs/data-protection.md: a personal title followed
by a capitalised word ("Mr Jones", "Dr. Patel"), or two or more consecutive capitalised words
that do not start a sentence ("Visit to John Smith about his tenancy").
"""

from __future__ import annotations

import re

NAME_QUESTION = "This looks like a name. Keep workload only: use a case reference instead."
NAME_SAVE_ANYWAY, NAME_EDIT = "Save anyway", "Edit"

_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord|Prof|Professor|Rev|Revd|Master)"
# A capitalised word: a capital, then letters with at least one lower-case (Jones, O'Brien,
# McKay, Smith-Jones); all-capital words such as MAPPA or HMP are acronyms, not names.
_CAPITALISED = r"[A-Z][A-Za-z'\u2019-]*[a-z][A-Za-z'\u2019-]*"
_TITLED = re.compile(rf"(?<![A-Za-z]){_TITLES}\.?\s+{_CAPITALISED}(?![A-Za-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# Capitalised for reasons other than being a name: never count towards a run of two.
_NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\u2022]")


def _is_capitalised(word: str) -> bool:
    return re.fullmatch(_CAPITALISED, word) is not None and word not in _NOT_NAMES


def name_like(text: str | None) -> bool:
    """True when `text` seems to hold a person's name (rule in the module docstring)."""
    if not text:
        return False
    if _TITLED.search(text):
        return True
    run, prev_end = 0, None
    for match in _WORD.finditer(text):
        between = None if prev_end is None else text[prev_end:match.start()]
        prev_end = match.end()
        starts_sentence = between is None or _SENTENCE_BREAK.search(between) is not None
        if starts_sentence or not _is_capitalised(match.group()):
            run = 0  # a sentence's first word is capitalised anyway: a run starts after it
            continue
        adjacent = between is not None and not between.strip(" \t")
        run = run + 1 if adjacent and run else 1
        if run >= 2:
            return True
    return False


def name_like_fields(fields: dict[str, str | None]) -> list[str]:
    """The labels of the fields (label -> text) whose text looks like a name, in order."""
    return [label for label, text in fields.items() if name_like(text)]


def name_refusal(fields: dict[str, str | None]) -> str | None:
    """The command line's one-line refusal naming the first such field, or None."""
    labels = name_like_fields(fields)
    if not labels:
        return None
    return f"The {labels[0]} looks like a name. Keep workload only: use a case reference instead."
