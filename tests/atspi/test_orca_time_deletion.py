"""What Orca says as a time entry is deleted with Space on the Time view's Delete button: the
keyboard goes back to the week table, Orca 43 read the table again ("Time logged this week.
table with 10 rows …") after "Deleted Travel, …" and cut it off. Skipped without Orca, as
tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_orca_speaks import _log, orca  # noqa: F401 - the fixture
from tests.atspi.test_orca_settings_deletions import _button, _focus, _said_after_the_table

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE = 0x20


def _week_table(bus: Bus) -> Any:
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                and (o.get_name() or "").startswith("Time logged this week") and bus.showing(o))


def _choose_row(bus: Bus, table: Any, words: str) -> None:
    """Choose the table's row with a cell reading `words`, through the table's own interface."""
    Table = bus.Atspi.Table
    for row in range(Table.get_n_rows(table)):
        for column in range(Table.get_n_columns(table)):
            cell = Table.get_accessible_at(table, row, column)
            if cell is not None and cell.get_name() == words:
                assert Table.add_row_selection(table, row)
                return
    raise AssertionError(f"no row reads {words!r}")


def test_orca_says_a_time_entry_deleted_with_space_on_delete(app_bus, orca):  # noqa: F811
    bus = app_bus
    _log(bus, "45m travel")
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    table = _week_table(bus)
    _choose_row(bus, table, "Travel")
    _focus(bus, _button(bus, "Delete"))
    bus.pump(0.5)
    orca.mark()
    bus.key(SPACE)
    _said_after_the_table(bus, orca, "Deleted Travel")
