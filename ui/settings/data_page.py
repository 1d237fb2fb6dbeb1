"""Settings > Data & privacy: where the data lives, backups, encryption, idle lock, retention and
"Delete all my data". Every change that replaces the file swaps the connection under the same
Database object (core.store.database.reopen), then tells the views through the hub."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.paths import shown_path
from core.store import encryption
from core.store.backup import (
    BACKUP_FOLDER_ROWS,
    backup_dir,
    list_backups,
    make_backup,
    set_backup_dir,
    sync_warning,
)
from core.common.privacy_text import NETWORK_STATEMENT
from core.caseload.retention import (
    RETENTION_ROWS,
    closed_before,
    get_retention_days,
    set_retention_days,
)
from ui.widgets.backup_table_model import BACKUP_ROLE, backup_table
from ui.settings.backup_folder_watch import BackupFolderWatch
from ui.settings.data_actions import DataActions
from ui.widgets.step_said import say_result
from ui.widgets.unit_suffix import unit_suffix
from core.common.words import plural, plural_noun
from ui.widgets.flow_layout import FlowRow
from ui.widgets.save_undo import save_undoably
from ui.widgets.arrival_words import said_with
from ui.widgets.stepped_spin import SteppedSpinBox
from ui.shell.hub import Hub


LOCK_STEP, RETENTION_STEP = 2401, 2402  # an undo step takes in the next press of the same run


def _group(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    return box, layout


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


BACKUP_DELETE_HINT = ("Delete does not delete a backup. The oldest automatic backups go by "
                      "themselves (7 daily and 4 weekly are kept); Delete all my data… can "
                      "delete the backups too.")
BACKUP_RETURN_HINT = ("Return does not restore a backup. To put this one back, use Restore "
                      "selected… (Alt+R).")


class DataPage(QScrollArea):
    """The page; the risky steps themselves live in DataActions (ui/settings/data_actions.py)."""

    def __init__(self, db: Database, hub: Hub, db_path: Path, data_dir: Path, idle_lock=None,
                 parent: QWidget | None = None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.db = db
        self.hub = hub
        self.db_path = db_path
        self.data_dir = data_dir
        self.idle_lock = idle_lock
        self.actions = DataActions(self, db, hub, db_path, data_dir)
        # A backup made by the `backup` command beside the window is listed within seconds.
        self.backups_watch = BackupFolderWatch(self, lambda: backup_dir(self.db, self.data_dir))
        self._build_ui()
        self._connect_signals()
        self.load()

    def _build_ui(self) -> None:
        self.setWidgetResizable(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(14)

        box, inner = _group("Where your data lives")
        self.location = _note("")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.location)
        self.network = _note(NETWORK_STATEMENT)
        inner.addWidget(self.network)
        self.open_folder = QPushButton("Open data folder")
        inner.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)

        box, inner = _group("Backups")
        self.backup_note = _note("")
        inner.addWidget(self.backup_note)
        self.model, self.proxy, self.table = backup_table(self)
        self.table.setMinimumHeight(150)
        from ui.widgets.key_hint import say_on_key

        say_on_key(self.table, Qt.Key.Key_Delete, BACKUP_DELETE_HINT)
        say_on_key(self.table, Qt.Key.Key_Return, BACKUP_RETURN_HINT)
        say_on_key(self.table, Qt.Key.Key_Enter, BACKUP_RETURN_HINT)
        inner.addWidget(self.table)
        self.no_backups = _note("No backups yet. The first is made automatically today, or now "
                                "with Back up now.")
        inner.addWidget(self.no_backups)
        row = FlowRow()  # wraps on a narrow window
        self.backup_now = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore selected…")
        self.restore_file = QPushButton("Restore from a f&ile…")
        self.choose_folder = QPushButton("Choose bac&kup folder…")
        self.default_folder = QPushButton("Use the default folder")
        for button in (self.backup_now, self.restore_button, self.restore_file,
                       self.choose_folder, self.default_folder):
            row.addWidget(button)
        inner.addLayout(row)
        layout.addWidget(box)

        box, inner = _group("Encryption")
        self.encryption_note = _note("")
        inner.addWidget(self.encryption_note)
        row = FlowRow()
        self.encrypt_on = QPushButton("Turn e&ncryption on…")
        self.change_passphrase = QPushButton("&Change passphrase…")
        self.encrypt_off = QPushButton("Turn encryption &off…")
        for button in (self.encrypt_on, self.change_passphrase, self.encrypt_off):
            row.addWidget(button)
        inner.addLayout(row)
        form = QFormLayout()
        self.lock_minutes = SteppedSpinBox()
        self.lock_minutes.setRange(1, 240)
        unit_suffix(self.lock_minutes, "minute")
        self.lock_minutes.setMaximumWidth(160)
        self.lock_minutes.setKeyboardTracking(False)  # saved as typed, not at each digit
        # Named by its label alone, its unit in the suffix: a name that added to the label was
        # said after it ("Lock the window after: Lock the window after, in idle minutes").
        form.addRow("Lock the window after:", self.lock_minutes)
        inner.addLayout(form)
        self.lock_note = _note("With encryption on, the window hides your data after this "
                               "long without use, until your passphrase is entered again.")
        inner.addWidget(self.lock_note)
        layout.addWidget(box)

        box, inner = _group("Keeping data only as long as needed")
        form = QFormLayout()
        self.retention_days = SteppedSpinBox()
        self.retention_days.setRange(1, 3650)
        unit_suffix(self.retention_days, "day")
        self.retention_days.setMaximumWidth(160)
        self.retention_days.setKeyboardTracking(False)  # 365 typed is one change, not 3, 36, 365
        form.addRow("Offer to delete cases closed more than:", self.retention_days)  # as above
        inner.addLayout(form)
        self.retention_note = _note("")
        inner.addWidget(self.retention_note)
        self.delete_closed = QPushButton("&Delete closed cases now…")
        inner.addWidget(self.delete_closed, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)

        box, inner = _group("Delete all my data")
        delete_note = _note("Deletes every case, time entry and note from this computer for "
                            "good, after you confirm. You can choose to delete the backups too.")
        inner.addWidget(delete_note)
        self.delete_all = QPushButton("Delete all my data…")
        said_with(self.delete_all, delete_note)
        self.delete_all.setObjectName("deleteAllButton")
        inner.addWidget(self.delete_all, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(page)

    def _connect_signals(self) -> None:
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(folder_url(self.data_dir))
        )
        self.backup_now.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self._restore_selected)
        self.restore_file.clicked.connect(self._restore_from_file)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.default_folder.clicked.connect(lambda: self._set_folder(None))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.encrypt_on.clicked.connect(lambda: self._after(
            self.actions.turn_encryption_on(), "Encryption is on: your data and its backups "
            "are encrypted with your passphrase.", self._encryption_button))
        self.change_passphrase.clicked.connect(lambda: self._after(
            self.actions.change_passphrase(), "Passphrase changed.", self._encryption_button))
        self.encrypt_off.clicked.connect(lambda: self._after(
            self.actions.turn_encryption_off(), "Encryption is off.", self._encryption_button))
        # Saved and said once the user settles on a value, not at each arrow press.
        self.lock_minutes.settled.connect(self._lock_minutes_changed)
        self.retention_days.settled.connect(self._retention_changed)
        self.delete_closed.clicked.connect(lambda: self._after(self.actions.delete_closed_cases()))
        self.delete_all.clicked.connect(lambda: self._after(self.actions.delete_all()))
        self.hub.dataReplaced.connect(self.load)
        self.backups_watch.changed.connect(lambda: (self._load_backups(), self._update_buttons()))
        self.hub.casesChanged.connect(self._load_retention)

    def load(self) -> None:
        encrypted = encryption.is_encrypted(self.db)
        self.location.setText(f"Your data is in {shown_path(self.db_path)}\n"
                              "Only your user account can open this folder.")
        self._load_backups(encrypted)
        reason = encryption.unavailable_reason()
        if reason:
            self.encryption_note.setText(reason)
        elif encrypted:
            self.encryption_note.setText("Encryption is on: the data file and its backups "
                                         "cannot be read without your passphrase.")
        else:
            self.encryption_note.setText("Encryption is off. Turn it on to protect the data file "
                                         "with a passphrase if this computer is lost.")
        self.encrypt_on.setVisible(not encrypted)
        self.encrypt_on.setEnabled(reason is None)
        self.change_passphrase.setVisible(encrypted)
        self.encrypt_off.setVisible(encrypted)
        self.lock_minutes.show_stored(int(encryption.get_lock_minutes(self.db)))
        self.lock_minutes.setEnabled(encrypted)
        self.retention_days.show_stored(get_retention_days(self.db))
        self._load_retention()
        self._update_buttons()
        if self.idle_lock is not None:
            self.idle_lock.set_enabled(encrypted)
            self.idle_lock.set_minutes(encryption.get_lock_minutes(self.db))

    def _say_notes(self) -> None:
        """Each group's words, heard with its first control: Tab passes the notes by."""
        said_with(self.open_folder, self.location, self.network)
        said_with(self.backup_now, self.backup_note, self.no_backups)
        # The idle lock's note with its minutes, or while they are off (no encryption, so no
        # Tab stop) with the encryption button.
        lock = self.lock_minutes.isEnabled()
        said_with(self.lock_minutes, self.lock_note)
        for button in (self.encrypt_on, self.change_passphrase):  # one of them is shown
            said_with(button, self.encryption_note, *([] if lock else [self.lock_note]))

    def _load_backups(self, encrypted: bool | None = None) -> None:
        """The backups list and the words above it, the chosen backup kept chosen."""
        if encrypted is None:
            encrypted = encryption.is_encrypted(self.db)
        folder = backup_dir(self.db, self.data_dir)
        self.backup_note.setText(
            f"A backup is made automatically once a day, keeping the last 7 days and 4 weeks, "
            f"in {shown_path(folder)}." + (" Backups stay encrypted with your passphrase." if encrypted else "")
        )
        chosen = [row.data(BACKUP_ROLE).path for row in self.table.selectionModel().selectedRows()]
        self.model.set_backups(list_backups(folder))
        self.backups_watch.seen()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(BACKUP_ROLE).path in chosen:
                self.table.selectRow(row)

    def _load_retention(self) -> None:
        days = get_retention_days(self.db)
        due = closed_before(self.db, days)
        if due:
            refs = ", ".join(c.reference for c in due[:12]) + (" and more" if len(due) > 12 else "")
            self.retention_note.setText(f"{len(due)} closed case{'s' if len(due) != 1 else ''} "
                                        f"can be deleted: {refs}.")
        else:
            self.retention_note.setText("No closed cases are due for deletion.")
        if not due and self.delete_closed is self.window().focusWidget():
            # Disabled, the button gave the keyboard to the next control, "Delete all my
            # data…": the period that decides what is offered is the place to be instead.
            self.retention_days.setFocus(Qt.FocusReason.OtherFocusReason)
        self.delete_closed.setEnabled(bool(due))
        said_with(self.retention_days, self.retention_note)  # heard on the way in

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.no_backups.setVisible(not has_rows)
        self.restore_button.setEnabled(self.table.selectionModel().hasSelection())
        self.default_folder.setEnabled(backup_dir(self.db, self.data_dir) !=
                                       self.data_dir / "backups")
        self._say_notes()

    def _after(self, changed: bool, said: str = "",
               back_to: Callable[[], QWidget] | None = None) -> None:
        """After an action: the page read again, and what was done said (the panel's words
        change, which a screen reader does not speak). `back_to()`: the control the keyboard
        goes back to first, when the one that started it went with the change (Turn encryption
        off… hidden left it on the retention period, where an arrow changed it), so that what
        was done is said after it."""
        if changed:
            self.load()
            if back_to is not None:
                back_to().setFocus(Qt.FocusReason.OtherFocusReason)
            say_result(self, said, after_focus=back_to is not None)

    def _encryption_button(self) -> QWidget:
        """The Encryption group's button now shown: Turn encryption on…, or Change passphrase…."""
        return self.encrypt_on if self.encrypt_on.isVisibleTo(self) else self.change_passphrase

    def back_up_now(self) -> Path | None:
        QThreadPool.globalInstance().waitForDone(10000)
        try:
            dest = make_backup(self.db, self.data_dir)
        except OSError as exc:
            QMessageBox.warning(self, "The backup was not made", shown_path(str(exc)))
            return None
        self.load()
        say_result(self, f"Backed up now: {shown_path(dest.name)}, in {shown_path(dest.parent)}.")
        return dest

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._after(self.actions.restore(rows[0].data(BACKUP_ROLE).path))

    def _restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a backup",
                                              str(backup_dir(self.db, self.data_dir)),
                                              "Backups (*.db);;All files (*)")
        if name:
            self._after(self.actions.restore(Path(name)))

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Folder for backups",
                                                str(backup_dir(self.db, self.data_dir)))
        if not name:
            return
        warning = sync_warning(Path(name))
        if warning and QMessageBox.question(self, "Keep backups there?", warning + " Use it "
                                            "anyway?") != QMessageBox.StandardButton.Yes:
            return
        self._set_folder(Path(name))

    # Each change below is one undo step (ui.widgets.save_undo), said; a period changed one
    # arrow press at a time is one step, saved once the presses stop (ui.widgets.stepped_spin).
    def _set_folder(self, folder: Path | None) -> None:
        save_undoably(self, self.db, BACKUP_FOLDER_ROWS, lambda: set_backup_dir(self.db, folder),
                      "Change the backup folder", "the backup folder", self._setting_changed,
                      lambda: f"Backups are made in {shown_path(backup_dir(self.db, self.data_dir))}.")

    def _lock_minutes_changed(self, minutes: int) -> None:
        save_undoably(self, self.db, encryption.LOCK_ROWS,
                      lambda: encryption.set_lock_minutes(self.db, minutes),
                      "Change the idle lock", "the idle lock", self._setting_changed,
                      f"The window locks after {minutes} idle {plural_noun(minutes, 'minute')}.",
                      merge=self.lock_minutes.merge_id(LOCK_STEP))

    def _retention_changed(self, days: int) -> None:
        save_undoably(self, self.db, RETENTION_ROWS, lambda: set_retention_days(self.db, days),
                      "Change the retention period", "the retention period",
                      self._setting_changed,
                      f"Closed cases are offered for deletion after {plural(days, 'day')}.",
                      merge=self.retention_days.merge_id(RETENTION_STEP))

    def _setting_changed(self) -> None:
        self.load()  # the idle lock follows its minutes
        self.hub.settingsChanged.emit()  # the Caseload view's offer follows the new period


def folder_url(folder: Path) -> QUrl:
    """The folder as a file URL made from its own bytes: QUrl.fromLocalFile(str) drops those of
    a name that is not UTF-8 and would open another folder, or none."""
    import os
    from urllib.parse import quote_from_bytes

    if os.name != "posix":  # Windows names are always Unicode
        return QUrl.fromLocalFile(str(folder))

    from core.common.paths import path_bytes

    return QUrl.fromEncoded(b"file://" + quote_from_bytes(path_bytes(folder)).encode("ascii"))
