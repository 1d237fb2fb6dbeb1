"""The caseload filter bar: Active / Closed / All, reference search, type, tier letter and flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.models import CASE_TYPE_LABELS, CASE_TYPES, FLAG_LABELS, FLAGS, UNTIERED
from ui.case_filter_proxy import MAPPA_FILTER

STATUSES = (("active", "&Active"), ("closed", "Cl&osed"), ("all", "A&ll"))


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QPushButton] = {}
        status_row = QHBoxLayout()
        status_row.setSpacing(0)
        for key, text in STATUSES:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {text.replace('&', '').lower()} cases")
            self.status_group.addButton(button)
            self.status_buttons[key] = button
            status_row.addWidget(button)
        self.status_buttons["active"].setChecked(True)
        layout.addLayout(status_row)
        layout.addSpacing(12)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by reference (Ctrl+F)")
        self.search.setAccessibleName("Search by reference")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
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
        self.flag.setAccessibleName("Flag filter")
        self.flag.addItem("Any flags", None)
        self.flag.addItem("MAPPA (any level)", MAPPA_FILTER)
        for key in FLAGS:
            self.flag.addItem(FLAG_LABELS[key], key)
        for combo in (self.case_type, self.tier, self.flag):
            layout.addWidget(combo)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setEnabled(False)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)

    def _connect_signals(self) -> None:
        self.status_group.buttonToggled.connect(lambda _b, on: on and self._emit())
        self.search.textChanged.connect(self._emit)
        for combo in (self.case_type, self.tier, self.flag):
            combo.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self.find_shortcut.activated.connect(self._focus_search)

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
