"""Spot free text that looks like a person's name, so the app can ask before keeping it.

The app holds workload, never identity. A name cannot be refused outright the way a CRN can
(plain words such as "Learning Together" look the same), so the GUI asks before saving and the
command line refuses. The rule is the one in docs/data-protection.md. Text looks like a name when
it holds any of:

* a personal title, any case, with or without a dot, followed by a word: "Mr Jones", "Dr. Patel",
  "visit to mr jones". Titles that are also ordinary words (Miss, PC, DC, DS, Sir...) count only
  before a capitalised word ("DC Smith", not "did not miss court");
* two or more consecutive capitalised words anywhere, at the start of the text or after
  punctuation too ("John Smith called", "Update: John Smith", "re. John Smith"), unless the
  words are known workload words (core/common/name_words.py: activity names, published
  reduction reasons, months and days, "Home visit", "Court", acronyms such as PSR or OASys);
* two or more consecutive ALL-CAPS words that are not known acronyms or workload words
  ("JOHN SMITH called"; "MAPPA HOME VISIT" is not).

A single capital letter other than A or I counts as an initial ("J Smith", "J. Smith").
A word with a digit in it is a case reference or a number ("C01", "HV-3"), never part of a name:
the app's own prefilled note "Discuss C01" read as "Discuss C", an initial after a capital.
"""

from __future__ import annotations

import re

from core.common.name_words import ACRONYMS, NOT_SURNAMES, PLAIN_TITLES, WORD_TITLES, WORKLOAD_WORDS

NAME_QUESTION = "This looks like a name. Keep workload only: use a case reference instead."
NAME_SAVE_ANYWAY, NAME_EDIT = "Save anyway", "Edit"

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
_KNOWN = WORKLOAD_WORDS | ACRONYMS


def _bare(word: str) -> str:
    return word.strip("'\u2019-").replace("\u2019", "'").lower()


def _candidate(word: str) -> bool:
    """A word that could be part of a name: capitalised or all capitals, not a known term."""
    if not word[0].isupper() or any(ch.isdigit() for ch in word):
        return False
    if len(word) == 1:
        return word not in "AI"
    bare = _bare(word)
    if bare in _KNOWN or bare.endswith("'s") and bare[:-2] in _KNOWN:
        return False
    return True


def _titled(words: list[re.Match[str]], text: str) -> bool:
    for here, following in zip(words, words[1:]):
        title = here.group().lower()
        between = text[here.end():following.start()]
        if between.strip(" \t") not in ("", "."):
            continue
        nxt = following.group()
        if any(ch.isdigit() for ch in nxt):
            continue  # a reference or a number follows: "Dr C07" names nobody
        # "MS" and "DR" in capitals may be acronyms (multiple sclerosis): a name must follow.
        shouted = len(here.group()) > 1 and here.group().isupper()
        if title in PLAIN_TITLES and _bare(nxt) not in NOT_SURNAMES and (
                not shouted or _candidate(nxt)):
            return True
        if title in WORD_TITLES and here.group()[0].isupper() and nxt[0].isupper() \
                and _candidate(nxt):
            return True
    return False


def name_like(text: str | None) -> bool:
    """True when `text` seems to hold a person's name (rule in the module docstring).

    `text` is any free text (None and "" give False); never raises.
    """
    if not text:
        return False
    words = list(_WORD.finditer(text))
    if _titled(words, text):
        return True
    run, prev_end = 0, None
    for match in words:
        between = "" if prev_end is None else text[prev_end:match.start()]
        prev_end = match.end()
        if not _candidate(match.group()):
            run = 0
            continue
        initial_dot = between.strip(" \t") == "." and run and len(text[:match.start()].rstrip(
            " \t.").split()[-1]) == 1
        adjacent = run and (not between.strip(" \t") or initial_dot)
        run = run + 1 if adjacent else 1
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
