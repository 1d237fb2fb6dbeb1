"""'How is this worked out?': the method, the numbers used, the thresholds and where support is.

The words come from core.workload.method_text; this dialog only lays them out. It is not modal, so it
can stay open beside the Overview, and one instance is reused.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core.workload.method_text import FOUR_WEEKS, MethodSection, method_sections
from core.workload.weightings import Weightings

TITLE = "How is this worked out?"
SUPPORT = FOUR_WEEKS  # what "What does this mean?" under a panel opens


def anchor(title: str) -> str:
    return "s-" + "".join(ch.lower() if ch.isalnum() else "-" for ch in title)


def method_html(sections: list[MethodSection], first: str | None = None) -> str:
    """The page; with `first`, that section comes before the contents, so the answer asked
    for is at the top, whole, rather than scrolled to part-way down the page."""
    contents = " · ".join(f'<a href="#{anchor(s.title)}">{html.escape(s.title)}</a>'
                          for s in sections)
    lead = [s for s in sections if s.title == first]
    parts = []
    for section in lead:
        parts.append(f'<h3><a name="{anchor(section.title)}-first"></a>'
                     f"{html.escape(section.title)}</h3>")
        parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
    parts.append(f"<p>{contents}</p>")
    for section in sections:
        parts.append(f'<h3><a name="{anchor(section.title)}"></a>{html.escape(section.title)}</h3>')
        parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
    return "\n".join(parts)


class MethodDialog(QDialog):
    """A readable page of the method, opened at a section when asked."""

    def __init__(self, weightings: Weightings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(640, 620)
        self.sections = method_sections(weightings)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: nothing here leaves the app
        self.browser.setAccessibleName(TITLE)
        self.browser.document().setDocumentMargin(12)
        self.browser.setHtml(method_html(self.sections))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def show_section(self, title: str | None) -> None:
        """The page with `title`'s section first, at the top (or the page from its start)."""
        self.browser.setHtml(method_html(self.sections, title))
        self.browser.verticalScrollBar().setValue(0)

    @classmethod
    def open_at(cls, parent: QWidget | None, weightings: Weightings | None = None,
                section: str | None = None) -> MethodDialog:
        """Show the page (reusing the one already made for this window), at `section`."""
        dialog = parent.findChild(cls) if parent is not None else None
        if dialog is None:
            dialog = cls(weightings, parent)
        else:
            dialog.sections = method_sections(weightings)
            dialog.browser.setHtml(method_html(dialog.sections))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.show_section(section)
        return dialog
