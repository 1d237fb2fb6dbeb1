"""A day with nothing logged is read with its day: landed on after a deletion, its row said
only "Nothing logged yet." (and "Now on Nothing logged yet..", with two full stops), never
which day's it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.time.working_week import DaySummary
from ui.time.time_table_model import ROW_ROLE
from ui.time.time_wording import day_words
from ui.widgets.vanished_row import row_words

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_an_empty_day_is_read_with_its_day_and_one_full_stop(demo_window):
    demo_window.show_view("time")
    table = demo_window.view("time").table
    model = table.model()
    notes = [r for r in range(model.rowCount())
             if model.index(r, 0).data() == "Nothing logged yet."]
    assert notes, "the demo week has a day with nothing logged"
    for row in notes:
        heading = next(model.index(r, 0).data(ROW_ROLE) for r in range(row, -1, -1)
                       if isinstance(model.index(r, 0).data(ROW_ROLE), DaySummary))
        day = heading.date  # the day the row sits under
        words = f"{day_words(day)}: nothing logged yet."
        assert model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole) == words
        said = f"Now on {row_words(table, row)}."
        assert said == f"Now on {words}" and ".." not in said
