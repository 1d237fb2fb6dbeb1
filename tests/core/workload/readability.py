"""A readability check for the sentences the app says about load: read aloud to someone tired,
each sentence should be short, have few pauses, and never make the listener hold a clause open.

The limits are this project's choice (plain-English guidance puts an average sentence at 15 to
20 words; 26 is the most any one sentence here may have):
* at most MAX_WORDS words in a sentence;
* at most MAX_PAUSES pauses (commas, semicolons, colons, brackets) in a sentence;
* no relative clause that opens on a new subject ("which the work the estimate does not count,
  …, often fills"): the listener waits for its verb;
* no noun run into a bare subject ("the level inspectors link with…"), which reads first as
  "level inspectors";
* no band name used as if it were a state ("the estimate was some capacity").
"""

from __future__ import annotations

import re

MAX_WORDS = 26
MAX_PAUSES = 3
HARD = [
    (re.compile(r"\b(which|whom) (the|a|an|your|this|that)\b", re.I),
     "a relative clause that opens on a new subject"),
    (re.compile(r"\b(level|range|number|point|figure)s? (inspectors|practitioners|managers|"
                r"staff|people)\b", re.I), "a noun run into a bare subject"),
    (re.compile(r"\b(is|was|were|are) some capacity\b", re.I),
     "a band name used as a state"),
]


def sentences(text: str) -> list[str]:
    """Split on a full stop, question or exclamation mark followed by a capital or a bracket
    (so "4.5 hours" and "e.g." stay whole)."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+(?=[A-Z(\"'])", text) if s.strip()]


def problems(text: str) -> list[str]:
    """Why each sentence of `text` is hard to read aloud (empty when all read well)."""
    found = []
    for sentence in sentences(text):
        words = len(sentence.split())
        if words > MAX_WORDS:
            found.append(f"{words} words (at most {MAX_WORDS}): {sentence}")
        pauses = len(re.findall(r"[,;:(]", sentence))
        if pauses > MAX_PAUSES:
            found.append(f"{pauses} pauses (at most {MAX_PAUSES}): {sentence}")
        for pattern, why in HARD:
            if pattern.search(sentence):
                found.append(f"{why}: {sentence}")
    return found
