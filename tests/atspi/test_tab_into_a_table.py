"""Through AT-SPI, the tester's keys: Tab into Supervision's "On the agenda" read a row, but that
row was not chosen, so Delete did nothing and said nothing until Space chose it. Now the row
read is the row chosen (selected on the bus), Delete asks about it, and Escape keeps it. In the
question, a letter alone ("y" for Yes, with no Alt) answers nothing."""

from __future__ import annotations

import pytest

from tests.atspi.bus import TAB, _wait_for_title
from tests.atspi.test_every_dialog import _shown_dialog

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
DELETE, ESCAPE = 0xFFFF, 0xFF1B


def test_tab_into_the_agenda_chooses_the_row_it_reads(app_bus):
    bus = app_bus
    atspi = bus.Atspi
    bus.focused_after(lambda: bus.ctrl(ord("4")))
    _wait_for_title(bus, "Supervision")
    agenda = next(t for t in bus.by_role(bus.frame(), "table")
                  if t.get_name() == "On the agenda")
    rows = atspi.Table.get_n_rows(agenda)
    assert rows > 0, "the demo data has notes on the agenda"
    heard = None
    for _press in range(40):
        heard = bus.focused_after(lambda: bus.key(TAB))
        if heard is not None and bus.stop_of(heard) == agenda:
            break
    else:
        pytest.fail("Tab never reached the agenda")
    bus.pump(0.3)  # the current cell is said after the table
    assert atspi.Table.get_n_selected_rows(agenda) == 1, "a row is read but none is chosen"
    if heard.get_role_name() == "table cell":
        assert "selected" in bus.states(heard), f"{bus.describe(heard)} is read, not chosen"

    bus.key(DELETE)
    question = _shown_dialog(bus, "Delete note")
    assert question is not None, "Delete on the row read asked nothing"
    for letter in "yesterdayn":  # typed on as the question opens: a letter alone answers nothing
        bus.key(ord(letter))
    bus.pump(0.5)
    assert bus.showing(question), "a letter alone answered the question"
    assert atspi.Table.get_n_rows(agenda) == rows
    bus.focused_after(lambda: bus.key(ESCAPE))
    bus.pump(0.5)
    assert not bus.showing(question)
    assert atspi.Table.get_n_rows(agenda) == rows  # Escape: the note stays
