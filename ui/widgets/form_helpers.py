"""Small pieces every form shares: an inline problems panel and a calm secondary note."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.step_said import say_result
from ui.widgets.labels import note_label, view_title, wrapped  # noqa: F401 - used from here by the views
from ui.widgets.qt_guard import qt_override


class ProblemsLabel(QLabel):
    """Lists what needs changing before a form can be saved; hidden when there is nothing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problems")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # An orange edge (Okabe-Ito) marks the panel without relying on colour for the words.
        self.setStyleSheet(
            "QLabel#problems { border: 0px; border-left: 4px solid #E69F00; padding: 4px 10px; }"
        )
        self.hide()

    def show_problems(self, problems: list[str], say: bool = True) -> None:
        """Shown, and said at once when they appear or change. `say=False` for a form checked
        as it is typed in: said at every key, they cut off a screen reader's echo of the key
        just typed; they are said when the user tries to save (`say_problems`, and Return on
        a disabled default button: ui.widgets.return_guard)."""
        text = "\n".join(problems)
        if say and text and text != self.text():  # said once when it appears or changes
            # and shown in the window's status bar too, so no older line ("Redone: Log time …")
            # stays there under a refusal just heard
            say_result(self, " ".join(problems), assertive=True)
        self.setText(text)
        self.setVisible(bool(problems))
        if problems and self.window() is not self and self.window().isVisible():
            grow_to_fit(self.window())  # the form above keeps its room

    def problems(self) -> list[str]:
        return self.text().splitlines()

    def say_problems(self) -> bool:
        """Say what is shown, again (the user tried to save); True if there was anything."""
        if self.isHidden() or not self.text():
            return False
        say_result(self, " ".join(self.problems()), assertive=True)
        return True


def grow_to_fit(window: QWidget) -> None:
    """Make `window` tall enough for its wrapped text at its width (never past the screen).

    A top-level window's minimum height ignores height-for-width, so a dialog with wrapped
    text (a warning, a note) opens or stays too short and squeezes its form instead."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    room = screen.availableGeometry().height() if screen is not None else needed
    if window.height() < min(needed, room):
        window.resize(window.width(), min(needed, room))


class _GrowOnShow(QObject):
    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            grow_to_fit(watched)
        return False




def form_layout() -> QFormLayout:
    """A form whose fields keep their natural width, so short values sit in short boxes."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setVerticalSpacing(10)
    form.setHorizontalSpacing(14)
    return form


def ok_cancel(ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel buttons whose OK says what it does ("Add case", "Close case")."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    return buttons, ok_button


def dialog_layout(dialog: QWidget) -> QVBoxLayout:
    """The margins and spacing every form dialog shares."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 18, 20, 16)
    layout.setSpacing(12)
    dialog.installEventFilter(_GrowOnShow(dialog))  # room for its wrapped text when opened
    return layout


def range_to() -> QLabel:
    """The "to" between two fields of a range (09:00 to 10:00), with room on either side."""
    label = QLabel("to")
    label.setContentsMargins(8, 0, 8, 0)
    return label


def buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter moves focus to `widget` (needed when the field is a layout)."""
    label = whole_letters(QLabel(text))
    label.setBuddy(widget)
    return label


def group_row(text: str, boxes: QLayout) -> tuple[QLabel, QGroupBox]:
    """A form row of check boxes under one label ("Flags"): the label names the group and its
    Alt+letter moves to the group's first box, while each box keeps its own words as its name.
    As the first box's buddy the label named that box: "Domestic abuse" was heard as "Flags".
    The group draws nothing of its own; it is there to be the label's buddy."""
    group = QGroupBox()
    group.setObjectName("formGroup")
    group.setFlat(True)
    group.setStyleSheet("QGroupBox#formGroup { border: 0px; margin: 0px; padding: 0px; }")
    group.setLayout(boxes)
    # Not a Tab stop, but able to take the label's Alt+letter, which it hands to its first box.
    group.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    group.setFocusProxy(boxes.itemAt(0).widget())
    boxes.setContentsMargins(0, 0, 0, 0)
    return buddy(text, group), group


def unit_label(field: QWidget, unit: str, note: str = "") -> QLabel:
    """The unit shown after a text field ("hours a week"), said with it as its description.
    A placeholder is said only while the field is empty: "Contracted hours" holding 30 was read
    with "37 (full time)", and its unit never. `note`: the words shown under the form about
    this field, said after them (Tab passes a note by)."""

    def describe() -> None:
        hint = field.placeholderText() if not field.text() else ""  # type: ignore[attr-defined]
        words = f"{unit}, {hint}" if hint else unit
        field.setAccessibleDescription(f"{words}. {note}" if note else words)

    field.textChanged.connect(describe)  # type: ignore[attr-defined]
    describe()
    return QLabel(unit)


def whole_letters(label: QLabel) -> QLabel:
    """A pixel either side of a short label: a letter that leans past its width ("T" at the
    start, "o" after it) was cut, and "To" drew as "Tc"."""
    shown = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    ink = QFontMetricsF(label.font()).tightBoundingRect(shown).width()
    label.setIndent(1)  # the leaning first letter is drawn whole, one pixel in
    label.setMinimumWidth(math.ceil(ink) + 3)
    return label


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is `value` (first item if none matches)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def configure_table(view: QTableView, name: str) -> None:
    """The one look for data tables: whole-row selection, read-only, left-aligned padded headers."""
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.setStyleSheet(
        f"QTableView#{name}::item {{ padding-left: 6px; }}"
        f"QTableView#{name} QHeaderView::section {{ padding: 4px 6px; border: 0px;"
        " border-right: 1px solid palette(mid); border-bottom: 1px solid palette(mid); }"
    )




def shown_text(text: str) -> str:
    """A label or tab title as it reads on screen: "Reductions && reports" -> "Reductions &
    reports", "C&harts" -> "Charts" (a single ampersand only marks the Alt-key letter)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class _KeyboardToTheBar(QObject):
    """A tab's Alt+letter takes the keyboard to its bar before the page turns, as Ctrl+Tab does
    (ui.shell.page_tabs): a page tab is said only while its bar has the keyboard, so Alt+C
    for Charts said nothing with the keyboard left on the Views list, and a page hidden with
    the keyboard in it sent it to the Views list first."""

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QWidget) \
                and watched.isVisible():
            watched.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return False  # the bar turns the page, now with the keyboard on it


def name_tabs(tabs: QTabWidget, name: str) -> None:
    """Name a tab widget by what its tabs are ("Settings pages"): on its bar, where a screen
    reader lands (Qt names a bar by its current page otherwise: ui.widgets.tab_bar_accessible).
    The widget around the bar is a container, not a Tab stop of its own: its bar is one, and
    named too, it would be a second control of the same name. A tab's Alt+letter takes the
    keyboard to the bar."""
    bar = tabs.tabBar()
    bar.setAccessibleName(name)
    policy = bar.focusPolicy()
    tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Qt hands it on to the bar, its focus proxy:
    bar.setFocusPolicy(policy)  # the bar keeps its own
    bar.installEventFilter(_KeyboardToTheBar(bar))


def add_named_tab(tabs: QTabWidget, page: QWidget, title: str) -> int:
    """Add a tab whose page a screen reader names after the tab; returns the tab's index."""
    page.setAccessibleName(shown_text(title))
    return tabs.addTab(page, title)

