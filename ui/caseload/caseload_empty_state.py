"""What the Caseload view shows before there are any cases: three clear ways to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.flow_layout import FlowRow


class EmptyState(QWidget):
    """Signals:
    newRequested: the practitioner chose to add a case.
    importRequested: the practitioner chose to import a spreadsheet (CSV or .xlsx).
    wmtRequested: the practitioner chose to set up from the counts on their WMT caseload page.
    """

    newRequested = Signal()
    importRequested = Signal()
    wmtRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        heading = QLabel("No cases yet")
        heading.setObjectName("emptyHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        body = QLabel(
            "Type the counts from your WMT caseload page and have them made in one step, add "
            "your cases one at a time, or import them all from a spreadsheet (CSV or .xlsx). "
            "Each case needs only a short reference of your own (such as C07), its type, tier "
            "and start date. No names or other identifiers."
        )
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)  # lines of a comfortable length, fewer on a narrow window
        body.setMaximumWidth(body.fontMetrics().averageCharWidth() * 84)
        self.wmt_button = QPushButton("Set up from my &WMT caseload…")
        self.new_button = QPushButton("Add a case…")
        self.import_button = QPushButton("Import a spreadsheet…")
        buttons = FlowRow(centred=True)  # one under another on a narrow window
        buttons.addWidget(self.wmt_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        centred = QHBoxLayout()  # a column of comfortable lines in the middle of the view
        centred.addStretch(1)
        centred.addWidget(body, 100)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.setFocusProxy(self.wmt_button)

    def _connect_signals(self) -> None:
        self.wmt_button.clicked.connect(self.wmtRequested)
        self.new_button.clicked.connect(self.newRequested)
        self.import_button.clicked.connect(self.importRequested)
