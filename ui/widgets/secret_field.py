"""A passphrase field that never hands what is typed to assistive technology.

Qt's QLineEdit in Password mode shows bullets and reads as bullets to a screen reader, but each
key typed goes out on the accessibility bus (AT-SPI `object:text-changed:insert`) with the real
character in it: any program listening on the bus could log the passphrase, key by key, as the
lock screen was typed in. Qt offers no setting against it (the event is sent by the field's own
editing code, whatever its accessible), so here the field itself holds only bullets: each
character typed or pasted is kept aside and a bullet is put in its place, and the bus sees
bullets inserted. The field is still a password field to a screen reader ("Passphrase:
password text") and counts as many characters as were typed.

`secret()` is what was typed; `text()` is bullets. Text put in whole (`setText`, from code or
a screen reader's set-text) becomes the secret, and is shown as bullets at once. Undo and redo
are off: what they would bring back is not the field's to know (the lock's wrong-passphrase
message cleared the history for the same reason).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

MASK = "\u25cf"  # the bullet Qt itself shows and reads for a password field
_NOT_TYPING = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier)


class SecretField(QLineEdit):
    """A Password-mode line edit whose own text is bullets; `secret()` is what was typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._secret = ""
        self._busy = False  # changing the bullets ourselves
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAcceptDrops(False)  # a drop inserts its text as it is
        self.textChanged.connect(self._changed)

    def secret(self) -> str:
        return self._secret

    # --- what comes in ------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste):
            self._insert(QGuiApplication.clipboard().text())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo) \
                or event.matches(QKeySequence.StandardKey.Redo):
            event.accept()
            return
        text = event.text()
        modifiers = event.modifiers() & _NOT_TYPING
        typed = not modifiers or modifiers == (Qt.KeyboardModifier.ControlModifier
                                               | Qt.KeyboardModifier.AltModifier)  # AltGr
        if text and typed and all(c.isprintable() for c in text):
            self._insert(text)
            event.accept()
            return
        alt_only = modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier) \
            and not modifiers & Qt.KeyboardModifier.ControlModifier
        if text and alt_only and all(c.isprintable() for c in text):
            # Alt+F (a menu, greyed on the lock screen) or another shortcut's letter never
            # types: Qt's field put the letter in, a hidden character nobody had typed.
            event.ignore()
            return
        # Backspace, Delete, a word or the line deleted: the field moves its cursor only after
        # saying its text changed, so what went is worked out once the key is done.
        start = self.selectionStart() if self.hasSelectedText() else -1
        before = len(self.text())
        self._busy = True
        try:
            super().keyPressEvent(event)
        finally:
            self._busy = False
        gone = before - len(self.text())
        if gone > 0:
            at = start if start >= 0 else self.cursorPosition()
            self._secret = self._secret[:at] + self._secret[at + gone:]

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt override
        """An input method's finished words (Qt turns them off for a password, but a platform
        may not): kept aside like typed keys; what it is still composing is never shown."""
        if event.commitString():
            self._insert(event.commitString())
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        clipboard = QGuiApplication.clipboard()
        if event.button() == Qt.MouseButton.MiddleButton and clipboard.supportsSelection():
            self._insert(clipboard.text(QClipboard.Mode.Selection))  # X11's middle-click paste
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            name = action.objectName()
            if name == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(lambda: self._insert(QGuiApplication.clipboard().text()))
            elif name == "edit-delete":
                action.triggered.disconnect()
                action.triggered.connect(lambda: self._insert("", replace=True))
            elif name in ("edit-undo", "edit-redo"):
                action.setEnabled(False)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def _insert(self, text: str, replace: bool = False) -> None:
        """`text` in place of the selection (or at the cursor), as bullets; one line only.
        `replace`: the selection goes even with nothing to put in its place (Delete)."""
        text = "".join(c for c in text.splitlines()[0] if c.isprintable()) if text else ""
        if (not text and not (replace and self.hasSelectedText())) or self.isReadOnly():
            return
        if self.hasSelectedText():
            start = self.selectionStart()
            end = start + len(self.selectedText())
        else:
            start = end = self.cursorPosition()
        room = self.maxLength() - (len(self._secret) - (end - start))
        text = text[:max(0, room)]
        if not text and not replace:
            return
        self._secret = self._secret[:start] + text + self._secret[end:]
        self._busy = True
        try:
            self.insert(MASK * len(text))  # the bus is told of bullets
        finally:
            self._busy = False

    def _changed(self, shown: str) -> None:
        """Text put in whole (`setText`, a screen reader's set-text) is the secret, shown as
        bullets; emptied (`clear`), nothing is."""
        if self._busy:
            return
        if any(c != MASK for c in shown):
            at = self.cursorPosition()
            self._secret = shown
            self._busy = True
            try:
                self.setText(MASK * len(shown))
                self.setCursorPosition(at)
            finally:
                self._busy = False
            return
        if len(shown) != len(self._secret):  # bullets from nowhere we know: start again
            self._secret = ""
            self._busy = True
            try:
                self.clear()
            finally:
                self._busy = False
