"""Alt-key letters are unique in each window and every shortcut is in Help > Keyboard shortcuts
(issue: Alt+E on Supervision opened the Edit menu instead of Export)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar

from tests.ui.app_walk import each_dialog, each_place, open_everything, visible_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                        "does not support raise")

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def letters_on_screen(window, menus: bool = True) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Alt-letter -> the texts that claim it: the menu bar plus every visible control."""
    claims: dict[str, list[str]] = defaultdict(list)
    texts = [a.text() for a in window.menuBar().actions()] if menus else []
    texts += [b.text() for b in visible_widgets(window, QAbstractButton)]
    texts += [lab.text() for lab in visible_widgets(window, QLabel) if lab.buddy() is not None]
    texts += [g.title() for g in visible_widgets(window, QGroupBox)]
    for bar in visible_widgets(window, QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    for text in texts:
        letter = mnemonic(text)
        if letter:
            claims[letter].append(text)
    return claims


def test_every_alt_letter_is_unique_in_each_view(demo_window):
    clashes = []
    for place in each_place(demo_window):
        for letter, texts in letters_on_screen(demo_window).items():
            if len(texts) > 1:
                clashes.append(f"{place}: Alt+{letter.upper()} {texts}")
    assert not clashes, "\n".join(clashes)


def test_every_menu_gives_each_item_its_own_letter(demo_window):
    clashes = []
    for menu_action in demo_window.menuBar().actions():
        claims: dict[str, list[str]] = defaultdict(list)
        for action in menu_action.menu().actions():
            letter = mnemonic(action.text())
            if letter:
                claims[letter].append(action.text())
        clashes += [texts for texts in claims.values() if len(texts) > 1]
    assert clashes == []


def test_alt_x_on_supervision_presses_export_not_a_menu(demo_window, qtbot):
    demo_window.show_view("supervision")
    view = demo_window.view("supervision")
    letter = mnemonic(view.export_button.text())
    menus = {mnemonic(a.text()) for a in demo_window.menuBar().actions()}
    assert letter and letter not in menus


def test_every_shortcut_in_the_app_is_on_the_keyboard_shortcuts_page(demo_window, qtbot):
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from ui.shell.shortcuts_dialog import TITLE, all_rows, key_text

    open_everything(demo_window)
    in_app = {key_text(k, native=False) for a in demo_window.findChildren(QAction)
              for k in a.shortcuts() if not k.isEmpty()}
    in_app |= {key_text(s.key(), native=False) for s in demo_window.findChildren(QShortcut)}
    assert {"Ctrl+N", "Ctrl+L", "Ctrl+Z", "Ctrl+F", "F1"} <= in_app  # the walk saw the views
    listed = {key_text(k, native=False) for k, _what, _where in all_rows(demo_window)}
    assert in_app - listed == set()

    help_menu = next(a.menu() for a in demo_window.menuBar().actions()
                     if a.text() == "&Help")
    item = next(a for a in help_menu.actions() if a.text().replace("&", "") == TITLE)
    item.trigger()
    from ui.shell.shortcuts_dialog import ShortcutsDialog

    page = demo_window.findChild(ShortcutsDialog)
    qtbot.waitExposed(page)
    text = "\n".join(" ".join(row) for row in page.listed())
    for keys in in_app:
        assert key_text(QKeySequence(keys)) in text
    assert "Log time" in text and "New case" in text
    page.close()


def test_every_alt_letter_is_unique_in_each_dialog(demo_window, db, qtbot):
    clashes = []
    for dialog in each_dialog(db):
        qtbot.addWidget(dialog)
        dialog.show()
        for letter, texts in letters_on_screen(dialog, menus=False).items():
            if len(texts) > 1:
                clashes.append(f"{dialog.windowTitle()}: Alt+{letter.upper()} {texts}")
        dialog.close()
    assert not clashes, "\n".join(clashes)


def test_quit_is_the_last_entry_of_the_file_menu(demo_window):
    """Entries added as the data opens (Import calendar…, Lock now) go above Quit, not below."""
    file_menu = next(m for m in demo_window.menuBar().findChildren(type(demo_window.menu("&File")))
                     if m.title() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert texts[-1] == "&Quit" and file_menu.actions()[-2].isSeparator(), texts
    assert {"&Log time…", "&Import calendar…", "Loc&k now"} <= set(texts[:-2]), texts


def test_the_shortcuts_page_says_ctrl_i_takes_a_workbook_too():
    from ui.shell.shortcuts_dialog import IN_VIEWS

    import_row = next(row for row in IN_VIEWS if row[0] == "Ctrl+I")
    assert "CSV" in import_row[1] and ".xlsx" in import_row[1]


def test_alt_letters_stay_unique_on_time_while_the_timer_runs(demo_window, db):
    from core.time.activities import list_activities
    from core.time.timer import get_timer, start_timer

    from datetime import datetime

    if get_timer(db) is None:
        start_timer(db, list_activities(db)[0].id, now=datetime.now())
    demo_window.show_view("time")
    view = demo_window.view("time")
    view.timer.refresh()
    assert view.timer.start_button.text().replace("&", "") == "Switch"
    clashes = {k: v for k, v in letters_on_screen(demo_window).items() if len(v) > 1}
    assert not clashes


def test_the_shortcuts_page_says_undo_not_the_step_it_would_take_back(demo_window):
    # Was "Ctrl+Z  Undo Delete case C07": Undo's own text, which names the step, on a help page.
    from PySide6.QtGui import QUndoCommand

    from ui.shell.shortcuts_dialog import key_text, shortcut_rows

    step = QUndoCommand("Delete case C07")
    demo_window.undo_stack.push(step)
    assert demo_window.undo_stack.undoText() == "Delete case C07"
    rows = shortcut_rows(demo_window)
    undo = [what for keys, what, where in rows if keys == key_text("Ctrl+Z")
            and not where.startswith("Supervision meeting")]  # (the meeting's own, in words)
    assert undo and set(undo) == {"Undo"}, rows
    assert not any("C07" in what for _keys, what, _where in rows), rows
    demo_window.undo_stack.undo()
    assert {what for keys, what, where in shortcut_rows(demo_window)
            if keys == key_text("Ctrl+Shift+Z")
            and not where.startswith("Supervision meeting")} == {"Redo"}
