"""Shown instead of the main window when the data file is damaged: restore a backup, or set the
damaged file aside and start fresh. The damaged file is never overwritten or deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.common.paths import shown_path
from core.store.backup import list_backups, restore_backup
from core.store.database import PassphraseRequiredError, StorageError, WrongPassphraseError
from core.store.fileops import set_aside
from ui.widgets.backup_table_model import BACKUP_ROLE, backup_table
from ui.shell.passphrase_dialog import PassphraseDialog

RESTORED, FRESH = "restored", "fresh"


class RecoveryScreen(QDialog):
    """`RecoveryScreen.run(parent, db_path, folder)` -> "restored", "fresh" or None (quit)."""

    def __init__(self, db_path: Path, backup_folder: Path, message: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db_path = db_path
        self._folder = backup_folder
        self.outcome: str | None = None
        self.result_note = ""
        self._build_ui(message)
        self._connect_signals()
        self.model.set_backups(list_backups(backup_folder))
        self._update_buttons()

    def _build_ui(self, message: str) -> None:
        self.setWindowTitle("Your data needs attention")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        title = QLabel("Your data file could not be opened")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        layout.addWidget(title)
        body = QLabel(
            f"{message}\n\nNothing has been changed or deleted. You can restore one of your "
            "backups, or move the damaged file aside (it is kept, renamed, in the same folder) "
            "and start with empty data."
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(body)
        self.model, self.proxy, self.table = backup_table(self)
        self.empty = QLabel(f"No backups were found in {shown_path(self._folder)}.")
        layout.addWidget(QLabel(f"Backups in {shown_path(self._folder)}:"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.restore_button = QPushButton("&Restore selected backup")
        self.browse_button = QPushButton("Choose a backup &file…")
        self.fresh_button = QPushButton("&Move damaged file aside and start fresh")
        self.quit_button = QPushButton("&Quit")
        for button in (self.restore_button, self.browse_button, self.fresh_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        layout.addLayout(row)

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(self._restore_selected)
        self.browse_button.clicked.connect(self._browse)
        self.fresh_button.clicked.connect(self._start_fresh)
        self.quit_button.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self._restore_selected())

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.restore_button.setEnabled(self.table.selectionModel().hasSelection())

    def _selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(BACKUP_ROLE).path if rows else None

    def _restore_selected(self) -> None:
        path = self._selected()
        if path is not None:
            self.restore(path)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a backup", str(self._folder), "Backups (*.db);;All files (*)"
        )
        if name:
            self.restore(Path(name))

    def restore(self, source: Path) -> bool:
        answer = QMessageBox.question(
            self, "Restore this backup?",
            f"Restore the backup {source.name}? The damaged file will be kept, renamed, "
            "beside it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        passphrase: str | None = None
        while True:
            try:
                result = restore_backup(source, self._db_path, passphrase)
                break
            except (PassphraseRequiredError, WrongPassphraseError) as exc:
                message = "That backup is encrypted." if isinstance(
                    exc, PassphraseRequiredError) else str(exc)
                passphrase = PassphraseDialog.get_passphrase(
                    self, "Backup passphrase", f"{message} Enter the passphrase it was made with.",
                    action="Restore")
                if passphrase is None:
                    return False
            except (StorageError, OSError) as exc:
                QMessageBox.warning(self, "That backup was not restored", shown_path(str(exc)))
                return False
        self.result_note = f"Your damaged file was kept at {result.previous_data}."
        self.outcome = RESTORED
        self.accept()
        return True

    def _start_fresh(self) -> None:
        answer = QMessageBox.question(
            self, "Start fresh?",
            "Move the damaged file aside and start with empty data? The damaged file is kept, "
            "renamed, in the same folder, in case it can be rescued later.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            kept = set_aside(self._db_path)
        except OSError as exc:
            QMessageBox.warning(self, "The file could not be moved", shown_path(str(exc)))
            return
        self.result_note = f"The damaged file was kept at {kept}."
        self.outcome = FRESH
        self.accept()

    @classmethod
    def run(cls, parent: QWidget | None, db_path: Path, backup_folder: Path,
            message: str) -> str | None:
        screen = cls(db_path, backup_folder, message, parent)
        screen.exec()
        return screen.outcome
