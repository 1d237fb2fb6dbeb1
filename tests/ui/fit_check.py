"""Finds what a practitioner would see cut off: a child widget outside its parent, a label or
button whose text does not fit, a combo box or date field showing part of its text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

TOLERANCE = 1  # pixels: rounding at fractional scale factors


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: its content may lie outside and be scrolled to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "currentText", "accessibleName"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__} {widget.objectName()!r} {str(text)[:60]!r}"


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"wrapped text needs {needed}px of height, has {label.height()}"
        return None
    hint = label.minimumSizeHint()
    if hint.width() > label.width() + TOLERANCE:
        return f"text needs {hint.width()}px, has {label.width()}"
    if hint.height() > label.height() + TOLERANCE and rect.height() < label.fontMetrics().height():
        return f"text needs {hint.height()}px of height, has {label.height()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field.width() + TOLERANCE:
        return f"shows part of {text!r}: needs {needed}px, has {field.width()}"
    return None


def _spin_problem(spin: QAbstractSpinBox) -> str | None:
    edit = spin.findChild(QWidget, "qt_spinbox_lineedit")
    if edit is None:
        return None
    text = spin.text()
    needed = spin.fontMetrics().horizontalAdvance(text)
    if needed > edit.width() + TOLERANCE:
        return f"shows part of {text!r}: needs {needed}px, has {edit.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    hint = button.minimumSizeHint()
    if hint.width() > button.width() + TOLERANCE or hint.height() > button.height() + TOLERANCE:
        return (f"needs {hint.width()}x{hint.height()}, has {button.width()}x"
                f"{button.height()}")
    return None


def cut_off(top: QWidget) -> list[str]:
    """Everything visible in `top` that lies outside its parent or shows only part of its
    text, one line each (empty when all of it can be seen)."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow() or _scrolled(widget, top):
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        geometry, room = widget.geometry(), parent.rect().adjusted(-TOLERANCE, -TOLERANCE,
                                                                  TOLERANCE, TOLERANCE)
        if not isinstance(parent, QAbstractScrollArea) and not room.contains(geometry):
            if geometry.width() > 0 and geometry.height() > 0 and not _internal(widget):
                problems.append(f"{_name(widget)} lies outside {_name(parent)}: "
                                f"{geometry.getRect()} in {parent.rect().getRect()}")
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QAbstractSpinBox):
            problem = _spin_problem(widget)
        elif isinstance(widget, QAbstractButton) and not _internal(widget):
            problem = _button_problem(widget)
        if problem:
            problems.append(f"{_name(widget)}: {problem}")
    return problems


def _internal(widget: QWidget) -> bool:
    """Qt's own parts (tab bar scrollers, header sections, calendar buttons) manage themselves."""
    name = widget.objectName()
    return name.startswith("qt_") or type(widget).__name__ in ("QToolButton",
                                                               "QTabBar", "QSizeGrip")
