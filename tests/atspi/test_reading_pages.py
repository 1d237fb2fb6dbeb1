"""Through AT-SPI, the pages to read (Help > Keyboard shortcuts, How is this worked out? (F1)
and the supervision summary's preview) as a screen reader gets them: a read-only multi-line
text read line by line, never one label with the cells of its tables run together; tables as
tables with their column headings; and F1's contents as named links that move the reading to
their section."""

from __future__ import annotations

import time
from typing import Any

import pytest

from core.workload.method_text import method_sections
from tests.atspi.bus import TAB, Bus, activate_window
from tests.atspi.test_announcements import _close_dialogs
from tests.atspi.test_dialogs import F1, _problems, _wait_for_dialog
from tests.atspi.test_welcome import _menu_items

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
FRAME_MARKS = ("\ufdd0", "\ufdd1")  # Qt's marks for the start and end of a table's cell


def _text(bus: Bus, obj: Any) -> str:
    return bus.Atspi.Text.get_text(obj, 0, -1)


def _reading_problems(bus: Bus, dialog: Any, title: str) -> tuple[list[str], list[Any]]:
    """What a screen reader would stumble on, and the page's read-only texts."""
    problems, texts = [], []
    for obj in bus.walk(dialog):
        role, interfaces = obj.get_role_name(), obj.get_interfaces()
        said = _text(bus, obj) if "Text" in interfaces else (obj.get_name() or "")
        if any(mark in said for mark in FRAME_MARKS):
            problems.append(f"{title}: {role} {obj.get_name()!r} reads table cells run together")
        if role == "label" and len(said) > 200:
            problems.append(f"{title}: a page read as one label: {said[:60]!r}…")
        if role == "text" and "read-only" in bus.states(obj):
            texts.append(obj)
    if not texts:
        problems.append(f"{title}: no read-only text to read")
    for text in texts:
        states, read = bus.states(text), _text(bus, text)
        if "multi-line" not in states or "focusable" not in states:
            problems.append(f"{title}: text {text.get_name()!r} is {sorted(states)}")
        if read.count("\n") < 1:
            problems.append(f"{title}: text {text.get_name()!r} has no line breaks: {read[:60]!r}")
    return problems, texts


def _headers(bus: Bus, table: Any) -> list[str]:
    table_iface = bus.Atspi.Table
    headers = []
    for column in range(table_iface.get_n_columns(table)):
        header = table_iface.get_column_header(table, column)
        headers.append(header.get_name() if header is not None else "")
    return headers


def _tables(bus: Bus, dialog: Any) -> dict[str, list[str]]:
    return {t.get_name(): _headers(bus, t) for t in bus.by_role(dialog, "table")}


def _open_by_action(bus: Bus, obj: Any) -> Any:
    try:  # as a screen reader's command does; a modal dialog answers only once it closes
        obj.get_action_iface().do_action(0)
    except Exception:  # noqa: BLE001
        pass
    return _wait_for_dialog(bus)


def test_the_keyboard_shortcuts_are_a_text_and_two_tables_with_headings(app_bus):
    activate_window(app_bus)
    item = _menu_items(app_bus.frame(), "Keyboard shortcuts")
    assert item, "Help > Keyboard shortcuts is not on the bus"
    page = _open_by_action(app_bus, item[0])
    assert page is not None, "the shortcuts page did not open"
    try:
        problems, texts = _reading_problems(app_bus, page, "Keyboard shortcuts")
        problems += _problems(app_bus, page, "Keyboard shortcuts")
        assert not problems, "\n".join(problems)
        tables = _tables(app_bus, page)
        assert tables == {"Shortcuts": ["Keys", "What it does", "Where"],
                          "Moving around": ["Keys", "What it does", "Where"]}
        shortcuts = next(t for t in app_bus.by_role(page, "table") if t.get_name() == "Shortcuts")
        rows = app_bus.Atspi.Table.get_n_rows(shortcuts)
        cells = [app_bus.Atspi.Table.get_accessible_at(shortcuts, r, 1).get_name()
                 for r in range(rows)]
        assert "Log time" in cells and "Undo" in cells and "New case" in cells
        headings = [o.get_name() for o in app_bus.by_role(page, "heading")]
        assert headings == ["Shortcuts", "Moving around"]
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_how_it_is_worked_out_reads_as_text_and_its_contents_are_links(app_bus):
    activate_window(app_bus)
    app_bus.focused_after(lambda: app_bus.ctrl(ord("1")))
    app_bus.focused_after(lambda: app_bus.key(F1))
    page = _wait_for_dialog(app_bus)
    assert page is not None, "F1 did not open the page"
    try:
        problems, texts = _reading_problems(app_bus, page, "How is this worked out?")
        problems += _problems(app_bus, page, "How is this worked out?")
        assert not problems, "\n".join(problems)
        text = texts[0]
        titles = [s.title for s in method_sections(None)]
        lines = _text(app_bus, text).split("\n")
        assert all(title in lines for title in titles), "each heading on a line of its own"
        links = {o.get_name(): o for o in app_bus.by_role(page, "link")}
        assert list(links) == titles
        for link in links.values():
            assert {"focusable", "enabled"} <= app_bus.states(link)
        reached = set()  # Tab reaches every link (the page has the keyboard as it opens)
        for _ in range(len(titles) + 4):
            focused = app_bus.focused_after(lambda: app_bus.key(TAB))
            if focused is not None and focused.get_role_name() == "link":
                reached.add(focused.get_name())
        assert reached == set(titles), f"Tab never reached {set(titles) - reached}"
        # Following a link moves the reading caret to its section's heading.
        target = titles[6]
        links[target].get_action_iface().do_action(0)
        deadline = time.monotonic() + 5
        line = ""
        while time.monotonic() < deadline:
            caret = app_bus.Atspi.Text.get_caret_offset(text)
            line = app_bus.Atspi.Text.get_string_at_offset(
                text, caret, app_bus.Atspi.TextGranularity.LINE).content
            if line.strip() == target:
                break
            app_bus.pump(0.1)
        assert line.strip() == target
        assert "focused" in app_bus.states(text), "the reading goes on from the section"
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)


def test_the_summary_preview_reads_as_text_with_its_actions_as_a_table(app_bus):
    activate_window(app_bus)
    app_bus.focused_after(lambda: app_bus.ctrl(ord("4")))
    deadline = time.monotonic() + 10
    button = []
    while not button and time.monotonic() < deadline:
        button = [o for o in app_bus.walk(app_bus.frame()) if o.get_role_name() == "push button"
                  and o.get_name() == "Preview summary"]
        app_bus.pump(0.1)
    assert button, "Supervision has no Preview summary button on the bus"
    page = _open_by_action(app_bus, button[0])
    assert page is not None, "the preview did not open"
    try:
        problems, texts = _reading_problems(app_bus, page, "Summary preview")
        problems += _problems(app_bus, page, "Summary preview")
        assert not problems, "\n".join(problems)
        read = "\n".join(_text(app_bus, t) for t in texts)
        assert "Supervision summary" in read.split("\n")
        assert "10.  Agreed actions" in read.replace("\xa0", " ")
        assert _tables(app_bus, page).get("Agreed actions") == ["Action", "Owner", "Due",
                                                                "Status"]
    finally:
        _close_dialogs(app_bus)
        activate_window(app_bus)
