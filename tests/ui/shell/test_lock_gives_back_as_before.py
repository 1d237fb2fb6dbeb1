"""After any unlock every window is exactly as usable as before: each control enabled as it was,
the keyboard where it was. A file chooser opened from the Export dialog came back with every
control disabled and the whole app dead behind it (it waits for an answer), and a lock made from
an open menu put the keyboard on the Views list instead of the field the menu was opened from.

The windows the lock covers are found in whatever order Qt keeps them (a hash of addresses, so
it changed with what the app had done before); both orders are tried here on purpose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.shell import storage_setup
from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow

RIGHT = "right passphrase"
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")
LOCK_KEYS = (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _keys(text_or_key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    window = QApplication.focusWindow()
    if window is None and QApplication.activeWindow() is not None:
        # The offscreen platform gives no window the keyboard back when a menu closes; a
        # desktop never took it from the window the menu belongs to.
        window = QApplication.activeWindow().windowHandle()
    assert window is not None
    if isinstance(text_or_key, str):
        for letter in text_or_key:
            QTest.keyClick(window, letter)
    else:
        QTest.keyClick(window, text_or_key, modifiers)
    QApplication.processEvents()


@pytest.fixture(params=["parents first", "children first"])
def order(request, monkeypatch):
    """The order the lock meets the windows in: a dialog before the chooser it opened, or after."""
    listed = QApplication.topLevelWidgets

    def in_order() -> list[QWidget]:
        windows = listed()
        depth = {id(w): len([p for p in _parents(w)]) for w in windows}
        return sorted(windows, key=lambda w: depth[id(w)],
                      reverse=request.param == "children first")

    monkeypatch.setattr(QApplication, "topLevelWidgets", staticmethod(in_order))
    return request.param


def _parents(widget: QWidget) -> list[QWidget]:
    found = []
    while widget.parentWidget() is not None:
        widget = widget.parentWidget()
        found.append(widget)
    return found


@pytest.fixture
def app(qtbot, tmp_path, order):
    win = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    page = QWidget()
    QVBoxLayout(page).addWidget(QLabel("Quick time entry"))
    quick = QLineEdit()
    quick.setObjectName("quick")
    page.layout().addWidget(quick)
    win.add_view("time", "Time", page)
    win.menu("&File").addAction("Import calendar…")
    win.statusBar()  # the app has one from the start; the lock would otherwise make it
    lock = IdleLock(win, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock_now = QAction("Lock now", win)
    lock_now.setShortcut("Ctrl+Shift+L")
    lock_now.triggered.connect(lock.lock)
    win.addAction(lock_now)
    storage_setup._lock_from_dialogs(lock_now)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isActiveWindow)
    win.show_view("time")
    return win, lock, quick


def _state() -> tuple[dict[str, bool], QWidget | None]:
    """Every control's enabled state in every window (popups aside), and the keyboard's place."""
    enabled = {}
    for window in QApplication.topLevelWidgets():
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            continue
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.window() is window:
                enabled[f"{type(widget).__name__}:{widget.objectName()}:{id(widget)}"] = \
                    widget.isEnabled()
    return enabled, QApplication.focusWidget()


def _unlock(qtbot, lock: IdleLock) -> None:
    qtbot.waitUntil(lambda: lock.screen is not None and lock.screen.field.hasFocus())
    _keys(RIGHT)
    _keys(Qt.Key.Key_Return)
    assert not lock.is_locked()


def _lock_from_the_file_menu(qtbot, win, lock, quick) -> None:
    quick.setFocus()
    _keys("20m trav")
    _keys(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    _keys(Qt.Key.Key_Down)
    _keys(*LOCK_KEYS)
    assert lock.is_locked()
    _unlock(qtbot, lock)
    qtbot.waitUntil(win.isActiveWindow)


def test_a_lock_from_a_menu_puts_the_keyboard_back_in_the_field_it_was_opened_from(app, qtbot):
    win, lock, quick = app
    for _ in range(2):
        _lock_from_the_file_menu(qtbot, win, lock, quick)
        assert QApplication.focusWidget() is quick, "not on the Views list"
        assert quick.text() == "20m trav" * (_ + 1)


def _chooser_with_suggestions(tmp_path, outer: QDialog) -> QFileDialog:
    for name in ("w1", "w2", "w3"):
        (tmp_path / name).mkdir(exist_ok=True)
    chooser = QFileDialog(outer, "Save the summary as", str(tmp_path))
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return chooser


def test_the_testers_sequence_leaves_the_file_chooser_usable(app, qtbot, tmp_path):
    """Two locks from the File menu, then Export… > Choose…, a path typed until the suggestions
    show, Down, Ctrl+Shift+L, the passphrase: every control came back disabled, keys did nothing."""
    win, lock, quick = app
    _lock_from_the_file_menu(qtbot, win, lock, quick)
    _lock_from_the_file_menu(qtbot, win, lock, quick)
    outer = QDialog(win)
    outer.setWindowTitle("Export the supervision summary")
    QVBoxLayout(outer).addWidget(QPushButton("Choose…"))
    chooser = _chooser_with_suggestions(tmp_path, outer)
    seen: dict[str, object] = {}

    def in_the_chooser() -> None:
        try:
            qtbot.waitUntil(chooser.isActiveWindow)
            name = chooser.findChild(QLineEdit, "fileNameEdit")
            name.setFocus()
            name.selectAll()
            _keys(str(tmp_path / "w"))
            qtbot.waitUntil(lambda: name.completer() is not None
                            and name.completer().popup().isVisible())
            _keys(Qt.Key.Key_Down)
            before = _state()
            _keys(*LOCK_KEYS)
            seen["locked"] = lock.is_locked()
            _unlock(qtbot, lock)
            qtbot.waitUntil(chooser.isActiveWindow)
            after = _state()
            seen["same"] = after == before
            seen["usable"] = (chooser.isEnabled(), name.isEnabled(),
                              QApplication.focusWidget() is name)
            _keys(Qt.Key.Key_End)
            _keys("9")
            seen["typed"] = name.text().endswith("9")
            _keys(Qt.Key.Key_Escape)
            seen["Esc closes it"] = not chooser.isVisible()
        finally:
            if chooser.isVisible():
                chooser.reject()

    def open_chooser() -> None:
        try:
            QTimer.singleShot(0, in_the_chooser)
            chooser.exec()
        finally:
            outer.reject()

    QTimer.singleShot(0, open_chooser)
    outer.exec()
    assert seen == {"locked": True, "same": True, "usable": (True, True, True), "typed": True,
                    "Esc closes it": True}


def _dialog(parent: QWidget) -> tuple[QDialog, QWidget]:
    dialog = QDialog(parent)
    QVBoxLayout(dialog).addWidget(QLineEdit("C42"))
    field = QLineEdit("note")
    dialog.layout().addWidget(field)
    off = QPushButton("Not yet")
    off.setEnabled(False)  # disabled before the lock: stays so
    dialog.layout().addWidget(off)
    return dialog, field


def _question(parent: QWidget) -> tuple[QDialog, QWidget]:
    box = QMessageBox(QMessageBox.Icon.Question, "Replace the file?", "Replace C42.pdf?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box, box.button(QMessageBox.StandardButton.No)


def _chooser(tmp_path, parent: QWidget) -> tuple[QDialog, QWidget]:
    chooser = _chooser_with_suggestions(tmp_path, parent)
    name = chooser.findChild(QLineEdit, "fileNameEdit")
    return chooser, name


KINDS = ["dialog", "question", "chooser", "chooser with suggestions", "menu"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("menu_lock_first", [False, True], ids=["fresh", "after a menu lock"])
def test_every_kind_of_covered_window_comes_back_as_it_was_twice(app, qtbot, tmp_path, kind,
                                                                  menu_lock_first):
    win, lock, quick = app
    if menu_lock_first:
        _lock_from_the_file_menu(qtbot, win, lock, quick)
    if kind == "menu":
        quick.setFocus()
        for _ in range(2):
            before = _state()
            _keys(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
            _keys(*LOCK_KEYS)
            _unlock(qtbot, lock)
            assert _state() == before
        return
    outer = QDialog(win)  # opened from another dialog, as Export's chooser is
    QVBoxLayout(outer).addWidget(QPushButton("Choose…"))
    if kind == "dialog":
        covered, focus = _dialog(outer)
    elif kind == "question":
        covered, focus = _question(outer)
    else:
        covered, focus = _chooser(tmp_path, outer)
    seen: list[bool] = []

    def twice() -> None:
        try:
            qtbot.waitUntil(covered.isActiveWindow)
            focus.setFocus()
            for _ in range(2):
                if kind == "chooser with suggestions":
                    focus.setFocus()
                    focus.selectAll()
                    _keys(str(tmp_path / "w"))
                    qtbot.waitUntil(lambda: focus.completer().popup().isVisible())
                before = _state()
                _keys(*LOCK_KEYS)
                assert lock.is_locked()
                _unlock(qtbot, lock)
                qtbot.waitUntil(covered.isActiveWindow)
                after = _state()
                seen.append(after == before)
        finally:
            covered.reject()

    def open_covered() -> None:
        try:
            QTimer.singleShot(0, twice)
            covered.exec()
        finally:
            outer.reject()

    QTimer.singleShot(0, open_covered)
    outer.exec()
    assert seen == [True, True]
