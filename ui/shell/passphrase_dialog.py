"""Asking for a passphrase: to unlock (a wrong one is met calmly, with another try) or a new one."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.store.encryption import passphrase_problems
from ui.widgets.announce import announce_error
from ui.widgets.secret_field import SecretField

# check(passphrase) -> None when it opens the data, else a calm sentence to show.
Checker = Callable[[str], str | None]


class PassphraseDialog(QDialog):
    """Unlock mode (one field, checked by `check`) or new mode (twice, with the rules shown)."""

    RECOVERY = 2  # result code when "Recovery options…" was chosen

    def __init__(self, parent: QWidget | None, title: str, message: str, *, new: bool = False,
                 check: Checker | None = None, recovery: bool = False, action: str = ""):
        super().__init__(parent)
        self._new = new
        self._check = check
        self._recovery = recovery
        self._action = action  # the OK button's words: what the passphrase is asked for
        self._typed = ""
        self.setWindowTitle(title)
        self._build_ui(message)
        self._connect_signals()

    def _build_ui(self, message: str) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(message)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.field = SecretField()  # its keys never go out on the accessibility bus
        self.field.setAccessibleName("Passphrase")
        self.field.setMinimumWidth(320)
        form.addRow("&Passphrase:", self.field)
        self.confirm = SecretField()
        self.confirm.setAccessibleName("Passphrase again")
        if self._new:
            form.addRow("&Again:", self.confirm)
        layout.addLayout(form)
        if self._new:
            rules = QLabel(
                "At least 8 characters; a short sentence is easy to remember and hard to guess. "
                "There is no way to recover data if the passphrase is forgotten, so keep your "
                "backups and the passphrase safe."
            )
            rules.setWordWrap(True)
            layout.addWidget(rules)
        self.error = QLabel("")
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self._action or ("Set passphrase" if self._new else "Unlock"))
        self.recovery_button: QPushButton | None = None
        if self._recovery:
            self.recovery_button = self.buttons.addButton(
                "Recovery options…", QDialogButtonBox.ButtonRole.ResetRole
            )
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        if self.recovery_button is not None:
            self.recovery_button.clicked.connect(lambda: self.done(self.RECOVERY))

    def passphrase(self) -> str:
        """What was typed, while the dialog is open; once it has closed, what was accepted."""
        return self.field.secret() if self.isVisible() else self._typed

    def done(self, result: int) -> None:
        """Closing leaves nothing typed behind: the fields and the last error are emptied (the
        start-up Unlock stayed in the accessibility tree all session with its passphrase still
        in its field). Whoever opened the dialog deletes it once it has its answer (`ask`)."""
        self._typed = self.field.secret() if result == QDialog.DialogCode.Accepted else ""
        for field in (self.field, self.confirm):
            field.setText("")  # with its history: no passphrase kept for Ctrl+Z
        self.error.clear()
        super().done(result)

    def ask(self) -> int:
        """Show the dialog until it is answered, then delete it (its answer is kept: `passphrase`);
        the result code."""
        result = self.exec()
        self.deleteLater()
        return result

    def try_accept(self) -> None:
        text = self.field.secret()
        if self._new:
            problems = passphrase_problems(text)
            if not problems and text != self.confirm.secret():
                problems = ["The two passphrases are not the same; please type them again."]
            if problems:
                self.error.setText(" ".join(problems))
                announce_error(self, self.error.text())
                return
        elif self._check is not None:
            message = self._check(text)
            if message:
                self.error.setText(message)
                announce_error(self, message)
                self.field.selectAll()
                self.field.setFocus()
                return
        self.accept()

    @classmethod
    def get_passphrase(cls, parent: QWidget | None, title: str, message: str,
                       check: Checker | None = None, action: str = "") -> str | None:
        """Ask until `check` accepts (or Cancel): returns the passphrase or None. `action` names
        the button for what the passphrase is for ("Turn encryption off"); Unlock by default."""
        dialog = cls(parent, title, message, check=check, action=action)
        return dialog.passphrase() if dialog.ask() == QDialog.DialogCode.Accepted else None

    @classmethod
    def get_new_passphrase(cls, parent: QWidget | None, title: str = "Choose a passphrase",
                           message: str = "Your data will be encrypted with this passphrase.") \
            -> str | None:
        dialog = cls(parent, title, message, new=True)
        return dialog.passphrase() if dialog.ask() == QDialog.DialogCode.Accepted else None
