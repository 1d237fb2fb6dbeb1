"""The pieces of a page to read (help, a preview): a read-only document, headings, links and
tables, each of which reaches a screen reader as what it is.

A QTextBrowser reaches Linux's accessibility bus as a label, its tables as cells run together
with invisible frame marks, its links not at all (Qt's AT-SPI bridge has no Hypertext). So:
prose is a `ReadingText` (a read-only QTextEdit: a multi-line, read-only text whose lines a
screen reader reads as the caret moves), never holding a table or a link; a table is a real
table view with its column headings; a heading is a `Heading`; a link is a `LinkButton`, a
named, focusable object with the role of a link and a Press action.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTextEdit,
    QWidget,
)

from ui.widgets import reading_accessible
from ui.widgets.form_helpers import configure_table
from ui.widgets.list_table_model import Column, ListTableModel

Row = tuple[str, ...]


class ReadingText(QTextEdit):
    """A read-only document. With `fit`, as tall as its text (for a page that scrolls as a
    whole), else it scrolls itself. Tab leaves it; the arrow keys move a reading caret."""

    def __init__(self, name: str, html: str = "", fit: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTabChangesFocus(True)
        self.setAccessibleName(name)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(12)
        self._fit = fit
        if fit:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        if html:
            self.setHtml(html)
        # Where the caret is not enough to show that the text has the keyboard: an edge.
        self.setStyleSheet("ReadingText { border: 2px solid transparent; background: transparent; }"
                           " ReadingText:focus { border-color: palette(highlight); }"
                           if fit else "")

    def _fit_height(self, *_args: object) -> None:
        height = int(self.document().size().height() + 0.999) + 2 * self.frameWidth() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def go_to_anchor(self, name: str) -> bool:
        """Scroll `name` (an `<a name>`) to the top and put the reading caret there, so a
        screen reader reads on from it; False when there is no such anchor."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and name in fragment.charFormat().anchorNames():
                    cursor = QTextCursor(block)
                    self.setTextCursor(cursor)
                    self.scrollToAnchor(name)
                    self.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
                iterator += 1
            block = block.next()
        return False


class Heading(QLabel):
    """A heading of a page: larger and bold, and a heading to a screen reader."""

    def __init__(self, text: str, scale: float = 1.15, parent: QWidget | None = None):
        super().__init__(parent)
        reading_accessible.mark(self, reading_accessible.HEADING_PROPERTY)
        self.setText(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.setFont(font)


class LinkButton(QPushButton):
    """Words in the link colour, underlined, that take the keyboard and are followed by
    Return, Space or a click; a link to a screen reader."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        reading_accessible.mark(self, reading_accessible.LINK_PROPERTY)
        self.setText(text)
        self.setAutoDefault(False)  # Return follows the link that has focus, nothing else
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QPushButton { color: palette(link); text-decoration: underline; text-align: left;"
            " background: transparent; border: 2px solid transparent; border-radius: 3px;"
            " padding: 1px 3px; }"
            "QPushButton:focus { border-color: palette(window-text); }"
            "QPushButton:hover { border-bottom-color: palette(link); }")

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()  # as a link is followed, and as the focused button is pressed
            return
        super().keyPressEvent(event)


def reading_table(name: str, headers: Sequence[str], rows: Sequence[Row], fit: bool = False,
                  stretch: int = -1, parent: QWidget | None = None) -> QTableView:
    """A read-only table a screen reader reads as a table, with its column headings. Column
    `stretch` (the last unless said) takes the room left and wraps; the others are as wide
    as what they hold. With `fit`, as tall as its rows."""
    model: ListTableModel[Row] = ListTableModel(
        [Column(h, lambda row, i=i: row[i] if i < len(row) else "") for i, h in enumerate(headers)],
        parent)
    model.set_items(list(rows))
    view = QTableView(parent)
    model.setParent(view)
    view.setModel(model)
    configure_table(view, "readingTable")
    view.setAccessibleName(name)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setWordWrap(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = view.horizontalHeader()
    stretch = stretch % len(headers)
    for column in range(len(headers)):
        mode = (QHeaderView.ResizeMode.Stretch if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(column, mode)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if fit:
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


def table_model(view: QTableView) -> ListTableModel[Row]:
    return view.model()  # type: ignore[return-value]
