"""What a screen reader is told about the Overview's cards, the notices and a dialog's result
line (ui.widgets.reading_accessible). Orca said each card as "… panel" with every sentence on it
on the way in, and a dialog's "Saved …" again as it read the dialog when the keyboard came back;
the AT-SPI group hears the Overview with Orca itself (tests/atspi/test_orca_speaks.py)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from ui.overview.overview_cards import Card, WorkloadCard
from ui.overview.sustained_panel import SustainedPanel
from ui.widgets import reading_accessible

SENTENCE = "Your workload has been over capacity for 5 weeks in a row."


def _iface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def test_a_card_is_a_named_section_under_a_heading(qtbot):
    card = Card("Weekly trend")
    qtbot.addWidget(card)
    assert _iface(card).role() == QAccessible.Role.Section  # not a panel: passed over
    assert _iface(card).text(QAccessible.Text.Name) == "Weekly trend"  # kept for the tree
    assert _iface(card.heading).role() == QAccessible.Role.Heading
    assert _iface(card.heading).text(QAccessible.Text.Name) == "Weekly trend"


def test_the_gauge_is_a_picture_named_once_by_its_heading(qtbot):
    card = WorkloadCard()
    qtbot.addWidget(card)
    card.gauge.set_value_words("Over capacity")
    face = _iface(card.gauge)
    assert face.role() == QAccessible.Role.Graphic
    assert face.text(QAccessible.Text.Name) == "This week's estimate: Over capacity"
    assert card.heading.buddy() is None  # "labelled by" it, the heading was said twice
    assert not face.relations(QAccessible.RelationFlag.Label)


def test_a_notice_is_a_section_whose_first_answer_carries_its_sentence(qtbot):
    panel = SustainedPanel()
    qtbot.addWidget(panel)
    panel.set_text(SENTENCE)
    assert _iface(panel).role() == QAccessible.Role.Section
    assert _iface(panel).text(QAccessible.Text.Name) == "Workload over several weeks"
    assert _iface(panel.add_button).text(QAccessible.Text.Description) == SENTENCE
    assert not _iface(panel.not_now_button).text(QAccessible.Text.Description)  # once


def test_a_result_line_is_a_status_bar_named_by_its_words(qtbot):
    line = QLabel()
    reading_accessible.mark(line, reading_accessible.STATUS_PROPERTY)
    qtbot.addWidget(line)
    line.setText("Saved supervision.pdf in /tmp.")
    assert _iface(line).role() == QAccessible.Role.StatusBar
    assert _iface(line).text(QAccessible.Text.Name) == "Saved supervision.pdf in /tmp."
