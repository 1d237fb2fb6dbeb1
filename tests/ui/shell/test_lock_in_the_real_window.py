"""The tester's own sequence in the app's real window, on encrypted demo data: two locks from the
File menu opened from the Quick time entry, then Supervision > Export… > Choose…, a path typed
until the suggestions show, Down, Ctrl+Shift+L, the passphrase. The chooser came back with every
control disabled, Esc and typing doing nothing, and the app dead behind it; the menu locks left
the keyboard on the Views list. Both orders Qt may list the windows in are tried (it keeps them
in an order of its own, which changed with what the app had done before)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from ui.widgets.line_field import LineField

PASSPHRASE = "a quiet field by the river"
LOCK_KEYS = (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support grabbing")


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


def _depth(widget: QWidget) -> int:
    depth = 0
    while widget.parentWidget() is not None:
        widget, depth = widget.parentWidget(), depth + 1
    return depth


@pytest.fixture(params=["parents first", "children first"])
def window(request, qtbot, tmp_path, monkeypatch):
    listed = QApplication.topLevelWidgets
    monkeypatch.setattr(QApplication, "topLevelWidgets", staticmethod(
        lambda: sorted(listed(), key=_depth, reverse=request.param == "children first")))
    import main as app_main
    from core.demo.caseload_demo import fill_demo
    from core.store import encryption
    from core.store.database import open_database
    from core.store.paths import database_path

    data = tmp_path / "data"
    data.mkdir()
    db = open_database(database_path(data))
    fill_demo(db, date.today())
    db.close()
    encryption.rekey_file(database_path(data), None, PASSPHRASE)
    db = open_database(database_path(data), passphrase=PASSPHRASE)
    win = app_main.build_window(db, data, QSettings(str(tmp_path / "w.ini"),
                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    db.close()


def _quick_entry(win: QWidget) -> LineField | None:
    return next((field for field in win.findChildren(LineField)  # a one-line field
                 if field.accessibleName() == "Quick time entry" and field.isVisible()), None)


def test_the_testers_sequence_in_the_real_window(window, qtbot, tmp_path):
    for folder in ("w1", "w2", "w3"):
        (tmp_path / folder).mkdir()
    lock = window.idle_lock
    window.show_view("time")
    qtbot.waitUntil(lambda: _quick_entry(window) is not None)
    quick = _quick_entry(window)
    quick.setFocus()
    _keys("20m trav")
    for _ in range(2):
        _keys(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        _keys(Qt.Key.Key_Down)
        _keys(*LOCK_KEYS)
        assert lock.is_locked()
        _keys(PASSPHRASE)
        _keys(Qt.Key.Key_Return)
        assert not lock.is_locked()
        assert QApplication.focusWidget() is quick, "the keyboard is back where the menu was opened"
        assert quick.text() == "20m trav"
    window.show_view("supervision")
    view = next(w for w in window.findChildren(QWidget) if hasattr(w, "export_button"))
    seen: dict[str, object] = {}

    def in_the_chooser() -> None:
        chooser = None
        try:
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
            chooser = QApplication.activeModalWidget()
            qtbot.waitUntil(chooser.isActiveWindow)
            name = chooser.findChild(QLineEdit, "fileNameEdit")
            name.setFocus()
            name.selectAll()
            _keys(str(tmp_path / "w"))
            qtbot.waitUntil(lambda: name.completer().popup().isVisible())
            _keys(Qt.Key.Key_Down)
            _keys(*LOCK_KEYS)
            seen["locked"] = lock.is_locked()
            qtbot.waitUntil(lambda: lock.screen is not None and lock.screen.field.hasFocus())
            _keys(PASSPHRASE)
            _keys(Qt.Key.Key_Return)
            qtbot.waitUntil(chooser.isActiveWindow)
            seen["back"] = (chooser.isEnabled(), name.isEnabled(),
                            QApplication.focusWidget() is name)
            _keys(Qt.Key.Key_Escape)
            seen["Esc closes it"] = not chooser.isVisible()
        finally:
            if chooser is not None and chooser.isVisible():
                chooser.reject()

    def in_the_export_dialog() -> None:
        export = QApplication.activeModalWidget()
        try:
            QTimer.singleShot(0, in_the_chooser)
            export._choose_file()  # Choose…
        finally:
            export.reject()

    QTimer.singleShot(0, in_the_export_dialog)
    view.export()
    assert seen == {"locked": True, "back": (True, True, True), "Esc closes it": True}
