"""What a screen reader is told about a help page's headings and links, a drawn picture with
words, and a card or notice holding controls.

Qt's bridge to AT-SPI has no Hypertext interface, so a link inside a text document never
reaches a screen reader. A help page's links are therefore buttons of their own
(`reading_page.LinkButton`), which this factory presents with the role of a link and a Press
action; its headings (`reading_page.Heading`) get the heading role, so a screen reader's
"next heading" key finds them. Installed once, before the first of them is made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from ui.widgets.accessible_factories import register
from ui.widgets.live_accessible import LiveWidgetAccessible
from ui.widgets.form_helpers import shown_text

LINK_PROPERTY, HEADING_PROPERTY = "readingLink", "readingHeading"
PICTURE_PROPERTY = "readAsPicture"  # a drawn widget with words (the gauge, figures off)
SECTION_PROPERTY = "readAsSection"  # a card or notice: named, and passed over on the way in
STATUS_PROPERTY = "readAsStatus"  # a dialog's result line, which is also announced
DESCRIBES_PROPERTY = "describesField"  # a label whose words are a field's description


class LinkAccessible(LiveWidgetAccessible):
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


class HeadingAccessible(LiveWidgetAccessible):
    """Role Heading, named by its words."""

    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


class StatusLineAccessible(LiveWidgetAccessible):
    """Role status bar, named by its words: a dialog's line saying what was done ("Saved …").
    Its words are announced when they change; as a plain label they were said again with the
    dialog's other words when the keyboard came back to it (Orca reads a window's labels then,
    not its status bar), so Orca said "Saved …" twice. A status bar is still there to be read
    on request (Orca's "read status bar")."""

    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.StatusBar)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)


class DescriptionLabelAccessible(LiveWidgetAccessible):
    """A label whose words are also a field's description: related to the field as its
    description, so Orca does not read it again among the window's loose labels. Record a
    session's "Recording it marks the 11 notes …" was said with the dialog and then again as
    the date field's description."""

    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.StaticText)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or self._label.text()
        return super().text(kind)

    def relations(self, match=QAccessible.RelationFlag.AllRelations):  # type: ignore[override]
        found = list(super().relations(match))
        field = self._label.property(DESCRIBES_PROPERTY)
        # Qt names the relation of the other object to this one: the field is "described" by
        # this label (on the bus, the label is its "description-for").
        if isinstance(field, QWidget) and match & QAccessible.RelationFlag.Described:
            iface = QAccessible.queryAccessibleInterface(field)
            if iface is not None:
                found.append((iface, QAccessible.RelationFlag.Described))
        return found


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QAbstractButton) and target.property(LINK_PROPERTY):
        return LinkAccessible(target)
    if isinstance(target, QLabel) and target.property(HEADING_PROPERTY):
        return HeadingAccessible(target)
    if isinstance(target, QLabel) and target.property(STATUS_PROPERTY):
        return StatusLineAccessible(target)
    if isinstance(target, QLabel) and isinstance(target.property(DESCRIBES_PROPERTY), QWidget):
        return DescriptionLabelAccessible(target)
    if isinstance(target, QWidget) and target.property(PICTURE_PROPERTY):
        # Role image, named and described as set: a plain widget is a "filler", which screen
        # readers may pass over, and one with the role "label" has its description left unsaid
        # (Orca 43), where the gauge's sentence is.
        return LiveWidgetAccessible(target, QAccessible.Role.Graphic)
    if isinstance(target, QWidget) and target.property(SECTION_PROPERTY):
        # Role section, keeping its name: Orca said "This week's estimate panel" (the word
        # "panel", then every sentence on the card) on the way into each card or notice; a
        # section is passed over, and each control inside says its own words.
        return LiveWidgetAccessible(target, QAccessible.Role.Section)
    return None


def install() -> None:
    """Register the factory with Qt once."""
    register(_factory)


def section(widget: QWidget, name: str) -> None:
    """`widget`, a card or notice, as a section named `name`. Marked before it is named: naming
    a widget has Qt make its accessible object at once, and then no factory is asked again."""
    mark(widget, SECTION_PROPERTY)
    widget.setAccessibleName(name)


def notice(frame: QWidget, first: QWidget, text: str) -> None:
    """A notice's sentence as the description of the section and of `first`, the control Tab
    meets first in it, so that it is heard on the way in (a section's own words are not)."""
    frame.setAccessibleDescription(text)
    first.setAccessibleDescription(text)


def describes(label: QLabel, field: QWidget) -> None:
    """`label`'s words are `field`'s description (set by the caller): heard with the field, and
    not again among the window's words. Before Qt first asks about the label."""
    install()
    label.setProperty(DESCRIBES_PROPERTY, field)


def mark(widget: QWidget, prop: str) -> None:
    """Mark `widget` as a link, a heading or words before Qt first asks about it."""
    install()
    widget.setProperty(prop, True)
