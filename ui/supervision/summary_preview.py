"""Preview the summary (the same sections, words and order as the page), and print it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.supervision.export import FORMAT_NAMES, PAGELESS
from core.supervision.summary_model import Summary
from ui.supervision.pdf_export import page_count, paint_summary
from ui.supervision.summary_page import SummaryPage


def print_summary(parent: QWidget | None, summary: Summary) -> bool:
    """Ask for a printer with the system dialog and print the one page; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("supervision")
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_summary(summary, printer)
    return True


class SummaryPreview(QDialog):
    """The summary to read before saving or printing it, with Print."""

    def __init__(self, summary: Summary, parent: QWidget | None = None, fmt: str = "pdf"):
        super().__init__(parent)
        self.summary = summary
        self._fmt = fmt
        self._build_ui()
        self._connect_signals()

    @staticmethod
    def show_preview(parent: QWidget | None, summary: Summary, fmt: str = "pdf") -> None:
        """`fmt` is the format about to be saved: a pageless one (HTML, Markdown) is previewed
        whole, as its file holds it, and the line above says so rather than talk of a page."""
        SummaryPreview(summary, parent, fmt).exec()

    def _build_ui(self) -> None:
        self.setWindowTitle("Supervision summary preview")
        # A page's proportions, but never larger than the screen: Print and Close stay on it.
        room = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 820, 900
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)
        layout = QVBoxLayout(self)
        self.status = QLabel(self._status_text())
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.page = SummaryPage(self.summary)
        layout.addWidget(self.page, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton("&Print…")
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.page.texts[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _status_text(self) -> str:
        """What is true of the format being saved, in one sentence."""
        if self._fmt in PAGELESS:
            return (f"The whole summary, as the {FORMAT_NAMES.get(self._fmt, self._fmt)} file "
                    "will hold it: a file without pages leaves nothing out.")
        # The PDF's page: what fits, and what was left out to make it fit, in one sentence.
        pages = page_count(self.summary)
        notes = self.summary.fit_notes
        if pages <= 1:
            return "Fits on one A4 page" + (f" with {', '.join(notes)}" if notes else "") + "."
        return f"Runs to {pages} pages."

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_summary(self, self.summary))
