"""While locked, nothing of the data is readable: not on screen, and not by a screen reader walking
the accessibility tree (the tree Qt hands to AT-SPI, read here through Qt's own interfaces). A
dialog left open, a closed one kept for next time, a menu, a file chooser's suggestions: each is
taken off or emptied, and comes back as it was, the keyboard where it was, with "Unlocked." said
in the window that has the keyboard again.

Keys go in as the desktop sends them (to the window that has the keyboard), as in
test_lock_over_a_dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow

RIGHT = "right passphrase"
NOTE = "Recent change in circumstances; need a view on the risk plan."
# The offscreen platform has no window manager; harmless and not about locking.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


def _keys(text_or_key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    window = QApplication.focusWindow()
    assert window is not None
    if isinstance(text_or_key, str):
        for letter in text_or_key:
            QTest.keyClick(window, letter)
    else:
        QTest.keyClick(window, text_or_key, modifiers)
    QApplication.processEvents()


def _words_on_the_bus() -> str:
    """Every name, description, value and text in the application's accessibility tree,
    shown or not: what any assistive technology can read."""
    words: list[str] = []
    stack = [QAccessible.queryAccessibleInterface(QApplication.instance())]
    seen = 0
    while stack and seen < 20_000:
        iface = stack.pop()
        if iface is None or not iface.isValid():
            continue
        seen += 1
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description,
                     QAccessible.Text.Value, QAccessible.Text.Help):
            words.append(iface.text(kind) or "")
        text = iface.textInterface()
        if text is not None:
            words.append(text.text(0, text.characterCount()))
        stack.extend(iface.child(i) for i in range(iface.childCount()))
    return "\n".join(words)


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    win.add_view("caseload", "Caseload", QLabel("C07 tier B2, MAPPA 2"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _note_dialog(parent) -> tuple[QDialog, QLineEdit]:  # type: ignore[no-untyped-def]
    dialog = QDialog(parent)
    dialog.setWindowTitle("Edit case C42")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Case C42"))
    first = QLineEdit("C42")
    note = QLineEdit(NOTE)
    layout.addWidget(first)
    layout.addWidget(note)
    return dialog, note


def test_nothing_of_a_waiting_dialog_or_a_kept_one_is_readable_while_locked(window, qtbot):
    kept = QDialog(window)  # closed earlier, kept for next time: still on the bus, hidden
    kept.setWindowTitle("Close case C31")
    QVBoxLayout(kept).addWidget(QLabel("Close C31 on 01/12/2026"))
    kept.show()
    kept.hide()
    dialog, note = _note_dialog(window)
    said: list[tuple[str, object]] = []
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    seen: dict[str, object] = {}

    def away_and_back() -> None:
        try:
            _away_and_back()
        finally:
            dialog.reject()

    def _away_and_back() -> None:
        note.setFocus()
        note.setCursorPosition(7)
        seen["before"] = _words_on_the_bus()
        seen["size"] = dialog.size()
        lock.lock()
        qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.isActiveWindow())
        seen["locked"] = _words_on_the_bus()
        seen["shown"] = [w.text() for w in dialog.findChildren(QLabel)
                         if w.isVisible() and w.window() is dialog]
        from ui.widgets import announce

        def heard(text: str, _assertive: bool) -> None:
            said.append((text, QApplication.activeWindow()))

        announce.add_listener(heard)
        try:
            _keys(RIGHT)
            _keys(Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: ("Unlocked.", dialog) in said)
        finally:
            announce.remove_listener(heard)
        seen["back"] = (dialog.windowTitle(), kept.windowTitle(), note.text(), note.isVisible(),
                        QApplication.focusWidget() is note, note.cursorPosition())
        seen["after"] = _words_on_the_bus()
        seen["same size"] = dialog.size() == seen["size"]

    QTimer.singleShot(0, away_and_back)
    dialog.exec()
    for words in (NOTE, "C42", "C31"):
        assert words in seen["before"]  # type: ignore[operator]
        assert words not in seen["locked"], f"{words!r} readable while locked"  # type: ignore[operator]
        assert words in seen["after"]  # type: ignore[operator]
    assert "C07" not in seen["locked"]  # type: ignore[operator]
    assert seen["shown"] == ["Locked"]
    assert seen["back"] == ("Edit case C42", "Close case C31", NOTE, True, True, 7)
    assert said[-1] == ("Unlocked.", dialog), "said in the window that has the keyboard"
    assert seen["same size"] is True


def test_lock_now_in_a_file_choosers_suggestions_closes_them_and_locks(window, qtbot, tmp_path):
    """Import calendar's chooser, "/…/we" typed: the suggestion "week.ics" pops up under the
    name and takes the keys; Ctrl+Shift+L did nothing at all, twice."""
    from ui.shell import storage_setup

    (tmp_path / "week.ics").write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock_now = QAction("Lock now", window)
    lock_now.setShortcut("Ctrl+Shift+L")
    lock_now.triggered.connect(lock.lock)
    window.addAction(lock_now)
    storage_setup._lock_from_dialogs(lock_now)
    chooser = QFileDialog(window, "Choose a calendar file", str(tmp_path))
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    seen: dict[str, object] = {}

    def type_then_lock() -> None:
        try:
            _type_then_lock()
        finally:
            chooser.reject()

    def _type_then_lock() -> None:
        qtbot.waitUntil(chooser.isActiveWindow)
        name = chooser.findChild(QLineEdit, "fileNameEdit")
        name.setFocus()
        _keys("we")
        popup = name.completer().popup() if name.completer() else None
        if popup is None or not popup.isVisible():  # a file system that is slow to list
            qtbot.waitUntil(lambda: name.completer() is not None
                            and name.completer().popup().isVisible())
            popup = name.completer().popup()
        size = chooser.size()
        _keys(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
        seen["locked"] = (lock.is_locked(), popup.isVisible())
        if lock.is_locked():
            qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.isActiveWindow())
            seen["on the bus"] = _words_on_the_bus()
            _keys(RIGHT)
            _keys(Qt.Key.Key_Return)
            qtbot.waitUntil(chooser.isActiveWindow)
            seen["back"] = (QApplication.focusWidget() is name, name.text(),
                            chooser.size() == size)

    QTimer.singleShot(0, type_then_lock)
    chooser.exec()
    assert seen["locked"] == (True, False)
    assert "week.ics" not in seen["on the bus"]  # type: ignore[operator]
    assert seen["back"] == (True, "we", True)


def test_lock_now_in_a_menu_or_a_combo_boxs_list_locks(window, qtbot):
    """A popup of the main window has the keyboard to itself: the window's shortcut never
    reached past it."""
    from PySide6.QtWidgets import QComboBox, QMenu

    from ui.shell import storage_setup

    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock_now = QAction("Lock now", window)
    lock_now.setShortcut("Ctrl+Shift+L")
    lock_now.triggered.connect(lock.lock)
    window.addAction(lock_now)
    storage_setup._lock_from_dialogs(lock_now)
    combo = QComboBox(window)
    combo.addItems(["C07", "C42"])
    combo.move(10, 40)
    combo.show()
    menu = QMenu(window)
    menu.addAction("C07 tier B2")
    for opened in (combo.showPopup, lambda: menu.popup(window.mapToGlobal(window.rect().center()))):
        opened()
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        _keys(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
        assert lock.is_locked()
        assert QApplication.activePopupWidget() is None
        lock.screen.field.setText(RIGHT)
        lock.screen.button.click()
        assert not lock.is_locked()
    combo.showPopup()  # and the idle lock, coming on while the list is open
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    lock.lock()
    assert QApplication.activePopupWidget() is None
    assert lock.screen.field.hasFocus(), "the passphrase field has the keyboard, not the list"


def test_a_question_waiting_under_the_lock_says_nothing_and_comes_back(window, qtbot):
    """The meeting's "Show case references?" and every other question: a message box's own
    accessible gives its words (as its value and help), whatever its children."""
    from PySide6.QtWidgets import QMessageBox

    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    box = QMessageBox(QMessageBox.Icon.Question, "Show case references?",
                      "Show C42 and C55 to your manager?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setInformativeText("C42 is on the agenda twice.")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    seen: dict[str, object] = {}

    def away_and_back() -> None:
        try:
            qtbot.waitUntil(box.isActiveWindow)
            size = box.size()
            lock.lock()
            qtbot.waitUntil(lambda: lock.gate is not None and lock.gate.isActiveWindow())
            seen["locked"] = _words_on_the_bus()
            _keys(RIGHT)
            _keys(Qt.Key.Key_Return)
            qtbot.waitUntil(box.isActiveWindow)
            seen["back"] = (box.text(), box.informativeText(), box.windowTitle(),
                            QApplication.focusWidget() is box.button(QMessageBox.StandardButton.No),
                            box.size() == size)
            _keys(Qt.Key.Key_Escape)  # the question answers as before: No
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, away_and_back)
    box.exec()
    assert "C42" not in seen["locked"] and "C55" not in seen["locked"]  # type: ignore[operator]
    assert seen["back"] == ("Show C42 and C55 to your manager?", "C42 is on the agenda twice.",
                            "Show case references?", True, True)
    assert box.clickedButton() is box.button(QMessageBox.StandardButton.No)


def test_a_tooltip_goes_with_the_lock(window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip

    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    QToolTip.showText(window.mapToGlobal(QPoint(20, 20)), "C42: home visit due", window)
    qtbot.waitUntil(QToolTip.isVisible)
    lock.lock()
    assert not QToolTip.isVisible()
    assert "C42" not in _words_on_the_bus()


def test_the_edit_menu_does_not_name_what_undo_would_bring_back_while_locked(window):
    """"Undo Delete case C42" is a menu item on the bus, shown or not."""
    from PySide6.QtGui import QUndoCommand, QUndoStack

    stack = QUndoStack(window)
    window.menu("&Edit").addAction(stack.createUndoAction(window, "&Undo"))
    stack.push(QUndoCommand("Delete case C42"))
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    assert "C42" in _words_on_the_bus()
    lock.lock()
    assert "C42" not in _words_on_the_bus()
    assert [a.text() for a in window.menu("&Edit").actions()] == ["&Undo"]
    lock.screen.field.setText(RIGHT)
    lock.screen.button.click()
    assert [a.text() for a in window.menu("&Edit").actions()] == ["&Undo Delete case C42"]


def test_locked_from_a_window_beside_the_passphrase_can_be_typed_and_it_comes_back(window, qtbot):
    """A window that does not wait for an answer (Keyboard shortcuts, beside the main window):
    the lock emptied it and left the keyboard in it, where no passphrase could be typed."""
    beside = QDialog(window)
    beside.setWindowTitle("Case C42")
    field = QLineEdit("C42 home visit")
    QVBoxLayout(beside).addWidget(QLineEdit("first"))
    beside.layout().addWidget(field)
    beside.show()
    beside.activateWindow()
    qtbot.waitUntil(beside.isActiveWindow)
    field.setFocus()
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    qtbot.waitUntil(window.isActiveWindow)
    assert lock.screen.field.hasFocus()
    said: list[tuple[str, object]] = []
    from ui.widgets import announce

    def heard(text: str, _assertive: bool) -> None:
        said.append((text, QApplication.activeWindow()))

    announce.add_listener(heard)
    try:
        _keys(RIGHT)
        _keys(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ("Unlocked.", beside) in said)
    finally:
        announce.remove_listener(heard)
    assert QApplication.focusWidget() is field and field.text() == "C42 home visit"
