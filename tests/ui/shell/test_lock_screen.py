"""The idle lock: locks after the idle time, hides all data, unlocks with the right passphrase."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit

from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow

RIGHT = "right passphrase"
# The offscreen platform cannot resize native windows; harmless and not about locking.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    win = MainWindow(QSettings(str(tmp_path / "lock.ini"), QSettings.Format.IniFormat))
    win.secret = QLabel("C07 tier B2, MAPPA 2")
    win.add_view("caseload", "Caseload", win.secret)
    qtbot.addWidget(win)
    win.show()
    return win


def _visible_texts(window) -> str:
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QLineEdit):
        if widget.isVisible():
            texts.append(widget.text())
    return " ".join(texts)


def test_locks_after_idle_time_and_hides_all_data(window, qtbot):
    now = [1000.0]  # the lock's clock: moved here, never waited for
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True, clock=lambda: now[0])
    assert "C07" in _visible_texts(window)
    now[0] += 10 * 60 - 1
    lock._tick()
    assert not lock.is_locked()  # a second short of ten idle minutes
    now[0] += 1
    with qtbot.waitSignal(lock.locked, timeout=10_000):  # the lock's own timer's next check
        pass
    assert lock.is_locked()
    assert "C07" not in _visible_texts(window)
    assert not window.secret.isVisible()
    assert not window.menuBar().isEnabled()
    assert window.centralWidget() is lock.screen
    view_shortcut = [a for a in window.menu("&View").actions() if a.text() == "Caseload"][0]
    assert not view_shortcut.isEnabled()  # no shortcut reaches a view while locked


def test_unlocks_with_the_right_passphrase_only(window, qtbot):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    screen = lock.screen
    qtbot.keyClicks(screen.field, "wrong guess")
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert lock.is_locked() and "try again" in screen.message.text()
    assert screen.field.text() == ""
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(screen.field, RIGHT)
        screen.button.click()
    assert not lock.is_locked()
    assert window.secret.isVisible() and "C07" in _visible_texts(window)
    assert window.menuBar().isEnabled()
    assert all(a.isEnabled() for a in window.menu("&View").actions())


def test_does_not_lock_while_encryption_is_off_or_while_in_use(window):
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=1, enabled=False)
    lock._last -= 3600  # as if an hour had passed without input
    lock._tick()
    assert not lock.is_locked()
    lock.set_enabled(True)
    lock._last -= 30
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                             Qt.KeyboardModifier.NoModifier, "a"))
    lock._tick()  # a key was just pressed: still in use
    assert not lock.is_locked()
    lock._last -= 61
    lock._tick()
    assert lock.is_locked()


def test_open_dialogs_are_hidden_but_keep_what_was_typed(window, qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    dialog = QDialog(window)
    field = QLineEdit()
    QVBoxLayout(dialog).addWidget(field)
    field.setText("half-typed note")
    dialog.show()
    lock = IdleLock(window, lambda p: p == RIGHT, minutes=10, enabled=True)
    lock.lock()
    assert not dialog.isEnabled()
    assert "half-typed" not in _visible_texts(dialog) or not field.isEnabled()
    cover = [c for c in dialog.findChildren(QLabel) if c.text() == "Locked"][0]
    assert cover.isVisible() and cover.geometry().contains(field.geometry())
    lock.screen.field.setText(RIGHT)
    lock.screen.button.click()
    assert dialog.isVisible() and dialog.isEnabled() and field.text() == "half-typed note"


@pytest.mark.skipif(not __import__("core.store.encryption").store.encryption.available(),
                    reason="the optional sqlcipher3 package is not installed")
def test_the_real_window_shows_no_case_data_while_locked(qtbot, data_dir, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractItemView

    import main
    from core.store import encryption
    from core.store.database import open_database
    from tests.demo_copy import demo_into

    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    db.close()
    encryption.rekey_file(data_dir / "caseload.db", None, RIGHT)
    db = open_database(data_dir / "caseload.db", passphrase=RIGHT)
    window = main.build_window(db, data_dir, QSettings(str(tmp_path / "w.ini"),
                                                       QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()  # let start-up checks queued by the views run while db is open
    window.show_view("caseload")
    assert any(v.isVisible() and v.model().rowCount() for v in
               window.findChildren(QAbstractItemView) if v.model() is not None)
    window.idle_lock.lock()
    assert not [v for v in window.findChildren(QAbstractItemView) if v.isVisible()]
    assert "C0" not in _visible_texts(window)
    from tests.ui.shell.test_lock_hides_every_window import _words_on_the_bus

    assert "C0" not in _words_on_the_bus()  # nor to a screen reader
    window.idle_lock.screen.field.setText(RIGHT)
    window.idle_lock.screen.button.click()
    assert not window.idle_lock.is_locked()
    db.close()
