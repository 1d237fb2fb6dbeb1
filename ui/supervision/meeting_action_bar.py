"""The meeting's "Agreed action" line: text, owner, due date, Enter to add; always on screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from ui.widgets.announce import announce_error

from core.common import clock
from core.supervision.sessions import Action
from ui.widgets.date_fields import DateField
from ui.widgets.line_field import LineField

DEFAULT_DUE_WEEKS = 4  # by the next monthly supervision


class ActionBar(QWidget):
    """Type the action, Tab to the owner and due date, Enter adds it from any of the three.

    Signals:
        actionAdded(object): the Action typed; the bar clears only when `accepted()` is called.
    """

    actionAdded = Signal(object)

    def __init__(self, today: date | None = None, parent: QWidget | None = None,
                 due: date | None = None):
        """`due`: the due date offered, the next supervision (else DEFAULT_DUE_WEEKS on)."""
        super().__init__(parent)
        self._today = today or clock.today()
        self._due = due or self._today + timedelta(weeks=DEFAULT_DUE_WEEKS)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel("Agreed &action:")
        self.text = LineField()
        self.text.setAccessibleName("Agreed action")
        self.text.setPlaceholderText("What will be done (Ctrl+N)")
        self.caption.setBuddy(self.text)
        self.owner = LineField()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Owner, e.g. Me, SPO")
        self.due = DateField(self._due)
        self.due.setAccessibleName("Due date")
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Add the agreed action (Enter)")
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        self.message.hide()  # shown only to say why an action was not added
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 4)
        layout.addWidget(self.owner, 2)
        layout.addWidget(self.due)
        layout.addWidget(self.add_button)

    def _connect_signals(self) -> None:
        # Enter in the text or owner reaches keyPressEvent below (a one-line field passes it
        # on), so returnPressed is not connected as well: that submitted the same action twice.
        self.add_button.clicked.connect(self.submit)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        self.actionAdded.emit(Action(self.text.text().strip(), self.owner.text().strip(),
                                     self.due.value()))

    def accepted(self) -> None:
        """The action was kept: clear the words and go back to the text for the next one."""
        self.text.setText("")  # with its history: Ctrl+Z then reaches the window, not the old words
        self.message.clear()
        self.message.hide()
        self.text.setFocus()

    def refused(self, problems: list[str]) -> None:
        self.message.setText(" ".join(problems))
        self.message.show()
        announce_error(self, self.message.text())
        self.text.setFocus()
