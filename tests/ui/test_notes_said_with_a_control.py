"""Every note on a Settings page (and the Time and Supervision views) is heard as Tab arrives
on a control: Tab passes labels by, so a tester with Orca never heard "Bank holidays in England
and Wales are taken off contracted hours…", the Profile's notes on hours and ceiling, or any of
Data & privacy's groups' words. Each sentence a page shows is in the name or description of a
control Tab stops on there (not a table's with rows: Orca says the row instead).
tests/atspi/test_orca_overview_sentences.py hears the Overview's with Orca itself."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from ui.widgets.arrival_words import shown_words

pytestmark = pytest.mark.qt_log_ignore("does not support")
PAGES = ("Profile", "Reductions && reports", "Weightings", "Activities", "Working week",
         "Data & privacy")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]


def _described(widget: QWidget) -> str:
    """The description Orca says on arrival: a table's only while it has no rows (else it says
    the row the keyboard lands on)."""
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        if model is not None and model.rowCount():
            return ""
    return widget.accessibleDescription()


def _unsaid(view: QWidget, place: str) -> list[str]:
    """Each sentence `view` shows in a wrapped label that no Tab stop there says."""
    QApplication.processEvents()
    stops = [w for w in view.findChildren(QWidget)
             if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    heard = " ".join(f"{w.accessibleName()} {_described(w)}" for w in stops)
    problems = []
    for label in view.findChildren(QLabel):
        if not (label.isVisible() and label.wordWrap()):
            continue
        for sentence in _sentences(shown_words(label)):
            if sentence[-1] in ".?!" and sentence.rstrip(".") not in heard:
                problems.append(f"{place}: {sentence}")
    return problems


def test_each_sentence_on_a_settings_page_is_said_with_a_tab_stop(demo_window):
    settings = demo_window.view("settings")
    demo_window.show_view("settings")
    problems = []
    for title in PAGES:
        settings.show_page(title)
        problems += _unsaid(settings, title)
    assert not problems, "\n".join(problems)


def test_each_sentence_on_time_and_supervision_is_said_with_a_tab_stop(demo_window):
    problems = []
    for key in ("time", "supervision"):
        demo_window.show_view(key)
        problems += _unsaid(demo_window.view(key), key)
    assert not problems, "\n".join(problems)
