"""Every sentence template the Overview and `status` use, filled with sample values, read
through the readability check in tests/core/workload/readability.py; and the sentences the
Overview shows for the demo data, week after week, with and without figures (the card that
explains a gap with the official figure is being reworded with its own logic and is not read
here yet)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.demo_copy import demo_into
from core.time.time_summary import not_counted_hours, not_counted_sentence
from core.workload.drivers import driver_sentences
from core.workload.estimate import load_inputs
from core.workload.history import workload_status
from core.workload.method_text import all_method_sentences
from core.workload.status_words import status_words
from core.workload.wording_samples import all_sentences
from tests.core.workload.readability import problems

TODAY = date(2026, 12, 2)


def test_the_check_finds_the_sentences_that_were_hard_to_read():
    """The three the issue quoted, as they were: each fails for the reason it was hard."""
    hard = [
        "That leaves about 31 spare hours a week, which the work the estimate does not count, "
        "such as travel and covering for colleagues, often fills.",
        "Your caseload is below the level inspectors link with pressure on quality.",
        "Over the last 12 weeks the estimate was some capacity in every week with an estimate.",
    ]
    for sentence in hard:
        assert problems(sentence), sentence
    assert problems(" ".join(["word"] * 27) + ".")
    assert problems("One, two, three, four, and five.")
    assert not problems("Your estimated work fits within your available hours.")


def test_every_sentence_template_reads_aloud_plainly():
    """Every template with sample values (core.workload.wording_samples), except the method
    page's reference text, which is read, not glanced at."""
    method = set(all_method_sentences())
    found = [p for text in all_sentences() if text not in method for p in problems(text)]
    assert found == []


@pytest.mark.parametrize("figures", [False, True])
def test_the_overview_sentences_for_the_demo_data_read_plainly(db, figures):
    demo_into(db, TODAY)
    inputs = load_inputs(db)
    found = []
    for weeks_back in range(0, 16):
        day = TODAY - timedelta(weeks=weeks_back)
        summary = workload_status(inputs, day)
        words = status_words(summary, day, figures)
        texts = [value for value in vars(words).values() if isinstance(value, str)]
        texts += driver_sentences(summary.estimate, figures=figures)
        texts.append(not_counted_sentence(not_counted_hours(db, day)))
        found += [p for text in texts for p in problems(text)]
    assert sorted(set(found)) == []
