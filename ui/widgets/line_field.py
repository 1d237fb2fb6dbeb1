"""A one-line text field that a screen reader reads whole.

Orca 43 read every QLineEdit one character short as the focus reached it or it read the line:
"20m tra." for `20m trav`, "C0" for `C07`, "supervision-2026-12-07.pd." for the Export file
name. Qt's accessible for a line edit answers AT-SPI's GetAttributeRun(offset) with an empty run
(start = end = offset) at every offset; Orca joins the runs to find the line's languages and
ends where the last run ends, one before the last character. Qt's accessible for a multi-line
field gives runs that hold their offset, and Orca reads it whole; Python cannot give a line edit
attribute runs of its own (PySide6 leaves out the out-parameters `attributes` needs).

So this is a QPlainTextEdit that looks and behaves as a line edit: one line high as a line edit
is, drawn with the line edit's own frame and focus ring (the style's PE_PanelLineEdit, so the
dark and high-contrast looks edge it the same), no wrapping and no scroll bars; Return and
Enter are never typed but emit `returnPressed` and go on to the dialog (its default button), as
a line edit's do; a pasted line break becomes a space; Tab moves on and, arriving by Tab, the
text is selected just after the field is said (ui.widgets.tab_into_text does the same for a
QLineEdit). It has the parts of QLineEdit's API the app uses: text(), setText(), setMaxLength(),
setValidator(), cursorPosition(), hasSelectedText(), textEdited(str), editingFinished and a
clear button. Passwords stay QLineEdits: Orca does not read their text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QValidator
from PySide6.QtWidgets import (
    QFrame,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)
from ui.widgets.qt_guard import qt_override

_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PASSED_ON = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
              Qt.Key.Key_Tab, Qt.Key.Key_Backtab)  # never typed: Tab moves on (QWidget.event)
_SELECTING = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
              Qt.FocusReason.ShortcutFocusReason)
_KEEPS_SELECTION = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_H_MARGIN, _V_MARGIN = 2, 1  # QLineEditPrivate's horizontal and vertical margins


def one_line(text: str) -> str:
    """Each line break (and tab) as a space: what a one-line field keeps of pasted text."""
    text = text.replace("\r\n", "\n")
    return "".join(" " if c in "\r\n\t\u2028\u2029" else c for c in text)


class LineField(QPlainTextEdit):
    """A one-line text field, read whole by a screen reader (see the module's text)."""

    returnPressed = Signal()
    editingFinished = Signal()
    textEdited = Signal(str)

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._max_length = 32767
        self._validator: QValidator | None = None
        self._setting = False
        self._unfinished = False
        self._clear: QToolButton | None = None
        self._select_on_focus = False  # selectAll() while unfocused: shown as the focus comes
        self._placeholder = ""
        self._frame = True
        self.setFrameShape(QFrame.Shape.NoFrame)  # the line edit's frame is drawn in event()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(0)
        self.document().clearUndoRedoStacks()  # the margin's change is no typing to undo
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed,
                                       QSizePolicy.ControlType.LineEdit))
        self.document().contentsChange.connect(self._changed)
        if text:
            self.setText(text)

    # QLineEdit's API, as the app uses it
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit's
        """The text, with no history to undo (as a line edit's), the caret at its end."""
        self._setting = True
        try:
            self.setPlainText(one_line(text)[:self._max_length])
        finally:
            self._setting = False
        self.moveCursor(self.textCursor().MoveOperation.End)
        self._unfinished = False
        self._select_on_focus = False

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - as QLineEdit's
        self._placeholder = text
        self._elide_placeholder()

    def placeholderText(self) -> str:  # noqa: N802 - as QLineEdit's
        return self._placeholder

    def _elide_placeholder(self) -> None:
        """Cut with "…" to the field's width, as a line edit's (a multi-line field wraps it)."""
        width = self.viewport().width()
        shown = self.fontMetrics().elidedText(self._placeholder, Qt.TextElideMode.ElideRight,
                                               width) if width > 0 else self._placeholder
        if shown != super().placeholderText():
            super().setPlaceholderText(shown)

    def setFrame(self, on: bool) -> None:  # noqa: N802 - as QLineEdit's
        """With a frame (the default), or without: a table cell's editor has none."""
        self._frame = on
        self._place()
        self.update()

    def hasFrame(self) -> bool:  # noqa: N802 - as QLineEdit's
        return self._frame

    def setMaxLength(self, length: int) -> None:  # noqa: N802 - as QLineEdit's
        self._max_length = length
        if len(self.text()) > length:
            self.setText(self.text())

    def maxLength(self) -> int:  # noqa: N802 - as QLineEdit's
        return self._max_length

    def setValidator(self, validator: QValidator | None) -> None:  # noqa: N802
        """Typing or pasting that the validator calls Invalid is not taken, as in a line edit."""
        self._validator = validator

    def hasAcceptableInput(self) -> bool:  # noqa: N802 - as QLineEdit's
        if self._validator is None:
            return True
        state = self._validator.validate(self.text(), self.cursorPosition())
        state = state[0] if isinstance(state, tuple) else state
        return state == QValidator.State.Acceptable

    def clear(self) -> None:
        self.setText("")

    def cursorPosition(self) -> int:  # noqa: N802 - as QLineEdit's
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 - as QLineEdit's
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.text()))))
        self.setTextCursor(cursor)

    def home(self, mark: bool) -> None:
        self._move(self.textCursor().MoveOperation.Start, mark)

    def end(self, mark: bool) -> None:
        self._move(self.textCursor().MoveOperation.End, mark)

    def _move(self, where, mark: bool) -> None:  # type: ignore[no-untyped-def]
        cursor = self.textCursor()
        cursor.movePosition(where, cursor.MoveMode.KeepAnchor if mark else cursor.MoveMode.MoveAnchor)
        self.setTextCursor(cursor)

    def selectAll(self) -> None:  # noqa: N802 - as QLineEdit's
        """Selected now with the keyboard here; else once it comes (a line edit draws no
        selection without the keyboard, this field would draw it greyed)."""
        if self.hasFocus():
            super().selectAll()
        else:
            self._select_on_focus = bool(self.text())

    def hasSelectedText(self) -> bool:  # noqa: N802 - as QLineEdit's
        return self.textCursor().hasSelection() or self._select_on_focus

    def selectedText(self) -> str:  # noqa: N802 - as QLineEdit's
        if self._select_on_focus and not self.textCursor().hasSelection():
            return self.text()
        return one_line(self.textCursor().selectedText())

    def isUndoAvailable(self) -> bool:  # noqa: N802 - as QLineEdit's
        return self.document().isUndoAvailable()

    def isRedoAvailable(self) -> bool:  # noqa: N802 - as QLineEdit's
        return self.document().isRedoAvailable()

    def setClearButtonEnabled(self, on: bool) -> None:  # noqa: N802 - as QLineEdit's
        """A button at the field's end that clears it, shown while there is text."""
        if on and self._clear is None:
            button = self._clear = QToolButton(self)
            button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.ArrowCursor)
            button.setAccessibleName("Clear text")
            button.setStyleSheet("QToolButton { border: none; padding: 0px; }")
            button.clicked.connect(self._clear_clicked)
            self.textChanged.connect(self._show_clear)
        elif not on and self._clear is not None:
            self._clear.deleteLater()
            self._clear = None
        self._place()

    # Size and look: a line edit's
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        self.ensurePolished()
        metrics = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        height = max(metrics.height(), max(14, icon - 2)) + 2 * _V_MARGIN
        width = metrics.horizontalAdvance("x") * 17 + 2 * _H_MARGIN
        return self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, self._panel(),
                                             QSize(width, height), self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.sizeHint()
        return QSize(self.fontMetrics().maxWidth() + 2 * _H_MARGIN, hint.height())

    def _panel(self) -> QStyleOptionFrame:
        option = QStyleOptionFrame()
        option.initFrom(self)
        option.rect = self.rect()
        option.lineWidth = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth,
                                                    option, self) if self._frame else 0
        option.midLineWidth = 0
        option.state |= QStyle.StateFlag.State_Sunken
        if self.isReadOnly():
            option.state |= QStyle.StateFlag.State_ReadOnly
        return option

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            painter = QPainter(self)
            if not self._frame:  # a cell's editor: the base colour over the cell, no edge
                painter.fillRect(self.rect(), self.palette().base())
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, self._panel(),
                                       painter, self)
            painter.end()
            return True
        if kind in (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange,
                    QEvent.Type.Polish):
            result = super().event(event)
            self._place()
            return result
        return super().event(event)

    def _place(self) -> None:
        """The text where a line edit draws it: inside the style's contents rectangle, a
        2-pixel margin each side, the line centred in the height."""
        contents = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents,
                                               self._panel(), self)
        if not contents.isValid():
            return
        line = self.fontMetrics().height()
        top = contents.y() + max(0, (contents.height() - line + 1) // 2)
        right = self.width() - contents.right() - 1 + _H_MARGIN
        if self._clear is not None:
            side = contents.height()  # where a line edit puts its own clear button
            self._clear.setGeometry(contents.right() - side - 3, contents.y(), side, side)
            self._clear.setIconSize(QSize(side - 4, side - 4))
            if self._clear_shown():
                right += side + 4  # the text keeps clear of it; the placeholder not
        bottom = max(0, self.height() - top - max(line, contents.bottom() + 1 - top))
        self.setViewportMargins(contents.x() + _H_MARGIN, top, right, bottom)
        self._elide_placeholder()

    # Keys, paste and focus: a line edit's
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._selected_now()
        key = event.key()
        if key in _RETURN:
            if self.hasAcceptableInput():
                self.returnPressed.emit()
                self._finish()
            event.ignore()  # on to the dialog, as from a line edit: its default button
            return
        if key in _PASSED_ON:
            event.ignore()
            return
        typed = event.text()
        held = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
            | Qt.KeyboardModifier.MetaModifier
        if typed.isprintable() and typed and not event.modifiers() & held \
                and not self._takes(typed):
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()  # on to whatever scrolls around the field

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        self._selected_now()
        if source.hasText():
            text = one_line(source.text())
            if self._takes(text):
                self.insertPlainText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()
        self._selected_now()
        if event.reason() in _SELECTING and self.text() and not self.hasSelectedText():
            QTimer.singleShot(0, self, self._select_on_arrival)

    @qt_override
    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() not in _KEEPS_SELECTION:
            cursor = self.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                self.setTextCursor(cursor)
            self._select_on_focus = False
            if self._unfinished and self.hasAcceptableInput():
                self._finish()
        self.update()

    def _selected_now(self) -> None:
        """The selection asked for while unfocused, made now (the keyboard came, or keys)."""
        if self._select_on_focus:
            self._select_on_focus = False
            super().selectAll()

    def _select_on_arrival(self) -> None:
        if self.hasFocus() and not self.hasSelectedText():
            self.selectAll()

    def _finish(self) -> None:
        self._unfinished = False
        self.editingFinished.emit()

    def _takes(self, typed: str) -> bool:
        """Whether typing (or pasting) `typed` over the selection keeps the text valid."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.text()
        after = text[:start] + typed + text[end:]
        if len(after) > self._max_length and len(text) - (end - start) >= self._max_length:
            return False
        if self._validator is None:
            return True
        state = self._validator.validate(after[:self._max_length], start + len(typed))
        state = state[0] if isinstance(state, tuple) else state
        return state != QValidator.State.Invalid

    def _changed(self, position: int, _removed: int, added: int) -> None:
        over = len(self.text()) - self._max_length
        if over > 0 and added:  # typed or pasted past the end: cut what does not fit
            cursor = self.textCursor()
            cursor.setPosition(max(position, position + added - over))
            cursor.setPosition(position + added, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return
        if not self._setting:
            self._unfinished = True
            self.textEdited.emit(self.text())

    def _clear_shown(self) -> bool:
        if self._clear is None:
            return False
        shown = bool(self.text()) and not self.isReadOnly()
        self._clear.setVisible(shown)
        return shown

    def _show_clear(self) -> None:
        if self._clear is not None:
            was = self._clear.isVisibleTo(self)
            if self._clear_shown() != was:
                self._place()

    def _clear_clicked(self) -> None:
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.removeSelectedText()  # undoable, and said as edited (_changed)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

