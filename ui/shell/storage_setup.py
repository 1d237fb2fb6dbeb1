"""Wires trustworthy storage into the GUI: opening (passphrase, recovery screen), the Data &
privacy page, Help > About and the idle lock. main.py calls `open_data` and `install_storage`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from sqlite_utils import Database

from core.common.paths import shown_path
from core.store import encryption
from core.store.backup import default_backup_dir
from core.store.database import (
    DamagedDatabaseError,
    RECOVERY_HINT,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from core.store.all_copies import open_folder
from core.store.paths import database_path
from ui.shell.data_watch import DataWatch
from ui.shell.hub import Hub
from ui.shell.lock_screen import IdleLock
from ui.shell.main_window import MainWindow
from ui.shell.settings_view import SettingsView

if TYPE_CHECKING:  # the page and dialogs are imported when first needed, not at start-up
    from ui.settings.data_page import DataPage


def _unlock(data_dir: Path, parent: QWidget | None) -> Database | str | None:
    """Ask for the passphrase until it opens the data: the Database, "recovery", None, or the
    message of a damaged file the passphrase is right for."""
    from ui.shell.passphrase_dialog import PassphraseDialog

    opened: list[Database | str] = []

    def check(text: str) -> str | None:
        try:
            opened.append(open_folder(data_dir, passphrase=text))
        except WrongPassphraseError as exc:
            return str(exc)
        except DamagedDatabaseError as exc:  # the right passphrase, a damaged file
            opened.append(str(exc))
        return None

    dialog = PassphraseDialog(parent, "Unlock Caseload Companion",
                              "Your data is encrypted. Enter your passphrase to open it.",
                              check=check, recovery=True)
    result = dialog.ask()  # then deleted: nothing of it stays on the bus all session
    if result == PassphraseDialog.RECOVERY:
        return "recovery"
    return opened[-1] if result == QDialog.DialogCode.Accepted and opened else None


def open_data(data_dir: Path, parent: QWidget | None = None) -> Database | None:
    """Open the data for the window; None when the practitioner chose to quit.

    Encrypted: asks for the passphrase (wrong ones get another try). Damaged: shows the recovery
    screen, which restores a backup or sets the file aside; the file is never overwritten.
    Other StorageErrors (a newer version's data) propagate for main.py to show.
    """
    db_path = database_path(data_dir)
    message = ""
    while True:
        if not message:
            try:
                return open_folder(data_dir)
            except PassphraseRequiredError:
                unlocked = _unlock(data_dir, parent)
                if unlocked is None:
                    return None
                if isinstance(unlocked, Database):
                    return unlocked
                message = unlocked if unlocked != "recovery" else (
                    f"The data file at {shown_path(db_path)} is encrypted, or it may be damaged. "
                    "If your passphrase does not open it, restore a backup here.")
            except DamagedDatabaseError as exc:  # says which: damaged, or another program's
                message = shown_path(str(exc)).replace(RECOVERY_HINT, "").strip()
        from ui.shell.recovery_screen import RecoveryScreen

        outcome = RecoveryScreen.run(parent, db_path, default_backup_dir(data_dir), message)
        if outcome is None:
            return None
        message = ""


def install_storage(window: MainWindow, db: Database, hub: Hub, settings_view: SettingsView,
                    data_dir: Path, version: str) -> None:
    """Add Settings > Data & privacy, Help > About and the idle lock to the window."""
    db_path = database_path(data_dir)
    lock = IdleLock(window, lambda text: encryption.verify_passphrase(db, text),
                    minutes=encryption.get_lock_minutes(db), enabled=encryption.is_encrypted(db))

    def make_page() -> DataPage:  # made when its tab is first shown, or window.data_page is read
        from ui.settings.data_page import DataPage

        page = DataPage(db, hub, db_path, data_dir, idle_lock=lock)
        window.data_page = page  # type: ignore[attr-defined]
        return page

    settings_view.add_page("Data && privacy", make_page)
    window.add_part("data_page", lambda: settings_view.page("Data & privacy"))
    about = QAction("&About Caseload Companion", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _about(version, db_path, db, window))
    window.menu("&Help").addAction(about)
    lock_now = QAction("Loc&k now", window)
    lock_now.setShortcut("Ctrl+Shift+L")
    lock_now.triggered.connect(lambda: _lock_now(lock, db, window))
    window.menu("&File").addAction(lock_now)
    window.addAction(lock_now)  # works with the menus out of sight, as in the meeting
    _lock_from_dialogs(lock_now)
    window.idle_lock = lock  # type: ignore[attr-defined]
    tray = getattr(window, "time_tray", None)  # outside the window: it says only "locked"
    if tray is not None:
        lock.locked.connect(lambda: tray.set_locked(True))
        lock.unlocked.connect(lambda: tray.set_locked(False))
    # Saves made beside the window (the command line) show without a restart.
    window.data_watch = DataWatch(db, hub, window)  # type: ignore[attr-defined]
    if getattr(db, "read_only", False):
        _show_read_only_notice(window)
    from core.store.unreachable import sentences

    unreached = sentences(data_dir)  # copies a run could not reach: said at every start
    if unreached:
        window.unreachable_notice = _notice(  # type: ignore[attr-defined]
            window, " ".join(unreached), "unreachableNotice", "Unreachable copies notice")


def _show_read_only_notice(window: MainWindow) -> None:
    """A read-only folder or mount: the data is shown, and a line at the foot says why
    nothing can be saved (core.store.disk_space)."""
    from core.store.disk_space import READ_ONLY_NOTICE

    window.read_only_notice = _notice(  # type: ignore[attr-defined]
        window, READ_ONLY_NOTICE, "readOnlyNotice", "Read-only notice")


def _notice(window: MainWindow, text: str, name: str, accessible: str) -> QWidget:
    """A line at the foot of the window that stays while the reason does."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.setContentsMargins(8, 2, 8, 2)
    window.statusBar().addPermanentWidget(label, 1)
    return label


def _about(version: str, db_path: Path, db: Database, window: QWidget) -> None:
    from ui.shell.about_dialog import AboutDialog

    AboutDialog(version, db_path, encryption.is_encrypted(db), window).exec()


_lock_actions: list[QAction] = []  # each window's Lock now, for a key pressed in a dialog


def _lock_from_dialogs(lock_now: QAction) -> None:
    """Ctrl+Shift+L in a dialog locks too. A window's shortcut never reaches past an open
    dialog, and Lock now is for anywhere: stepping away from a half-typed form is when it is
    wanted (the lock asks for the passphrase over a dialog that waits, ui.shell.lock_screen)."""
    from ui.widgets.app_watch import watch

    _lock_actions.append(lock_now)
    lock_now.setProperty("worksInDialogs", True)  # the shortcuts page says so (IN_DIALOGS_TOO)
    watch(pressed=_pressed_in_dialog)


def _pressed_in_dialog(watched, event) -> bool:  # type: ignore[no-untyped-def]
    """Lock now's keys reaching a dialog (no control in it took them), or a popup (a menu, a
    combo box's list, a file chooser's suggestions: they have the keyboard to themselves, and
    pass the keys on to their field past every filter): close the popups and lock. A file
    chooser's own name field takes every key it is given, so there they are met at any control."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QFileDialog

    if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
        return False
    popup = watched.window().windowType() == Qt.WindowType.Popup
    if popup:
        watched = QApplication.activeWindow() or watched
    elif not isinstance(watched, QDialog) and isinstance(watched.window(), QFileDialog):
        watched = watched.window()
    if not popup and not isinstance(watched, QDialog):
        return False
    import shiboken6
    from PySide6.QtGui import QKeySequence

    _lock_actions[:] = [a for a in _lock_actions if shiboken6.isValid(a)]
    keys = QKeySequence(event.keyCombination())
    owner = watched.parentWidget().window() if watched.parentWidget() is not None else watched
    chosen = [a for a in _lock_actions if a.isEnabled() and keys in a.shortcuts()]
    chosen.sort(key=lambda a: a.parent() is not owner)  # the dialog's own window first
    if not chosen:
        return False
    from ui.shell.lock_away import close_popups

    close_popups()
    chosen[0].trigger()
    return True


def _lock_now(lock: IdleLock, db: Database, window: QWidget) -> None:
    if encryption.is_encrypted(db):
        lock.lock()
    else:
        QMessageBox.information(window, "Locking needs encryption",
                                "Turn encryption on in Settings, Data & privacy, so the lock "
                                "can ask for your passphrase.")
