"""What a screen reader is told about a help page's headings and links.

Qt's bridge to AT-SPI has no Hypertext interface, so a link inside a text document never
reaches a screen reader. A help page's links are therefore buttons of their own
(`reading_page.LinkButton`), which this factory presents with the role of a link and a Press
action; its headings (`reading_page.Heading`) get the heading role, so a screen reader's
"next heading" key finds them. Installed once, before the first of them is made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

from ui.widgets.accessible_factories import register
from ui.widgets.form_helpers import shown_text

LINK_PROPERTY, HEADING_PROPERTY = "readingLink", "readingHeading"
TEXT_PROPERTY = "readAsText"  # a drawn widget that says words (the gauge, figures off)


class LinkAccessible(QAccessibleWidget):
    """Role Link, named by the words it shows; Press follows it, as a click does."""

    def __init__(self, button: QAbstractButton):
        super().__init__(button, QAccessible.Role.Link)
        self._button = button

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._button.accessibleName() or shown_text(self._button.text())
        return super().text(kind)

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt override
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt override
        if name == QAccessibleActionInterface.pressAction():
            self._button.click()
        else:
            super().doAction(name)


class HeadingAccessible(QAccessibleWidget):
    """Role Heading, named by its words."""

    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QAbstractButton) and target.property(LINK_PROPERTY):
        return LinkAccessible(target)
    if isinstance(target, QLabel) and target.property(HEADING_PROPERTY):
        return HeadingAccessible(target)
    if isinstance(target, QWidget) and target.property(TEXT_PROPERTY):
        # Role label (static text), named and described as set: a plain widget is a "filler",
        # which screen readers may pass over.
        return QAccessibleWidget(target, QAccessible.Role.StaticText)
    return None


def install() -> None:
    """Register the factory with Qt once."""
    register(_factory)


def mark(widget: QWidget, prop: str) -> None:
    """Mark `widget` as a link, a heading or words before Qt first asks about it."""
    install()
    widget.setProperty(prop, True)
