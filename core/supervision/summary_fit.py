"""Fit the composed summary onto one A4 page: the guide's cutting order, then shorter lists,
shorter items and, last, a smaller type size, each step tried against a real layout.

The layout is measured by the caller (`fits`, e.g. the Qt page layout in
ui.supervision.pdf_export) so this module stays free of Qt; whatever shape fits is the one
composition that the PDF, HTML and Markdown all draw. Order of steps (issue 15 and
docs/supervision-and-privacy.md, "If it overflows one page, cut 8, then 3; never cut 2 or 10"):

1. the whole summary (lists at their usual length: 3 notes, 5 cases or requests, 8 actions);
2. Reflection left out; 3. Where the time went left out too;
4. items over 300 characters shortened with an ellipsis;
5. lists keep fewer of their newest items, one at a time from the longest list, saying how
   many more are in the app;
6. items shortened further, in steps down to 80 characters;
7. the body type steps down from 9 pt to 8.5 and 8 pt, never smaller. That floor (the newest
   note of each kind, three actions, 80 characters an item, 8 pt) fits any content the app
   accepts, proved by tests/ui/supervision/test_summary_one_page.py.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

from core.common.words import mid_sentence
from core.supervision.summary_model import BASE_FONT_PT, CUT_ORDER, MIN_FONT_PT, Section, Summary

CUT_NOTE = "Left out to keep this summary to one page; it is in the app."
HEADER_CHARS = 200  # the header's longest line (typed reduction reasons), always
LIST_NOUNS = {  # key -> (one, many), for "3 older actions not shown"
    "going_well": ("note on what's going well", "notes on what's going well"),
    "cases": ("case to discuss", "cases to discuss"),
    "requests": ("request", "requests"),
    "wellbeing": ("wellbeing note", "wellbeing notes"),
    "learning": ("learning note", "learning notes"),
    "actions": ("action", "actions"),
}
DEFAULT_CAPS = {"going_well": 3, "cases": 5, "requests": 5, "wellbeing": 3, "learning": 3,
                "actions": 8}  # the usual length of each list
FLOOR_CAPS = {"going_well": 1, "cases": 1, "requests": 1, "wellbeing": 1, "learning": 1,
              "actions": 3}  # never fewer: the newest note of each kind, three actions
CHARS = (300, 200, 140, 100, 80)  # longest item, in steps; the first applies with the cuts
FONTS = (8.5, MIN_FONT_PT)


@dataclass(frozen=True)
class FitStep:
    cut: tuple[str, ...] = ()
    caps: tuple[tuple[str, int], ...] = tuple(DEFAULT_CAPS.items())
    chars: int | None = None  # longest item, in characters, before an ellipsis
    font_pt: float = BASE_FONT_PT


def ladder(full: Summary) -> list[FitStep]:
    """Every shape to try, each holding no more than the one before: the whole summary; the
    guide's cuts; very long items shortened; then one item at a time off the list showing
    the most (its oldest goes); then shorter items; then smaller type; ending at the floor."""
    counts = {key: len(_body(full.section(key))) for key in LIST_NOUNS}
    caps = {key: min(counts[key], DEFAULT_CAPS[key]) for key in LIST_NOUNS}
    floor = {key: min(counts[key], FLOOR_CAPS[key]) for key in LIST_NOUNS}
    steps = [FitStep(), FitStep(CUT_ORDER[:1]), FitStep(CUT_ORDER),
             FitStep(CUT_ORDER, tuple(caps.items()), CHARS[0])]
    while caps != floor:
        key = max(LIST_NOUNS, key=lambda k: (caps[k] - floor[k], -list(LIST_NOUNS).index(k)))
        caps[key] -= 1
        steps.append(FitStep(CUT_ORDER, tuple(caps.items()), CHARS[0]))
    steps += [FitStep(CUT_ORDER, tuple(caps.items()), chars) for chars in CHARS[1:]]
    steps += [FitStep(CUT_ORDER, tuple(caps.items()), CHARS[-1], font) for font in FONTS]
    return steps


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, ending in '…'."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head[limit // 2:]:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,.;:-") + "…"


def _plural(count: int, nouns: tuple[str, str]) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def _body(section: Section) -> list:
    return section.rows[1:] if section.rows else section.bullets


def _keep_newest(section: Section, cap: int) -> int:
    """Cut the section's list to its `cap` newest items, in their shown order; return how
    many were dropped."""
    head, body = section.rows[:1], _body(section)
    if len(body) <= cap:
        return 0
    ages = section.ages if len(section.ages) == len(body) else list(range(len(body)))
    keep = sorted(sorted(range(len(body)), key=lambda n: ages[n])[-cap:])
    kept = [body[n] for n in keep]
    if section.rows:
        section.rows = head + kept
    else:
        section.bullets = kept
    section.ages = [ages[n] for n in keep] if section.ages else []
    return len(body) - cap


def _shorten_section(section: Section, chars: int) -> int:
    count = 0

    def cut(text: str, limit: int) -> str:
        nonlocal count
        short = shorten(text, limit)
        count += short != text
        return short

    if section.key == "header":
        section.paragraphs = [cut(t, HEADER_CHARS) for t in section.paragraphs]
        return count
    section.bullets = [cut(t, chars) for t in section.bullets]
    if section.key == "actions" and section.rows:
        section.rows = section.rows[:1] + [
            (cut(r[0], chars), cut(r[1], 30)) + tuple(r[2:]) for r in section.rows[1:]
        ]
    return count


def shape(full: Summary, step: FitStep) -> Summary:
    """A copy of `full` cut, trimmed, shortened and set in type as `step` says, with
    `fit_notes` saying in words what was left out or shortened."""
    summary = copy.deepcopy(full)
    summary.font_pt = step.font_pt
    notes: list[str] = []
    for key in step.cut:
        section = summary.section(key)
        if section.has_content():  # an empty section costs a line either way: leave it be
            section.paragraphs, section.bullets, section.rows, section.trend = [], [], [], []
            section.cut, section.empty = True, CUT_NOTE
            notes.append(f"{mid_sentence(section.title)} left out")  # mid-sentence: lower case
    for key, cap in step.caps:
        section, nouns = summary.section(key), LIST_NOUNS[key]
        dropped = _keep_newest(section, cap)
        if dropped:
            section.more = dropped
            section.more_note = f"{dropped} more in the app"
            notes.append(f"{_plural(dropped, ('older ' + nouns[0], 'older ' + nouns[1]))} "
                         "not shown")
    shortened = sum(_shorten_section(s, step.chars or 10**6) for s in summary.sections)
    if shortened:
        notes.append(f"{_plural(shortened, ('long item', 'long items'))} shortened")
    if step.font_pt < BASE_FONT_PT:
        notes.append(f"text set at {step.font_pt:g} pt")
    summary.fit_notes = notes
    return summary


def fit_summary(full: Summary, fits: Callable[[Summary], bool]) -> Summary:
    """The first shape on the ladder for which `fits(shape)` is true (the floor if none is).

    Each step holds no more than the one before, so a fit is found by halving: about six
    layouts at most rather than one per step."""
    steps = ladder(full)
    first = shape(full, steps[0])
    if fits(first):
        return first
    lo, hi = 1, len(steps) - 1
    best = shape(full, steps[hi])
    if not fits(best):
        return best
    while lo < hi:  # steps[hi] fits; find the first that does
        mid = (lo + hi) // 2
        candidate = shape(full, steps[mid])
        if fits(candidate):
            hi, best = mid, candidate
        else:
            lo = mid + 1
    return best
