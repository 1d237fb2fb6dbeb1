"""Refuse text that looks like a personal identifier: the app holds workload, never identity."""

from __future__ import annotations

import re

_BIRTH_YEAR = r"(19\d{2}|200\d|201[0-2])"

# Each pattern: (regex, what it looks like). Checked on every free-text field the user can type.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[A-Z]\d{6}\b", re.I), "a case record number (CRN)"),
    (re.compile(r"\b\d{2,4}/\d{5,8}[A-Z]\b", re.I), "a police national computer (PNC) number"),
    (re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I), "a national insurance number"),
    (re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b", re.I), "a prison number"),
    (
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I),
        "a postcode",
    ),
    # Full dates with a birth-year (1900-2012); recent dates such as a report due date are fine.
    (
        re.compile(r"\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-]" + _BIRTH_YEAR + r"\b"),
        "a full date of birth",
    ),
    (
        re.compile(r"\b" + _BIRTH_YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"),
        "a full date of birth",
    ),
)

EXPLANATION = (
    "Caseload Companion keeps workload only, never who a person is: use a short reference of your "
    "own, such as C07."
)


def identifier_kind(text: str | None) -> str | None:
    """What identifier `text` seems to contain ('a postcode', …), or None if it looks safe."""
    if not text:
        return None
    for pattern, kind in _PATTERNS:
        if pattern.search(text):
            return kind
    return None


def identifier_message(field: str, text: str | None) -> str | None:
    """A calm refusal for `field`, or None when the text is acceptable."""
    kind = identifier_kind(text)
    if kind is None:
        return None
    return f"The {field} looks like {kind}. {EXPLANATION}"


REFERENCE_MAX = 12
# What a reference is (docs/data-protection.md): 1-12 letters, digits, dots, dashes or
# underscores, no spaces, at least one digit. "C07" and "HV-3" are references; "John Smith" and
# "Smith" cannot be, so a name never becomes one.
_REFERENCE = re.compile(r"^[A-Za-z0-9._-]+$")


def reference_problem(reference: str) -> str | None:
    """Why a case reference is not acceptable, or None.

    Rule: 1 to REFERENCE_MAX (12) characters after trimming, no spaces, only letters, digits,
    dots, dashes or underscores, and at least one digit; and nothing identifier-like.
    """
    ref = (reference or "").strip()
    if not ref:
        return "A case needs a short reference, such as C07."
    identifier = identifier_message("reference", ref)
    if identifier:
        return identifier
    if len(ref) > REFERENCE_MAX:
        return f"Keep the reference to {REFERENCE_MAX} characters or fewer, such as C07."
    if any(ch.isspace() for ch in ref):
        return "A reference has no spaces: use a short code such as C07 or HV-3, never a name."
    if not _REFERENCE.match(ref):
        return "Use letters, numbers, dots, dashes or underscores in the reference, such as HV-3."
    if not any(ch.isdigit() for ch in ref):
        return "A reference needs at least one digit, such as C07 or HV-3, so it cannot be a name."
    return None
