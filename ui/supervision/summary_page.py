"""The summary as a page on screen to read: the same sections, words and order as the printed
page, on white paper in its type, built so a screen reader reads it as a document.

The printed page is one rich-text document whose tables lay it out (two columns of details,
the chart beside its section). On screen that reached a screen reader as one label with its
cells run together. Here the prose is read-only text (`ReadingText`), each table of the
summary a real table with its column headings, and the chart a picture named with its figures.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.supervision.summary_model import DOCUMENT_TITLE, MIN_FONT_PT, Section, Summary
from core.supervision.summary_render import CHART_CAPTION, INK, MUTED, RULE, footer_text
from core.workload.wording import number as figure
from ui.supervision.trend_image import trend_image
from ui.widgets.reading_page import ReadingText, reading_table

PAPER = "#FFFFFF"
CHART_SIZE = (300, 120)
TEXT_INSET = 5  # a text's focus edge (2 px) and its margin (3 px)


def _css(font_pt: float) -> str:
    return (f"body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: {font_pt:g}pt;"
            f" color: {INK}; }} p {{ margin-top: 1px; margin-bottom: 3px; }}"
            f" .muted {{ color: {MUTED}; }} .class {{ font-weight: bold; }}")


def _heading(section: Section, font_pt: float) -> str:
    more = (f'<span style="font-weight: normal; color: {MUTED};">&nbsp;&nbsp;'
            f"({escape(section.more_note)})</span>" if section.more_note else "")
    return (f'<p style="font-size: {font_pt + 1.5:g}pt; font-weight: bold; margin-top: 8px;">'
            f"{section.number}.&nbsp;&nbsp;{escape(section.title)}{more}</p>")


def _prose(section: Section) -> str:
    out = []
    if section.empty and not section.has_content():
        out.append(f'<p class="muted"><i>{escape(section.empty)}</i></p>')
    out += [f"<p>{escape(t)}</p>" for t in section.paragraphs]
    if section.bullets:
        out.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in section.bullets) + "</ul>")
    return "".join(out)


def _chart(section: Section) -> QLabel:
    """The trend as drawn on the page; its name says what it shows, week by week."""
    width, height = CHART_SIZE
    image = trend_image(section.trend, width, height)
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(image.width() / width)
    label = QLabel()
    label.setPixmap(pixmap)
    weeks = ", ".join(f"{p.label}: {p.missing if p.percent is None else f'{figure(p.percent)}%'}"
                      for p in section.trend)
    label.setAccessibleName(f"Chart of the weekly estimate. {weeks}")
    return label


def _on_paper(widget: QWidget) -> None:
    """White paper and dark ink whatever the theme, as the page prints. Set on each part:
    Qt gives text fields and tables their own palette, which the paper's would not reach."""
    palette = widget.palette()
    for role, colour in ((QPalette.ColorRole.Window, PAPER), (QPalette.ColorRole.Base, PAPER),
                         (QPalette.ColorRole.AlternateBase, PAPER),
                         (QPalette.ColorRole.WindowText, INK), (QPalette.ColorRole.Text, INK),
                         (QPalette.ColorRole.Button, "#E6E6E6"),
                         (QPalette.ColorRole.ButtonText, INK), (QPalette.ColorRole.Mid, RULE),
                         (QPalette.ColorRole.Highlight, "#2F6FB0"),
                         (QPalette.ColorRole.HighlightedText, PAPER)):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


class SummaryPage(QScrollArea):
    """The summary on paper, scrolling as a whole."""

    def __init__(self, summary: Summary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Summary preview")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its texts and tables take the keyboard
        paper = QWidget()
        paper.setAutoFillBackground(True)
        _on_paper(paper)
        self._layout = QVBoxLayout(paper)
        self._layout.setContentsMargins(24, 20, 24, 20)
        self._layout.setSpacing(6)
        self._font = summary.font_pt
        self._html: list[str] = []
        self.texts: list[ReadingText] = []
        self.tables = []
        self._build(summary)
        self._layout.addStretch(1)
        count = len(self.texts)
        for n, text in enumerate(self.texts, 1):
            text.setAccessibleName(f"Summary text, part {n} of {count}" if count > 1
                                   else "Summary text")
        self.setWidget(paper)

    def _build(self, summary: Summary) -> None:
        header = summary.section("header")
        if summary.classification:
            self._html.append(f'<p class="class" align="center">'
                              f"{escape(summary.classification)}</p>")
        self._html.append(f'<p style="font-size: 16pt; font-weight: bold;">{DOCUMENT_TITLE}</p>')
        self._html.append(_heading(header, self._font))
        self._html += [f"<p>{escape(t)}</p>" for t in header.paragraphs]
        if summary.notice:
            self._html.append(f"<p><i>{escape(summary.notice)}</i></p>")
        for section in summary.sections[1:]:
            self._html.append(_heading(section, self._font))
            self._html.append(_prose(section))
            if section.trend:
                self._flush()
                self._add(_chart(section))
                caption = QLabel(CHART_CAPTION)  # under the chart, as on the page
                caption.setWordWrap(True)
                font = caption.font()
                font.setPointSizeF(MIN_FONT_PT)
                caption.setFont(font)
                self._add(caption)
            if section.rows:
                self._flush()
                head, *body = section.rows
                table = reading_table(section.title, head, body, fit=True, stretch=0)
                table.setStyleSheet(table.styleSheet() + (
                    f" QTableView {{ gridline-color: {RULE}; border: 1px solid {RULE};"
                    f" background: {PAPER}; color: {INK}; }}"
                    f" QHeaderView::section {{ background: #E6E6E6; color: {INK};"
                    " font-weight: bold; }"))
                _on_paper(table)
                table.setAlternatingRowColors(False)
                self._add(table)
                self.tables.append(table)
            if section.comment_lines:
                # Ruled lines to write on, drawn as rules: as 60 underscores a screen reader
                # read out a run of "underscore" for each. What they are is the description.
                self._html.append("<p><b>Manager's comments</b></p>")
                self._html += ["<p>&nbsp;</p><hr>"] * section.comment_lines
                self._described = (f"Under Manager's comments, {section.comment_lines} ruled "
                                   "lines to write on.")
        self._html.append(f'<p class="muted" align="center">{escape(footer_text(summary))}'
                          + (f"<br><b>{escape(summary.classification)}</b>"
                             if summary.classification else "") + "</p>")
        self._flush()

    def _add(self, widget: QWidget) -> None:
        """A part that is not text, lined up with the texts (inside their focus edge)."""
        row = QHBoxLayout()
        row.setContentsMargins(TEXT_INSET, 0, TEXT_INSET, 0)
        row.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
        if isinstance(widget, QLabel):
            row.addStretch(1)
        self._layout.addLayout(row)

    def _flush(self) -> None:
        """The prose gathered so far, as one read-only text."""
        if not self._html:
            return
        text = ReadingText("Summary text", fit=True)
        text.document().setDefaultStyleSheet(_css(self._font))
        text.document().setDocumentMargin(TEXT_INSET - 2)  # clear of its focus edge
        text.setHtml("<html><body>" + "".join(self._html) + "</body></html>")
        _on_paper(text)
        if getattr(self, "_described", ""):
            text.setAccessibleDescription(self._described)
            self._described = ""
        self._layout.addWidget(text)
        self.texts.append(text)
        self._html = []
