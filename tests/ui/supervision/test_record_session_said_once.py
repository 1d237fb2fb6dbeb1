"""Record a session's sentence of what recording marks discussed is said once, with the date it
depends on: it was both among the dialog's words (a loose label, which Orca 43 reads as the
dialog opens) and the date field's description, so it was heard twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QAccessible

from ui.supervision.session_dialog import SessionDialog

pytestmark = pytest.mark.qt_log_ignore("does not support")
TODAY = date(2026, 12, 7)


def test_the_marks_sentence_is_the_dates_description_and_not_a_loose_label(qtbot):
    dialog = SessionDialog([], today=TODAY, gathered=[TODAY - timedelta(days=3)] * 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    sentence = dialog.marks.text()
    assert sentence.startswith("Recording it marks the 2 notes gathered up to 07/12/2026")
    assert dialog.held_on.accessibleDescription() == sentence
    label = QAccessible.queryAccessibleInterface(dialog.marks)
    assert label.text(QAccessible.Text.Name) == sentence  # still read on request
    # Related to the field it describes: Orca reads only a label with no relation among a
    # window's own words.
    related = label.relations(QAccessible.RelationFlag.Described)  # the field, described by it
    field = QAccessible.queryAccessibleInterface(dialog.held_on)
    assert [(iface.object(), flag) for iface, flag in related] == [
        (field.object(), QAccessible.RelationFlag.Described)]
    # And when the date changes, the sentence and the description change together.
    dialog.held_on.set_value(TODAY - timedelta(days=5))
    assert dialog.marks.text() == dialog.held_on.accessibleDescription()
    assert dialog.marks.text().startswith("No notes on the agenda")
