"""Every sentence the wording code can produce, with sample values, for tests and review."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from fractions import Fraction

from core.workload.history import CASELOAD, WEIGHTED, SustainedEpisode
from core.workload.history_words import history_text
from core.workload.wording import (
    ADD_TO_NOTES,
    C_WORDS,
    NO_DATA,
    NO_GRADE,
    NO_GRADE_HOURS,
    NO_HOURS,
    NOT_NOW,
    RECOVERY,
    RECOVERY_WORDS,
    WHAT_DOES_THIS_MEAN,
    band_words,
    caseload_figures,
    ceiling_words,
    figures_sentence,
    gauge_text,
    official_sentence,
    recent_sentence,
    supervision_note,
    sustained_text,
    trend_sentence,
    weeks_over_line,
)


def all_sentences() -> list[str]:
    """Every text the wording code can produce, with sample values (for tests and review)."""
    from core.workload.drivers import all_driver_sentences
    from core.workload.method_text import all_method_sentences
    from core.workload.what_if import all_what_if_sentences

    texts: list[str] = [ADD_TO_NOTES, NOT_NOW, WHAT_DOES_THIS_MEAN, RECOVERY, RECOVERY_WORDS]
    for words in (NO_DATA, NO_HOURS, NO_GRADE, NO_GRADE_HOURS, *C_WORDS.values()):
        texts += [words.headline, words.body]
    for band in ("C1", "C2", "C4"):
        for count, ceiling in ((1, 1), (41, 40), (20, 35)):
            words = ceiling_words(band, count, ceiling)
            texts += [words.headline, words.body]
    # A capacity typical of each band, and the extra (+) or spare (-) hours that go with it.
    samples = {"W1": (D("88.0"), D("-4.5")), "W2": (D("99.2"), D("-0.5")),
               "W3": (D("104.5"), D("2.5")), "W4": (D("114.0"), D("4.0")),
               "W5": (D("126.0"), D("15.5"))}
    for figures in (True, False):
        for band, (capacity, difference) in samples.items():
            for hours in (D("0.0"), D("0.5"), D("1.0"), abs(difference)):
                words = band_words(band, extra=hours, spare=hours, figures=figures)
                texts += [words.headline, words.body]
            extra, spare = max(difference, D("0.0")), max(-difference, D("0.0"))
            words = band_words(band, extra, spare, figures)
            for trend in ("lighter", "same", "heavier"):
                texts.append(gauge_text(words.headline, capacity, extra, spare,
                                        trend_sentence(trend), recent_sentence(2, 4),
                                        figures=figures))
    for words in (NO_DATA, NO_HOURS, NO_GRADE):
        texts.append(gauge_text(words.headline, None, 0, 0, None, None, words.body))
    for any_trend in ("lighter", "same", "heavier", None):
        for run in (0, 1, 2, 3, 5):
            texts.append(trend_sentence(any_trend, run) or "")
    texts += [recent_sentence(k, n) or "" for n in (1, 2, 4) for k in range(n + 1)]
    texts += [recent_sentence(1, 1, 1) or "", recent_sentence(3, 4, 2) or ""]
    for figures in (True, False):
        texts += [history_text(12, D("104.5"), D("131.2"), 5, 0, figures),
                  history_text(8, D("98.0"), D("98.0"), 0, 1, figures),
                  history_text(12, None, None, 0, 3, figures),
                  history_text(4, D("100.0"), D("112.0"), 1, 2, figures),
                  history_text(12, D("366.0"), D("366.0"), 1, 0, figures, before=11, known=1),
                  history_text(8, D("118.0"), D("131.0"), 1, 1, figures, before=5, known=2)]
    for capacity in (D("126.0"), D("150.0"), D("200.0"), D("366.0"), D("1250.0")):
        texts.append(band_words("W5", D("15.5"), 0, True, capacity).body)
    texts += [weeks_over_line(3, 4), official_sentence(118, D("114.3")),
              official_sentence(114, D("114.2")), official_sentence(118, D("114.3"), figures=False)]
    texts += [caseload_figures(45, D(37), 50, False),
              caseload_figures(30, D("22.5"), Fraction("30.4"), False),
              caseload_figures(1, D(37), 35, True), caseload_figures(2, D(37), 1, True)]
    texts += [figures_sentence(2300, 1999, D("115.1"), D(37), D(3)),
              figures_sentence(500, 0, None, D(37), D(37))]
    start, today = date(2026, 3, 2), date(2026, 3, 30)
    for kind in (WEIGHTED, CASELOAD):
        for away in (0, 1, 2):
            episode = SustainedEpisode(kind, start, 4, away)
            for figures in (True, False):
                for protected in (None, 1, 35):
                    panel = sustained_text(episode, today, figures, protected)
                    texts.append(panel)
            texts.append(supervision_note("Over capacity", "the week to Friday 27 March 2026",
                                          "about 4 extra hours a week", panel))
    texts.append(supervision_note("Stretched", "this week so far (to Wednesday 25 March 2026)",
                                  "about 2.5 extra hours a week", None))
    texts += all_driver_sentences() + all_what_if_sentences() + all_method_sentences()
    return [t for t in texts if t]
