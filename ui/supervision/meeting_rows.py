"""The rows the meeting view pages through: a sentence, a note to tick, an action to mark."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from core.supervision.sessions import Action
from ui.widgets.date_fields import format_date
from ui.widgets.dialog_keys import DESTROYS

# The meeting's type, as multiples of the system font: read across a room or on a projector.
BODY_SCALE = 1.6
TITLE_SCALE = 2.2
# Below this many logical pixels of height (a 1280×800 screen at 200% has 400), the large type
# leaves no room for the topic's rows: the meeting falls back to the system's own size.
COMPACT_BELOW = 560
COMPACT_SCALE = 1.0


def _points(scale: float) -> float:
    font = QApplication.font()  # the system font, which follows the user's own font size
    size = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return size * scale


def meeting_stylesheet(compact: bool = False) -> str:
    """Type sizes for the meeting view and everything in it. A style sheet, not setFont: under
    the app's style sheet a parent's font does not reach its children. `compact`: the
    system's size (titles a little larger), for a window too small for the large type."""
    body = COMPACT_SCALE if compact else BODY_SCALE
    title = COMPACT_SCALE * 1.3 if compact else TITLE_SCALE
    # Tick boxes as tall as the words beside them, so a tick reads across the room; sized
    # here, they are drawn by the app's own style, in the look in use (a proxy style of their
    # own drew them in plain Fusion: on the dark and high-contrast dark windows, no box at all).
    font = QApplication.font()
    font.setPointSizeF(_points(body))
    tick = QFontMetrics(font).height()
    return (f"QWidget {{ font-size: {_points(body):.1f}pt; }}\n"
            f"QCheckBox::indicator {{ width: {tick}px; height: {tick}px; }}\n"
            f"QLabel#meetingTitle {{ font-size: {_points(title):.1f}pt; "
            "font-weight: 600; }\n"
            f"QLabel#topicTitle {{ font-size: {_points(body * 1.25):.1f}pt; "
            "font-weight: 600; }\n")


def shortened(text: str, limit: int = 60) -> str:
    """`text` on one line, cut at a word before `limit` characters with "…" when longer."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class Row(QWidget):
    """A row of the meeting: `label` holds its words; `height_for(width)` is what paging needs."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = _label(text)
        self.lead = 0  # room taken left of the words (a tick box)
        self.trail = 0  # room taken right of the words (hours, buttons)
        self.row_layout = QHBoxLayout(self)
        self.row_layout.setContentsMargins(0, 4, 0, 4)
        self.row_layout.setSpacing(16)

    def height_for(self, width: int) -> int:
        """The row's height at `width` pixels: its words wrapped, or its tallest control."""
        self.ensurePolished()  # the meeting's type size comes from its style sheet
        for child in self.findChildren(QWidget):
            child.ensurePolished()
        words = self.label.heightForWidth(max(100, width - self.lead - self.trail - 32))
        controls = [self.row_layout.itemAt(i).widget() for i in range(self.row_layout.count())]
        tallest = max((w.sizeHint().height() for w in controls if w and w is not self.label),
                      default=0)
        return max(words, tallest) + 8


class TextRow(Row):
    """A sentence, or a table line with `right` (hours) at the end."""

    def __init__(self, text: str, right: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.right = right
        self.row_layout.addWidget(self.label, 1)
        if right:
            hours = QLabel(right)
            hours.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.row_layout.addWidget(hours)
            self.trail = hours.sizeHint().width() + 16


class NoteRow(Row):
    """An agenda note with a "Discussed" tick; clicking the words ticks it too.

    Signals:
        toggled(int, bool): the note's id and whether it is now ticked.
    """

    toggled = Signal(int, bool)

    def __init__(self, item_id: int, text: str, checked: bool, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.item_id = item_id
        self.check = QCheckBox()
        # The tick's name carries the note, so a screen reader says which note is ticked.
        self.check.setAccessibleName(f"Discussed: {shortened(text)}")
        self.check.setChecked(checked)
        self.check.toggled.connect(lambda on: self.toggled.emit(self.item_id, on))
        self.label.setBuddy(self.check)
        self.row_layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        self.row_layout.addWidget(self.label, 1)
        self.lead = self.check.sizeHint().width() + 16

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.check.toggle()
        self.check.setFocus()
        event.accept()


class ActionRow(Row):
    """A carried-forward action (Done / Dropped, clicked again to leave it open), or one agreed
    in this meeting (Remove).

    Signals:
        statusChosen(int, object): the action's id and "done", "dropped" or None.
        removed(int): the index of an action agreed in this meeting.
    """

    statusChosen = Signal(int, object)
    removed = Signal(int)

    def __init__(self, action: Action, status: str | None = None, new_index: int | None = None,
                 parent: QWidget | None = None):
        owner = action.owner or "no owner"
        due = f", due {format_date(action.due_date)}" if action.due_date else ""
        prefix = "Agreed today: " if new_index is not None else ""
        super().__init__(f"{prefix}{action.text} ({owner}{due})", parent)
        self.action = action
        self.row_layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        if new_index is not None:
            remove = QPushButton("Remove")
            remove.setProperty(DESTROYS, True)  # Space removes; Return says so
            remove.clicked.connect(lambda: self.removed.emit(new_index))
            self.buttons["remove"] = remove
        else:
            # No QButtonGroup: a group made Tab stop on its first button only, so "Dropped"
            # was out of keyboard reach. `_chosen` keeps the two apart instead.
            for status_key, text in (("done", "Done"), ("dropped", "Dropped")):
                button = QPushButton(text)
                button.setCheckable(True)
                button.setChecked(status == status_key)
                button.clicked.connect(lambda on, s=status_key: self._chosen(s, on))
                self.buttons[status_key] = button
        for button in self.buttons.values():
            button.setAccessibleName(f"{button.text()}: {shortened(action.text)}")
            self.row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.trail = sum(b.sizeHint().width() + 16 for b in self.buttons.values())

    def _chosen(self, status: str, on: bool) -> None:
        for key, button in self.buttons.items():
            if key != status:
                button.setChecked(False)
        self.statusChosen.emit(self.action.id, status if on else None)
