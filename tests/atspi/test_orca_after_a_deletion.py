"""What Orca says as a row is deleted from a table with the keyboard: what went ("Deleted …
Undo with Ctrl+Z.") first, then where the keyboard is now, each once. Orca 43 said "Now on Wed
28 Oct 2026, …" before "Deleted the leave …", read the row it landed on twice (as the keyboard
landed, and again as "Now on …"), and a day left empty as "Nothing logged yet.." without its
day. Skipped without Orca, as tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.orca_speech import Orca
from tests.atspi.test_orca_settings_deletions import _button, _focus, _settings_page
from tests.atspi.test_orca_speaks import _log, orca  # noqa: F401 - the fixture
from tests.atspi.test_orca_time_deletion import _few_events, _week_table

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
SPACE, DOWN, DELETE = 0x20, 0xFF54, 0xFFFF


def _table(bus: Bus, name: str) -> Any:
    return next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "table"
                and (o.get_name() or "").startswith(name) and bus.showing(o))


def _current_row(bus: Bus, table: Any) -> list[str]:
    """The texts of the row chosen in `table`, as the bus gives them."""
    Table = bus.Atspi.Table
    rows = Table.get_selected_rows(table)
    assert len(rows) == 1, rows
    return [Table.get_accessible_at(table, rows[0], c).get_name()
            for c in range(Table.get_n_columns(table))]


def Table_rows(bus: Bus, table: Any) -> int:  # noqa: N802 - as the bus's Table names it
    return bus.Atspi.Table.get_n_rows(table)


def _heard_in_order(bus: Bus, orca: Orca, deleted: str, landed: str) -> list[str]:  # noqa: F811
    """Once `deleted` has been said and `landed` (the row the keyboard is on now) after it:
    everything said, checked for each said once, in that order, one full stop each."""
    said = orca.wait_for(bus.pump, deleted)
    orca.wait_for(bus.pump, landed)
    bus.pump(1.5)  # anything more Orca would say about the deletion or the row
    said = orca.said()
    gone = [i for i, text in enumerate(said) if deleted in text]
    here = [i for i, text in enumerate(said) if landed in text]
    assert len(gone) == 1 and len(here) == 1, said  # each once
    assert gone[0] < here[0], said  # what went, then where the keyboard is
    assert not any(text.startswith("notification Now on") for text in said), said
    assert not any(".." in text.replace("...", "") for text in said), said
    return said


def test_delete_key_on_a_leave_day_says_it_then_the_next_day(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Working week")
    table = _table(bus, "Leave days")
    orca.mark()
    _focus(bus, table)  # arriving chooses the row the keyboard is on: the first
    gone = _current_row(bus, table)[0]
    orca.wait_for(bus.pump, gone)  # Orca has caught up: what follows is Delete's
    orca.mark()
    orca.events_mark()
    bus.key(DELETE)
    bus.pump(0.5)
    landed = _current_row(bus, _table(bus, "Leave days"))[0]
    assert landed != gone
    _heard_in_order(bus, orca, f"Deleted the leave on {gone}", landed)
    _few_events(orca.events())


def test_space_on_remove_says_the_leave_then_the_table_once(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Working week")
    table = _table(bus, "Leave days")
    _focus(bus, table)
    gone = _current_row(bus, table)[0]
    orca.mark()
    _focus(bus, _button(bus, "Remove"))
    orca.wait_for(bus.pump, "Remove push button")
    orca.mark()
    orca.events_mark()
    bus.key(SPACE)
    bus.pump(0.5)
    landed = _current_row(bus, _table(bus, "Leave days"))[0]
    said = _heard_in_order(bus, orca, f"Deleted the leave on {gone}", landed)
    assert sum(text.startswith("Leave days") for text in said) <= 1, said
    _few_events(orca.events())


def test_delete_key_on_a_calendar_keyword_says_it_then_the_next(app_bus, orca):  # noqa: F811
    bus = app_bus
    _settings_page(bus, "Activities")
    table = _table(bus, "Calendar keywords")
    orca.mark()
    _focus(bus, table)
    gone = _current_row(bus, table)[0]
    orca.wait_for(bus.pump, gone)
    orca.mark()
    orca.events_mark()
    bus.key(DELETE)
    bus.pump(0.5)
    landed = _current_row(bus, _table(bus, "Calendar keywords"))[0]
    _heard_in_order(bus, orca, f"Deleted the calendar keyword “{gone}”", landed)
    _few_events(orca.events())


def test_a_days_only_entry_deleted_says_it_then_the_empty_day_with_its_day(app_bus, orca):  # noqa: F811
    """(A day an earlier test gave leave to has no "Nothing logged yet." row: the next row
    is landed on instead.)"""
    bus = app_bus
    _log(bus, "30m recording")  # today's only entry, in the demo's empty week
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("3")))
    this_week = _button(bus, "This week")
    if "enabled" in bus.states(this_week):  # an earlier test left another week shown
        _focus(bus, this_week)
        bus.key(SPACE)
        bus.pump(1)
    table = _week_table(bus)
    orca.mark()
    _focus(bus, table)
    for _ in range(Table_rows(bus, table)):  # down to the entry, as a user goes
        if "Recording and admin" in _current_row(bus, _week_table(bus)):
            break
        orca.mark()
        bus.focused_after(lambda: bus.key(DOWN))
    entry = _current_row(bus, _week_table(bus))
    assert "Recording and admin" in entry
    orca.wait_for(bus.pump, entry[0])  # Orca has read the view and the row: Delete is next
    orca.mark()
    orca.events_mark()
    bus.key(DELETE)
    said = orca.wait_for(bus.pump, "Deleted Recording and admin")
    day = next(text for text in said if text.startswith("notification Deleted"))
    day = day.split(", ")[1]  # "Monday 7 December"
    table = _week_table(bus)
    rows = [[bus.Atspi.Table.get_accessible_at(table, r, c).get_name() for c in range(2)]
            for r in range(Table_rows(bus, table))]
    landed = _current_row(bus, table)[0]
    if not any(day in name and "leave" in name for name, _ in rows):  # a working day: its note
        assert landed == f"{day}: nothing logged yet.", rows  # the empty day, with its day
    _heard_in_order(bus, orca, "Deleted Recording and admin", landed)
    _few_events(orca.events())


def test_space_on_drop_says_the_action_then_the_table_once(app_bus, orca):  # noqa: F811
    """An open action dropped leaves the table as a deleted row does: said the same way."""
    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("4")))
    table = _table(bus, "Open actions")
    orca.mark()
    _focus(bus, table)
    gone = _current_row(bus, table)[0]
    orca.wait_for(bus.pump, gone)
    orca.mark()
    _focus(bus, _button(bus, "Drop"))
    orca.wait_for(bus.pump, "Drop push button")
    orca.mark()
    bus.key(SPACE)
    said = orca.wait_for(bus.pump, "Dropped")
    if Table_rows(bus, _table(bus, "Open actions")):
        landed = _current_row(bus, _table(bus, "Open actions"))[0]
        _heard_in_order(bus, orca, "Dropped", landed)
    else:  # the last one: the table says it is empty, after the words
        assert not any(gone in text for text in said[1:]), said


def test_a_note_deleted_after_its_question_is_said_before_the_row_landed_on(app_bus, orca):  # noqa: F811
    """Delete on the agenda asks first; after Alt+Y Orca 43 read the row the keyboard landed on
    ("Learning.", its words, its date) and only then "Deleted the note …". The words now come
    first, and are not lost to the events of the question closing."""
    from tests.atspi.test_orca_page_tabs import _alt

    bus = app_bus
    activate_window(bus)
    bus.focused_after(lambda: bus.ctrl(ord("4")))
    table = _table(bus, "On the agenda")
    _focus(bus, table)
    bus.focused_after(lambda: bus.ctrl(0xFF57))  # Ctrl+End: the last note
    bus.pump(0.5)
    orca.mark()
    bus.key(DELETE)
    orca.wait_for(bus.pump, "Delete this note?")
    orca.mark()
    orca.events_mark()
    _alt(bus, "y")
    said = orca.wait_for(bus.pump, "Deleted the note")
    bus.pump(2.0)
    table = _table(bus, "On the agenda")
    landed = _current_row(bus, table)
    said = orca.said()
    gone = [i for i, text in enumerate(said) if "Deleted the note" in text]
    here = [i for i, text in enumerate(said) if any(cell and cell in text for cell in landed)]
    assert len(gone) == 1, said
    assert here and gone[0] < min(here), (landed, said)  # what went, then where the keyboard is
    assert not [e for e in orca.events() if "Queueing" not in e], orca.events()  # no flood
