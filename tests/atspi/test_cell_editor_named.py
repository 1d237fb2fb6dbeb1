"""Through AT-SPI: F2 on a Settings > Weightings cell, or a digit typed over it, opens an editor
that a screen reader names after its cell ("Community, A3"), not a nameless "text" while a
scoring number is typed over. Escape leaves the number as it was."""

from __future__ import annotations

import pytest

from tests.atspi.bus import Bus, places

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
F2, ESCAPE = 0xFFBF, 0xFF1B


def _weightings(bus: Bus) -> None:
    for place in places(bus):
        if place == "Settings > Weightings":
            return
    raise AssertionError("Settings > Weightings was never shown")


@pytest.mark.parametrize(("key", "row", "tier"), [(F2, 0, "A3"), (ord("5"), 1, "A2")],
                         ids=["F2", "typing over it"])
def test_an_editor_on_a_weightings_cell_is_named_after_the_cell(app_bus, key, row, tier):
    atspi = app_bus.Atspi
    _weightings(app_bus)
    table = next(t for t in app_bus.by_role(app_bus.frame(), "table")
                 if (t.get_name() or "").startswith("Tier points") and app_bus.showing(t))
    cell = atspi.Table.get_accessible_at(table, row, 0)  # a cell not chosen yet: a click on
    # the chosen one would open its editor itself
    said = cell.get_description() or cell.get_name()
    before = cell.get_name()
    box = atspi.Component.get_extents(cell, atspi.CoordType.SCREEN)
    app_bus.focused_after(lambda: atspi.generate_mouse_event(
        box.x + box.width // 2, box.y + box.height // 2, "b1c"))
    editor = app_bus.focused_after(lambda: app_bus.key(key))
    assert editor is not None, "the key opened no editor"
    name = editor.get_name()
    value = atspi.Text.get_text(editor, 0, -1) if editor.get_role_name() == "text" else ""
    back = app_bus.focused_after(lambda: app_bus.key(ESCAPE))  # the editor gone, its cell back
    assert back is not None and app_bus.stop_of(back) == table, "Escape left the editor open"
    table.clear_cache()
    assert atspi.Table.get_accessible_at(table, row, 0).get_name() == before  # Escape: unchanged
    assert name, f"the editor ({app_bus.describe(editor)}) has no name"
    assert name != value, f"the editor is named by its value {value!r}"
    assert "Community" in name and tier in name, f"{name!r} does not say which cell ({said!r})"
