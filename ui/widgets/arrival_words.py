"""Words a screen reader says as Tab arrives on a control, and never again while it stays there.

A card's sentence (the what-if's answer) is the description of the first control Tab meets in
the card, so it is heard on the way in, once. When the user changes the answer from that very
control, the change is already announced (ui.widgets.announce); Orca also says a new description
of the control it is on, so the same words came twice. The new words therefore wait until the
keyboard leaves the control, ready for the next arrival.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from ui.widgets.qt_guard import qt_override


def _within(widget: QWidget) -> bool:
    """Whether the keyboard is on `widget` or inside it (its own drop-down list included, a
    window of its own)."""
    focus = QApplication.focusWidget()
    while focus is not None:
        if focus is widget:
            return True
        focus = focus.parentWidget()
    return False


class ArrivalWords(QObject):
    """The description of `widget`: set at once while it is not focused, else when it leaves."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self._widget = widget
        self._waiting: str | None = None
        widget.installEventFilter(self)

    def set(self, text: str) -> None:
        if _within(self._widget):
            self._waiting = text
            return
        self._waiting = None
        if self._widget.accessibleDescription() != text:
            self._widget.setAccessibleDescription(text)

    def text(self) -> str:
        """The words said on the next arrival."""
        return self._waiting if self._waiting is not None else self._widget.accessibleDescription()

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.FocusOut and self._waiting is not None
                and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason):
            # After the focus has been said on the control it went to: a description changed
            # before that is still the one Orca is on, and said.
            QTimer.singleShot(0, self, self._settle)
        return False

    def _settle(self) -> None:
        if self._waiting is not None and not _within(self._widget):
            text, self._waiting = self._waiting, None
            self._widget.setAccessibleDescription(text)


class FirstShown(QObject):
    """`text` as the description of the first of `controls` not hidden, and of none of the
    others: the words of a card whose buttons come and go (the empty Overview's Finish setting
    up), said once, on the way in, whichever button Tab meets first."""

    def __init__(self, controls: list[QWidget], parent: QObject | None = None):
        super().__init__(parent or controls[0])
        self._controls = controls
        self._text = ""
        for control in controls:
            control.installEventFilter(self)

    def set(self, text: str) -> None:
        self._text = text
        self._place()

    def _place(self) -> None:
        first = next((c for c in self._controls if not c.isHidden()), None)
        for control in self._controls:
            words = self._text if control is first else ""
            if control.accessibleDescription() != words:
                control.setAccessibleDescription(words)

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._place()
        return False


def shown_words(label: QLabel) -> str:
    """A label's words as read, rich text made plain."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<"):
        from PySide6.QtGui import QTextDocumentFragment

        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return " ".join(text.split())


def _put_away(label: QLabel) -> bool:
    """Hidden on purpose: a label not yet shown with its page (one in a layout not yet placed
    in a window) is only waiting to be."""
    return label.isHidden() and label.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


def said_with(control: QWidget, *labels: QLabel | str) -> None:
    """The words of `labels` now shown (or words given) as `control`'s description, so that Tab
    says them as it
    arrives on the control they explain (or the first after them): a note or a group's words on a
    Settings page, which Tab passed by unsaid. Call again when their words change; while the
    keyboard is on `control` the new words wait for its next arrival (ArrivalWords)."""
    words = " ".join(label if isinstance(label, str) else shown_words(label)
                     for label in labels if isinstance(label, str)
                     or (label.text() and not _put_away(label)))
    keeper = control.findChild(ArrivalWords, options=Qt.FindChildOption.FindDirectChildrenOnly)
    (keeper or ArrivalWords(control)).set(words)
