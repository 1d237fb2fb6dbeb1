"""Through AT-SPI, every one-line text field of every dialog and view answers the question a
screen reader asks to read its line: the attribute run at each offset holds that offset.

Qt's line edit answered GetAttributeRun(i) with an empty run (i..i) at every offset, and Orca
43 joins the runs to read the line, ending where the last one ends: it read every field one
character short ("C0" for C07, "supervision-2026-12-07.pd." for the Export file name). The
app's one-line fields are ui.widgets.line_field.LineField, whose runs hold their offsets.
A field that is empty when its dialog opens is given words first (through the bus, as a
screen reader's own typing would), so each is asked with text in it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.atspi.bus import ITEM_HOLDERS, Bus, activate_window
from tests.atspi.test_every_dialog import _shown_dialog, host_bus  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(600)]  # a real app on a real bus
TEXT_ROLES = {"text", "entry"}  # not "password text": Orca never reads a passphrase out
WORDS = "118 C07 trav"


def short_runs(bus: Bus, root: Any, where: str) -> tuple[list[str], int]:
    """Each showing one-line text field under `root` whose attribute run at some offset does
    not hold the offset, said as a line; and how many fields were asked."""
    atspi = bus.Atspi
    problems, asked = [], 0
    # Not inside a combo box or a spin box (among ITEM_HOLDERS): read through the box.
    fields = [o for o in bus.walk(root, into=lambda o: o.get_role_name() not in ITEM_HOLDERS)
              if o.get_role_name() in TEXT_ROLES]
    for field in fields:
        count = atspi.Text.get_character_count(field)
        filled = count == 0 and "editable" in bus.states(field)
        if filled:
            atspi.EditableText.set_text_contents(field, WORDS)
            bus.pump(0.2)
            count = atspi.Text.get_character_count(field)
        if count == 0:
            continue
        asked += 1
        text = atspi.Text.get_text(field, 0, -1)
        runs = [atspi.Text.get_attribute_run(field, offset, False) for offset in range(count)]
        wrong = [(offset, run.start_offset, run.end_offset) for offset, run in enumerate(runs)
                 if not run.start_offset <= offset < run.end_offset]
        if wrong:
            offset, start, end = wrong[0]
            problems.append(f"{where}: {bus.describe(field)} holding {text!r}: the run at "
                            f"{offset} is {start}..{end}; Orca, reading to the last run's "
                            f"end, says {text[:runs[-1].end_offset]!r}")
        if filled:  # empty again, as it was (the views stay open for the tests after)
            atspi.EditableText.set_text_contents(field, "")
    return problems, asked


def test_every_dialogs_one_line_fields_give_runs_that_hold_each_offset(host_bus):  # noqa: F811
    host, bus = host_bus
    problems, asked = [], 0
    while True:
        said = host.next()
        if said == "done":
            break
        _, _cls, name = said.split(" ", 2)
        dialog = _shown_dialog(bus, name)
        if dialog is None:
            problems.append(f"{name}: not on the bus")
            continue
        found, count = short_runs(bus, dialog, name)
        problems += found
        asked += count
    assert asked >= 15, f"only {asked} one-line fields met"  # Export's two, New case's, …
    assert not problems, "\n".join(problems)


def test_the_views_one_line_fields_give_runs_that_hold_each_offset(app_bus):
    from tests.atspi.bus import places

    problems, asked = [], 0
    try:
        activate_window(app_bus)
        for place in places(app_bus):
            found, count = short_runs(app_bus, app_bus.frame(), place)
            problems += found
            asked += count
    finally:
        activate_window(app_bus)
    assert asked >= 3, f"only {asked} one-line fields met"  # the search, the profile's hours
    assert not problems, "\n".join(problems)


def test_a_weightings_cells_editor_gives_runs_that_hold_each_offset(app_bus):
    # F2 on a scoring number: Qt's line edit, the cell's editor, read "13" for 138.
    from tests.atspi.test_cell_editor_named import ESCAPE, F2, _weightings

    atspi = app_bus.Atspi
    try:
        _weightings(app_bus)
        table = next(t for t in app_bus.by_role(app_bus.frame(), "table")
                     if (t.get_name() or "").startswith("Tier points") and app_bus.showing(t))
        cell = atspi.Table.get_accessible_at(table, 2, 1)
        box = atspi.Component.get_extents(cell, atspi.CoordType.SCREEN)
        app_bus.focused_after(lambda: atspi.generate_mouse_event(
            box.x + box.width // 2, box.y + box.height // 2, "b1c"))
        editor = app_bus.focused_after(lambda: app_bus.key(F2))
        assert editor is not None and editor.get_role_name() in TEXT_ROLES, \
            f"F2 opened {app_bus.describe(editor)}"
        problems, asked = short_runs(app_bus, editor, "Settings > Weightings, a cell's editor")
        app_bus.focused_after(lambda: app_bus.key(ESCAPE))  # the number as it was
    finally:
        activate_window(app_bus)
    assert asked == 1 and not problems, problems
