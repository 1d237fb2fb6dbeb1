"""What Orca says as a time entry is deleted with Space on the Time view's Delete button: the
keyboard goes back to the week table, and Orca 43, with the many events of the week read again
ahead of it, dropped "Deleted Travel, …". It is said first, then the table. Skipped without
Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.test_orca_speaks import _log, orca  # noqa: F401 - the fixture
from tests.atspi.test_orca_settings_deletions import (
    _button,
    _focus,
    _said_before_the_table,
)

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE = 0x20


def _week_table(bus: Bus) -> Any:
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                and (o.get_name() or "").startswith("Time logged this week") and bus.showing(o))


def _choose_row(bus: Bus, table: Any, words: str) -> bool:
    """Choose the table's row with a cell reading `words`, through the table's own interface;
    False when no row reads so."""
    Table = bus.Atspi.Table
    for row in range(Table.get_n_rows(table)):
        for column in range(Table.get_n_columns(table)):
            cell = Table.get_accessible_at(table, row, column)
            if cell is not None and cell.get_name() == words:
                return bool(Table.add_row_selection(table, row))
    return False


def test_orca_says_a_time_entry_deleted_with_space_on_delete(app_bus, orca):  # noqa: F811
    bus = app_bus
    _log(bus, "45m travel")
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    table = _week_table(bus)
    assert _choose_row(bus, table, "Travel")
    orca.mark()
    _focus(bus, _button(bus, "Delete"))
    orca.wait_for(bus.pump, "Delete push button")  # Orca has caught up: what follows is Space's
    orca.mark()
    orca.events_mark()
    bus.key(SPACE)
    _said_before_the_table(bus, orca, "Deleted Travel")
    _few_events(orca.events())


def _few_events(events: list[str]) -> None:
    """The deletion and the page read again sent Orca few events, none while it was flooded:
    past 50 waiting, Orca 43 throws out every waiting notification as the focus moves, and the
    Time view's refresh (its timer's two drop-down lists emptied and filled again each time)
    sent enough to lose "Deleted …"."""
    queued = [e for e in events if "Queueing" in e]
    assert not [e for e in events if "Queueing" not in e], events  # no flood, no deluge
    assert len(queued) < _FLOOD // 2, "\n".join(queued)


_FLOOD = 50  # events waiting in Orca 43's queue before it starts throwing them out


def test_a_deletion_in_a_week_with_gaps_leaves_the_table_whole_on_the_bus(app_bus, orca):  # noqa: F811
    """Last week's demo days have gaps, each with its Fill…: they were button widgets inside
    the table, children its accessible could not number ("QAccessibleTable::indexOfChild Fix
    my children", as Orca read the week rebuilt after a deletion); Orca then stopped answering
    keys. The table's children are its cells, and Orca still speaks after the deletion."""
    bus = app_bus
    app_log = bus.workdir / "app.log"
    # Only what the app logs from here: the app is shared, and an earlier test's cell editor
    # (a widget inside another table) can have been logged the same way.
    before = len(app_log.read_text(errors="replace"))
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    orca.mark()
    _focus(bus, next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "push button"
                     and "Previous week" in (o.get_name() or "") and bus.showing(o)))
    orca.wait_for(bus.pump, "Previous week")
    bus.key(SPACE)
    deadline = time.monotonic() + 15
    while not _choose_row(bus, _week_table(bus), "C41"):  # once last week is shown
        assert time.monotonic() < deadline, "last week's C41 never showed"
        bus.pump(0.1)
    orca.mark()
    _focus(bus, _button(bus, "Delete"))
    orca.wait_for(bus.pump, "Delete push button")
    orca.mark()
    bus.key(SPACE)
    orca.wait_for(bus.pump, "Deleted")
    orca.mark()
    bus.ctrl(ord("z"))
    orca.wait_for(bus.pump, "Undone")  # Orca still hears the keys
    log = app_log.read_text(errors="replace")[before:]
    assert "Fix my children" not in log
