"""The name check stays quiet on the app's own words and its demo notes (issue 15).

A check that cried wolf on ordinary text would be clicked through; so every demo note, every
sentence the wording code can write and the demo's supervision summary must pass it.
"""

from datetime import date

from core.common.name_words import WORKLOAD_WORDS
from core.common.names import name_like
from tests.demo_copy import demo_into
from core.store.database import open_database
from core.store.migrations.m003_time import BUILT_IN_ACTIVITIES
from core.supervision.summary import SummaryOptions, compose_summary
from core.supervision.summary_render import summary_markdown
from core.workload.reductions import PUBLISHED_REASONS
from core.workload.wording_samples import all_sentences


def _demo():
    db = open_database(None)
    demo_into(db, date(2026, 11, 27))
    return db


def test_no_demo_text_looks_like_a_name():
    db = _demo()
    flagged = [(table, key, value) for table in db.table_names() for row in db[table].rows
               for key, value in row.items() if isinstance(value, str) and name_like(value)]
    assert flagged == []


def test_no_sentence_the_app_writes_looks_like_a_name():
    sentences = all_sentences()
    assert len(sentences) > 100
    assert [s for s in sentences if name_like(s)] == []


def test_the_demo_summary_has_no_name_like_line():
    summary = compose_summary(_demo(), SummaryOptions(include_cases=True, include_wellbeing=True),
                              today=date(2026, 11, 27))
    assert [line for line in summary_markdown(summary).splitlines() if name_like(line)] == []


def test_activity_names_and_reduction_reasons_are_workload_words():
    labels = [name for _, name, _ in BUILT_IN_ACTIVITIES] + [r.label for r in PUBLISHED_REASONS]
    for label in labels:
        assert not name_like(label.title()), label
        assert not name_like(label.upper()), label
    assert "home" in WORKLOAD_WORDS and "court" in WORKLOAD_WORDS
