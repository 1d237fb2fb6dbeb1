"""The steps behind Data & privacy that replace or delete data, each confirmed first.

The file is only ever replaced while its connection is closed; afterwards the same Database
object is pointed at the new file (core.store.database.reopen), so views keep their `db` and reload on
hub.dataReplaced. If a step fails, the original file is reopened unchanged.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from core.common import clock
from core.common.paths import shown_path
from core.common.words import plural
from core.store import encryption, writers_lock
from core.store.all_copies import change_encryption
from core.store.errors import UnfinishedError
from core.store.backup import backup_dir, restore_backup
from core.store.database import (
    PassphraseRequiredError,
    StorageError,
    WrongPassphraseError,
    close_for_replace,
    reopen,
)
from core.common.errors import ValidationError
from core.store.transactions import DataBusyError
from core.caseload.models import Case
from core.caseload.retention import closed_before, delete_all_data, delete_closed_cases_keeping, get_retention_days
from ui.settings.delete_all_dialog import DeleteAllDialog
from ui.shell.hub import Hub
from ui.shell.passphrase_dialog import PassphraseDialog

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No
MAX_LISTED = 30  # references named in a confirmation; the rest are counted


def references_text(cases: list[Case]) -> str:
    """"C07, C12 and C15"; a long list names the first MAX_LISTED and counts the rest."""
    refs = [c.reference for c in cases[:MAX_LISTED]]
    rest = len(cases) - len(refs)
    if rest:
        return f"{', '.join(refs)} and {rest} more"
    return refs[0] if len(refs) == 1 else f"{', '.join(refs[:-1])} and {refs[-1]}"


def kept_text(count: int, then: str = "") -> str:
    """What "Keep them" did, said: Return gave the safe answer, but silently."""
    which = f"the {plural(count, 'closed case')} are" if count != 1 else "the closed case is"
    return f"Nothing deleted: {which} kept.{then}"


def delete_closed_after_confirming(
    parent: QWidget, db: Database, hub: Hub, today: date | None = None, kept_then: str = ""
) -> list[Case]:
    """Name the cases past the retention period, ask, then delete them: the one confirmation
    Settings and the Caseload view's offer share. Returns the deleted cases (none if cancelled,
    which is said too, with `kept_then` after it)."""
    today = today or clock.today()  # fixed now, so midnight during the question adds nothing
    days = get_retention_days(db)
    due = closed_before(db, days, today)
    if not due:
        return []
    from ui.caseload.case_deletion_command import CasesDeletedCommand
    from ui.widgets.deletion_undo import undo_stack_of
    from ui.caseload.retention_review_dialog import RetentionReviewDialog

    # Each case with its closing date, then the question; Keep is the default. With the
    # window's undo stack, Ctrl+Z brings them back until the window closes.
    stack = undo_stack_of(parent)
    if not RetentionReviewDialog.confirm(parent, due, days, undoable=stack is not None):
        from ui.widgets.step_said import say_result

        say_result(parent, kept_text(len(due), kept_then))
        return []
    gone = delete_closed_cases_keeping(db, days, today)
    command = CasesDeletedCommand(db, hub, gone, parent)
    if stack is not None and gone:
        stack.push(command)
    hub.casesChanged.emit()
    deleted = [c for c in due if c.reference in set(gone.references)]
    if deleted:  # said wherever it was started from (the panel only changes its words)
        from ui.caseload.case_deletion_command import deleted_text
        from ui.widgets.step_said import say_step

        undo = " Undo with Ctrl+Z." if stack is not None else ""
        # In the status bar too; said once the question has given the keyboard back, so the
        # window coming back is not read over it.
        command.shown = say_step(parent, f"Deleted {deleted_text(len(deleted))}.{undo}",
                                 after_focus=True)
    return deleted


class DataActions:
    def __init__(self, parent: QWidget, db: Database, hub: Hub, db_path: Path, data_dir: Path):
        self.parent = parent
        self.db = db
        self.hub = hub
        self.db_path = db_path
        self.data_dir = data_dir

    def _key(self) -> str | None:
        conn = self.db.conn
        return conn.passphrase if isinstance(conn, encryption.CipherConnection) else None

    def _ask(self, title: str, text: str) -> bool:
        # Restore and encryption off replace the data file: No is the default answer.
        return QMessageBox.question(self.parent, title, text, Yes | QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.No) == Yes

    def _rekey(self, new: str | None) -> bool:
        """Close, rewrite the file under the new passphrase, reopen (the old one on failure).
        No command anywhere writes from the first read to the reopening (core.store
        .writers_lock); while one has the data open, nothing is changed and the window says so."""
        try:
            with writers_lock.rewriting(self.data_dir):
                return self._rekey_excluding_writers(new)
        except DataBusyError as exc:
            QMessageBox.warning(self.parent, "Nothing was changed", shown_path(str(exc)))
            return False

    def _rekey_excluding_writers(self, new: str | None) -> bool:
        old = self._key()
        QThreadPool.globalInstance().waitForDone(10000)  # no backup may be reading the file
        backup_dir(self.db, self.data_dir)  # the chosen folder is remembered before closing
        close_for_replace(self.db)
        key = old
        try:  # the data file, then every backup and kept copy in every folder ever used
            change_encryption(self.data_dir, old, new)
            key = new
        except (ValidationError, encryption.PassphraseError, encryption.DamagedCipherError,
                OSError) as exc:
            QMessageBox.warning(self.parent, "Nothing was changed", shown_path(str(exc)))
        try:
            reopen(self.db, self.db_path, key)
        except (PassphraseRequiredError, WrongPassphraseError):
            # The data file had changed before a copy failed; the copies follow at next start.
            key = new
            reopen(self.db, self.db_path, key)
        self.hub.settingsChanged.emit()
        return key == new

    def turn_encryption_on(self) -> bool:
        reason = encryption.unavailable_reason()
        if reason:
            QMessageBox.information(self.parent, "Encryption is not available", reason)
            return False
        passphrase = PassphraseDialog.get_new_passphrase(self.parent)
        return passphrase is not None and self._rekey(passphrase)

    def _confirm_current(self, title: str, action: str) -> bool:
        def check(text: str) -> str | None:
            if encryption.verify_passphrase(self.db, text):
                return None
            return "That is not your current passphrase. Please try again."

        return PassphraseDialog.get_passphrase(
            self.parent, title, "Enter your current passphrase.", check,
            action=action) is not None

    def change_passphrase(self) -> bool:
        if not self._confirm_current("Change passphrase", "Next"):
            return False
        new = PassphraseDialog.get_new_passphrase(self.parent, "New passphrase",
                                                  "Choose the new passphrase.")
        return new is not None and self._rekey(new)

    def turn_encryption_off(self) -> bool:
        if not self._confirm_current("Turn encryption off", "Turn encryption off"):
            return False
        if not self._ask("Turn encryption off?", "Your data file will be saved without "
                         "encryption, and so will its backups and earlier copies."):
            return False
        return self._rekey(None)

    def restore(self, source: Path) -> bool:
        if not self._ask("Restore this backup?",
                         f"Replace your current data with the backup {source.name}? Your current "
                         "data is kept as a backup first, so this can be undone by restoring "
                         "that."):
            return False
        try:
            with writers_lock.rewriting(self.data_dir):  # the restore and any re-key after it
                return self._restore_excluding_writers(source)
        except DataBusyError as exc:
            QMessageBox.warning(self.parent, "That backup was not restored", shown_path(str(exc)))
            return False

    def _restore_excluding_writers(self, source: Path) -> bool:
        current = self._key()
        passphrase = current
        QThreadPool.globalInstance().waitForDone(10000)
        close_for_replace(self.db)
        restored = False
        try:
            while True:
                try:
                    result = restore_backup(source, self.db_path, passphrase)
                    restored = True
                    break
                except (PassphraseRequiredError, WrongPassphraseError):
                    passphrase = PassphraseDialog.get_passphrase(
                        self.parent, "Backup passphrase",
                        "That backup is encrypted with a different passphrase. Enter the "
                        "passphrase it was made with.", action="Restore")
                    if passphrase is None:
                        passphrase = current
                        break
                except (StorageError, OSError) as exc:
                    QMessageBox.warning(self.parent, "That backup was not restored", shown_path(str(exc)))
                    break
            if restored and current is not None and passphrase != current or (
                    restored and current is not None
                    and not encryption.file_is_encrypted(self.db_path)):
                # Keep the practitioner's current choice: encrypted, under today's passphrase.
                was = passphrase if encryption.file_is_encrypted(self.db_path) else None
                encryption.rekey_file(self.db_path, was, current)
                passphrase = current
        finally:
            reopen(self.db, self.db_path, passphrase if restored else current)
        if restored:
            self.hub.dataReplaced.emit()
            QMessageBox.information(self.parent, "Backup restored",
                                    f"Your data now comes from {source.name}. The data it "
                                    f"replaced was kept at {result.previous_data}.")
        return restored

    def delete_closed_cases(self) -> bool:
        return bool(delete_closed_after_confirming(self.parent, self.db, self.hub))

    def delete_all(self) -> bool:
        include_backups = DeleteAllDialog.get_choice(self.parent)
        if include_backups is None:
            return False
        QThreadPool.globalInstance().waitForDone(10000)
        folder = backup_dir(self.db, self.data_dir)
        try:
            delete_all_data(self.db, self.data_dir, [folder], include_backups)
        except (DataBusyError, UnfinishedError) as exc:  # busy: nothing was deleted
            self.hub.dataReplaced.emit()
            QMessageBox.warning(self.parent, "Delete all", shown_path(str(exc)))
            return False
        self.hub.dataReplaced.emit()
        QMessageBox.information(self.parent, "Your data has been deleted",
                                "All your data has been deleted from this computer.")
        return True
