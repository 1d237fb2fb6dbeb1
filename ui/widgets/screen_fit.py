"""Every dialog fits the screen it opens on: its body scrolls, its buttons never leave the screen.

A dialog sizes itself from its contents before it is shown. On a small or highly scaled screen
(a 1280×800 laptop at 200% has 640×400 logical pixels) New case, Record a session or Import
calendar came out taller or wider than the screen, with their buttons below or beside it, and a
dialog squeezed below its own minimum cut its text in half. `install()` watches every dialog as
it is shown: one that does not fit has everything above its button row moved into a scroll area,
is cut to the screen's available size and moved onto it. A dialog that fits is left as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

FITTED = "fittedToScreen"  # a dialog's property once its body scrolls


def _room(dialog: QWidget):  # type: ignore[no-untyped-def]
    screen = dialog.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def _holds_buttons_only(item) -> bool:  # type: ignore[no-untyped-def]
    """True for the dialog's button row: a button box, or a row of push buttons and spacers."""
    from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox

    widget, layout = item.widget(), item.layout()
    if widget is not None:
        return isinstance(widget, (QDialogButtonBox, QAbstractButton))
    if layout is None:
        return False
    found = False
    for index in range(layout.count()):
        child = layout.itemAt(index)
        if child.spacerItem() is not None:
            continue
        inner = child.widget()
        if inner is not None and not isinstance(inner, (QDialogButtonBox, QAbstractButton)):
            from PySide6.QtWidgets import QLabel

            if not isinstance(inner, QLabel):  # "3 ready" beside the buttons stays with them
                return False
        elif inner is None and not _holds_buttons_only(child):
            return False
        found = found or inner is not None
    return found


def scroll_body(dialog: QDialog, width: int) -> bool:
    """Move everything above `dialog`'s button row into a scroll area; False if it cannot. A
    button row wider than `width` stands its buttons one above another."""
    from PySide6.QtWidgets import QBoxLayout, QDialogButtonBox, QFrame, QScrollArea, QVBoxLayout

    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout) or dialog.property(FITTED):
        return False
    focused = dialog.focusWidget()
    footer = None
    for index in reversed(range(layout.count())):
        item = layout.itemAt(index)
        if item.spacerItem() is not None:
            continue
        if _holds_buttons_only(item):
            footer = layout.takeAt(index)
        break
    margins = layout.contentsMargins()
    body = QWidget()
    body.setObjectName("scrolledBody")
    body.setLayout(layout)  # the body's widgets move with their layout
    scroll = QScrollArea()
    scroll.setObjectName("dialogBody")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: its fields are
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, margins.bottom() if footer is not None else 0)
    outer.setSpacing(layout.spacing() if layout.spacing() >= 0 else 8)
    outer.addWidget(scroll, 1)
    if footer is not None:
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        # The buttons in a row of their own, made after the body's scroll area, so they come
        # after its fields in the Tab order again: left where they were, New case opened at
        # 200% with focus on Cancel (Add case not enabled yet), which made Cancel the
        # default, and Return in the typed form threw it away.
        row_widget = QWidget()
        row = QVBoxLayout(row_widget)
        row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        box, buttons = footer.widget(), footer.layout()
        if box is not None:
            row.addWidget(box)
            box.show()
            if isinstance(box, QDialogButtonBox) and box.minimumSizeHint().width() > width:
                box.setOrientation(Qt.Orientation.Vertical)
        else:
            # Moved in the order Tab met them (the welcome's Next comes before Skip set-up).
            chain, widget = [], dialog.nextInFocusChain()
            while widget is not dialog and len(chain) < 2000:
                chain.append(widget)
                widget = widget.nextInFocusChain()
            moved = [buttons.itemAt(i).widget() for i in range(buttons.count())]
            moved = [w for w in moved if w is not None]
            for widget in sorted(moved, key=lambda w: chain.index(w) if w in chain else 0):
                widget.setParent(row_widget)
                widget.show()
            row.addLayout(buttons)
            if isinstance(buttons, QBoxLayout) and buttons.minimumSize().width() > width:
                buttons.setDirection(QBoxLayout.Direction.TopToBottom)
        outer.addWidget(row_widget)
    if focused is not None and dialog.isAncestorOf(focused):
        focused.setFocus(Qt.FocusReason.OtherFocusReason)  # where the dialog put it
    dialog.setProperty(FITTED, True)
    return True


def fit_to_screen(dialog: QDialog) -> None:
    """Cut `dialog` to the screen's available area (its body scrolling) and move it onto it."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    room = _room(dialog)
    if room is None:
        return
    size = dialog.size().expandedTo(dialog.minimumSizeHint())
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth() and not dialog.property(FITTED):
        # Its wrapped words at the width it will have: New case with the identifier warning
        # at 150% on a 1280x800 screen measured as fitting, then squeezed its check boxes flat.
        size.setHeight(max(size.height(),
                           layout.totalHeightForWidth(min(size.width(), room.width()))))
    size.setHeight(max(size.height(), _body_height(dialog)))
    if size.width() > room.width() or size.height() > room.height():
        if not isinstance(dialog, (QMessageBox, QFileDialog)):
            scroll_body(dialog, room.width() - 40)
        dialog.setMinimumSize(min(dialog.minimumWidth(), room.width()),
                              min(dialog.minimumHeight(), room.height()))
        dialog.resize(min(size.width(), room.width()), min(size.height(), room.height()))
    elif size.height() > dialog.height():
        dialog.resize(dialog.width(), size.height())
    frame = dialog.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        dialog.move(max(x, room.x()), max(y, room.y()))


def _body_height(dialog: QDialog) -> int:
    """How tall `dialog` would be with its scrolled body shown whole (0 if it does not
    scroll). A dialog that sized itself again after its body was made to scroll shrank to its
    minimum: the welcome at 200% on a 1280×800 screen was 124 pixels tall, its step a sliver
    scrolling between two buttons, with 400 to give."""
    from PySide6.QtWidgets import QScrollArea

    area = dialog.findChild(QScrollArea, "dialogBody") if dialog.property(FITTED) else None
    body = area.widget() if area is not None else None
    if body is None:
        return 0
    width = area.viewport().width()
    layout = body.layout()
    needed = body.sizeHint().height()
    if layout is not None and layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(width))
    return dialog.height() - area.viewport().height() + needed


def _dialog_laid_out(dialog: QDialog) -> None:
    """A shown dialog whose layout is to be worked out again (it grew a line, say) is fitted
    again once that is done: New case at 150% on a 1280x800 screen grew a warning as an
    identifier was typed, and its flags' tick boxes were squeezed flat rather than its body
    made to scroll."""
    if dialog.isWindow() and dialog.isVisible() and not dialog.property(_REFIT_DUE):
        dialog.setProperty(_REFIT_DUE, True)
        QTimer.singleShot(0, dialog, lambda: _refit(dialog))  # dropped if the dialog goes


def _refit(dialog: QDialog) -> None:
    dialog.setProperty(_REFIT_DUE, False)
    if dialog.isVisible():
        fit_to_screen(dialog)


_REFIT_DUE = "refitDue"


def _dialog_shown(dialog: QDialog) -> None:
    if dialog.isWindow():
        fit_to_screen(dialog)
        # again once the dialog's own showEvent has sized it (the preview, the welcome)
        QTimer.singleShot(0, dialog, lambda: fit_to_screen(dialog))


def install() -> None:
    """Fit every dialog shown from now on (once per application, through its one filter,
    ui.widgets.app_watch)."""
    from ui.widgets.app_watch import watch

    watch(shown=_dialog_shown, laid_out=_dialog_laid_out)
