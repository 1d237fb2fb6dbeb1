"""'How is this worked out?': the method, the numbers used, the thresholds and where support is.

The words come from core.workload.method_text; this dialog only lays them out. It is not modal, so it
can stay open beside the Overview, and one instance is reused.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from core.workload.method_text import FOUR_WEEKS, MethodSection, method_sections
from core.workload.weightings import Weightings
from ui.widgets.reading_page import Heading, LinkButton, ReadingText

TITLE = "How is this worked out?"
SUPPORT = FOUR_WEEKS  # what "What does this mean?" under a panel opens


def anchor(title: str) -> str:
    return "s-" + "".join(ch.lower() if ch.isalnum() else "-" for ch in title)


def method_html(sections: list[MethodSection], first: str | None = None) -> str:
    """The page; with `first`, that section comes first, so the answer asked for is at the
    top, whole, rather than scrolled to part-way down the page. No links: the contents are
    link buttons of their own, which reach a screen reader (links in the text would not)."""
    lead = [s for s in sections if s.title == first]
    parts = []
    for section, suffix in [(s, "-first") for s in lead] + [(s, "") for s in sections]:
        parts.append(f'<h3><a name="{anchor(section.title)}{suffix}"></a>'
                     f"{html.escape(section.title)}</h3>")
        parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
    return "\n".join(parts)


class MethodDialog(QDialog):
    """A readable page of the method, opened at a section when asked: the contents as links
    above the text, each moving the text (and a screen reader's reading) to its section."""

    def __init__(self, weightings: Weightings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(680, 640)
        self.sections = method_sections(weightings)
        self.text = ReadingText(TITLE, method_html(self.sections))
        self.contents = QWidget()
        self.contents.setAccessibleName("Contents")
        grid = QGridLayout(self.contents)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        rows = -(-len(self.sections) // 2)
        self.links: list[LinkButton] = []
        for n, section in enumerate(self.sections):  # down the first column, then the second
            link = LinkButton(section.title)
            link.clicked.connect(lambda _=False, t=section.title: self.go_to(t))
            grid.addWidget(link, n % rows, n // rows, Qt.AlignmentFlag.AlignLeft)
            self.links.append(link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Contents", 1.0))
        layout.addWidget(self.contents)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to(self, title: str) -> None:
        """The text at `title`'s section, the reading caret on its heading."""
        self.text.go_to_anchor(anchor(title))

    def show_section(self, title: str | None) -> None:
        """The page with `title`'s section first, at the top (or the page from its start)."""
        self.text.setHtml(method_html(self.sections, title))
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.text.verticalScrollBar().setValue(0)

    @classmethod
    def open_at(cls, parent: QWidget | None, weightings: Weightings | None = None,
                section: str | None = None) -> MethodDialog:
        """Show the page (reusing the one already made for this window), at `section`."""
        dialog = parent.findChild(cls) if parent is not None else None
        if dialog is None:
            dialog = cls(weightings, parent)
        else:
            dialog.sections = method_sections(weightings)
            dialog.text.setHtml(method_html(dialog.sections))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.show_section(section)
        return dialog
