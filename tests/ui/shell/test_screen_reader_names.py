"""What a screen reader hears: a label's name is its visible text, and nothing Tab stops on is
nameless (issue: labels read by internal names; the Overview's scroll area, the chart's drawing
area and the pages behind tab bars had no name)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QTabWidget, QWidget

from tests.ui.app_walk import each_dialog, each_place, visible_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def spoken_name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def shown_text(label: QLabel) -> str:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and ("<" in text and ">" in text))
    if rich:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    if label.buddy() is not None:  # "&Period": the ampersand marks the mnemonic, it is not shown
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def test_every_label_is_read_as_the_text_it_shows(demo_window):
    wrong = []
    for place in each_place(demo_window):
        for label in visible_widgets(demo_window, QLabel):
            if label.pixmap() is not None and not label.pixmap().isNull():
                continue
            if spoken_name(label).strip() != shown_text(label).strip():
                wrong.append((place, spoken_name(label), shown_text(label)[:40]))
    assert not wrong, "\n".join(map(str, wrong))


def owned_stop(widget: QWidget) -> bool:
    """The edit field inside a spin box or date field: announced as the field around it."""
    parent = widget.parentWidget()
    owned = parent is not None and (parent.focusProxy() is widget
                                    or isinstance(parent, QAbstractSpinBox))
    return owned and bool(spoken_name(parent))


def test_no_tab_stop_is_nameless(demo_window):
    nameless = []
    for place in each_place(demo_window):
        for widget in visible_widgets(demo_window):
            stops = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            # A spin box's field is read as the spin box; the spin box itself (like a tab
            # widget, whose focus goes to its tab bar) is still announced, so it needs a name.
            stops = stops and not owned_stop(widget)
            if stops and widget.isEnabled() and not spoken_name(widget).strip():
                nameless.append((place, type(widget).__name__, widget.objectName()))
    assert not nameless, "\n".join(map(str, nameless))


def shown_text_of_tab(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_the_pages_behind_tab_bars_are_named_as_their_tabs(demo_window):
    unnamed = []
    for place in each_place(demo_window):
        for tabs in visible_widgets(demo_window, QTabWidget):
            page = tabs.currentWidget()
            tab = shown_text_of_tab(tabs.tabText(tabs.currentIndex()))
            name = spoken_name(page)
            if not name or not tab.startswith(name):
                unnamed.append((place, tab, name))
    assert not unnamed, "\n".join(map(str, unnamed))


def test_labels_in_every_dialog_are_read_as_the_text_they_show(demo_window, db, qtbot):
    wrong = []
    for dialog in each_dialog(db):
        qtbot.addWidget(dialog)
        dialog.show()
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and spoken_name(label).strip() != shown_text(label).strip():
                wrong.append((dialog.windowTitle(), spoken_name(label), shown_text(label)[:40]))
        dialog.close()
    assert not wrong, "\n".join(map(str, wrong))


def test_no_tab_stop_in_a_dialog_is_nameless(demo_window, db, qtbot):
    nameless = []
    for dialog in each_dialog(db):
        qtbot.addWidget(dialog)
        dialog.show()
        for widget in dialog.findChildren(QWidget):
            stops = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not owned_stop(widget)
            if (stops and widget.isVisible() and widget.isEnabled()
                    and not spoken_name(widget).strip()):
                nameless.append((dialog.windowTitle(), type(widget).__name__, widget.objectName()))
        dialog.close()
    assert not nameless, "\n".join(map(str, nameless))
