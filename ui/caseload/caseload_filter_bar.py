"""The caseload filter bar: Active / Closed / All, reference search, type, tier letter and flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from core.common.words import plural
from core.caseload.models import CASE_TYPE_LABELS, CASE_TYPES, FLAG_LABELS, FLAGS, UNTIERED
from ui.caseload.case_filter_proxy import MAPPA_FILTER
from ui.widgets.flow_layout import FlowRow
from ui.widgets.form_helpers import buddy
from ui.widgets.line_field import LineField

STATUSES = (("active", "&Active"), ("closed", "Cl&osed"), ("all", "A&ll"))



def _embolden(button: QPushButton, on: bool) -> None:
    # By style sheet, not setFont: under the app's style sheet a font set on the button came
    # back bold on all three once the view was made after the look was applied.
    button.setStyleSheet("QPushButton { font-weight: bold; }" if on else "")

class CaseloadFilterBar(QWidget):
    """Emits `filtersChanged(dict)` with keyword values for CaseFilterProxy.set_filters.

    Signals:
        filtersChanged(dict): any filter changed; the dict holds every filter's current value.
    """

    filtersChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        # One row that wraps where the room ends: a narrow window (1024 px, or 200% scaling)
        # moves the type, tier and flag filters under the search instead of squeezing them,
        # and each filter keeps its label beside it.
        layout = FlowRow(self, spacing=8, line_spacing=6)
        # One is always chosen (see _status_toggled), but not through a QButtonGroup: Tab skips
        # the unchosen buttons of a group, so a keyboard user could never reach Closed or All.
        self.status_buttons: dict[str, QPushButton] = {}
        statuses = QWidget()  # the three move as one
        status_row = QHBoxLayout(statuses)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.setSpacing(0)
        for key, text in STATUSES:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {text.replace('&', '').lower()} cases")
            self.status_buttons[key] = button
            # The chosen one is also in bold: its shade alone was 1.25:1 from the others.
            button.toggled.connect(lambda on, b=button: _embolden(b, on))
            _embolden(button, True)
            button.setMinimumWidth(button.sizeHint().width())  # never squeezed past its text
            _embolden(button, False)
            status_row.addWidget(button)
        self.status_buttons["active"].setChecked(True)
        layout.addWidget(statuses)
        self.search = LineField()
        self.search.setPlaceholderText("Reference (Ctrl+F)")
        self.search.setToolTip("Search by reference (Ctrl+F)")
        self.search.setAccessibleName("Search by reference")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Reference (Ctrl+F)")
                                    + 40)
        layout.addWidget(self.search)
        self.case_type = QComboBox()
        self.case_type.setAccessibleName("Case type filter")
        self.case_type.addItem("All types", None)
        for key in CASE_TYPES:
            self.case_type.addItem(CASE_TYPE_LABELS[key], key)
        self.tier = QComboBox()
        self.tier.setAccessibleName("Tier filter")
        self.tier.addItem("All tiers", None)
        for letter in "ABCD":
            self.tier.addItem(f"Tier {letter}", letter)
        self.tier.addItem("Untiered", UNTIERED)
        self.flag = QComboBox()
        self.flag.setAccessibleName("Flags filter")  # says its label, "Flags"
        self.flag.addItem("Any flags", None)
        self.flag.addItem("MAPPA (any level)", MAPPA_FILTER)
        for key in FLAGS:
            self.flag.addItem(FLAG_LABELS[key], key)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Clear the search, type, tier and flag filters")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setEnabled(False)
        # A visible label for each filter, its buddy: the words a screen reader says it is
        # (ui.widgets.combo_accessible), where Qt alone would say its value ("All types").
        layout.addGroup(buddy("Type", self.case_type), self.case_type)
        layout.addGroup(buddy("Tier", self.tier), self.tier)
        layout.addGroup(buddy("Flags", self.flag), self.flag)
        layout.addWidget(self.clear_button)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)

    def _connect_signals(self) -> None:
        for button in self.status_buttons.values():
            button.toggled.connect(lambda on, b=button: self._status_toggled(b, on))
        self.search.textChanged.connect(self._emit)
        for combo in (self.case_type, self.tier, self.flag):
            combo.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self.find_shortcut.activated.connect(self._focus_search)

    def _status_toggled(self, button: QPushButton, on: bool) -> None:
        """Exactly one status is chosen: choosing one clears the others; pressing the chosen
        one again keeps it."""
        if on:
            for other in self.status_buttons.values():
                if other is not button and other.isChecked():
                    blocked = other.blockSignals(True)
                    other.setChecked(False)
                    other.blockSignals(blocked)
                    _embolden(other, False)
            self._emit()
        elif not any(b.isChecked() for b in self.status_buttons.values()):
            blocked = button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(blocked)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def filters(self) -> dict[str, Any]:
        status = next(k for k, b in self.status_buttons.items() if b.isChecked())
        return {
            "status": status,
            "search": self.search.text().strip(),
            "case_type": self.case_type.currentData(),
            "tier_letter": self.tier.currentData(),
            "flag": self.flag.currentData(),
        }

    def is_narrowed(self) -> bool:
        """True when anything beyond the status buttons is narrowing the list."""
        values = self.filters()
        return any(values[k] for k in ("search", "case_type", "tier_letter", "flag"))

    def set_status(self, status: str) -> None:
        self.status_buttons[status].setChecked(True)

    def clear(self) -> None:
        """Clear search, type, tier and flag; the Active / Closed / All choice stays."""
        self.blockSignals(True)
        self.search.clear()
        for combo in (self.case_type, self.tier, self.flag):
            combo.setCurrentIndex(0)
        self.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.clear_button.setEnabled(self.is_narrowed())
        self.filtersChanged.emit(self.filters())


def show_result(view) -> None:  # type: ignore[no-untyped-def]
    """The Caseload's "showing 14", and its line when no case is left to show."""
    shown = view.proxy.rowCount()
    view.showing.setText(f"showing {shown}")
    view.no_match.setVisible(shown == 0 and view.model.rowCount() > 0)
    view.no_match.setText(
        "No cases match these filters." if view.filter_bar.is_narrowed()
        else {"active": "No active cases.", "closed": "No closed cases."}.get(view.proxy.status, "")
    )


def filter_result(view) -> str:  # type: ignore[no-untyped-def]
    """What the filters leave, as said: the no-match line when it shows, else the count (of
    the cases under Active, Closed or All)."""
    if view.no_match.isVisibleTo(view):
        return view.no_match.text()
    status = view.proxy.status
    under = [c for c in view.model.items() if status == "all"
             or (c.closed_date is None) == (status == "active")]
    kind = {"active": "active case", "closed": "closed case"}.get(status, "case")
    shown = view.proxy.rowCount()
    if not view.filter_bar.is_narrowed():
        return f"Showing {plural(shown, kind)}."
    return f"Showing {shown} of {plural(len(under), kind)}."
