"""Draw the summary's HTML onto one A4 page with QPdfWriter (or a printer), with no metadata.

This module is also the page layout every summary format is fitted against: `fits_one_page`
lays the summary out exactly as it will print and says whether it holds on one A4 page.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pikepdf
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from sqlite_utils import Database

from core.supervision import export
from core.supervision.export import write_atomically
from core.supervision.summary import SummaryOptions
from core.supervision.summary_model import Summary
from core.supervision.summary_render import summary_html
from ui.supervision.trend_image import trend_image

MARGIN_MM = 15.0
RESOLUTION = 96  # layout units match the screen's, so the preview and the page agree
CHART_NAME = "trend.png"
CHART_WIDTH = 300


def ensure_gui_application() -> QGuiApplication:
    """The command line lays out and draws the summary without a window: start Qt offscreen
    when nothing is running. A QApplication (not only a QGuiApplication), so that anything
    later in the same process that shows a widget still can."""
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app  # type: ignore[return-value]


def summary_document(summary: Summary) -> QTextDocument:
    """The summary's HTML as a document, with the trend chart added as an image resource."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    trend = summary.section("workload").trend
    if trend:
        doc.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl(CHART_NAME),
            trend_image(trend, CHART_WIDTH, 120),
        )
    doc.setHtml(summary_html(summary, chart_src=CHART_NAME, chart_width=CHART_WIDTH))
    return doc


def _page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _content_size() -> QSizeF:
    rect = _page_layout().paintRectPixels(RESOLUTION)
    return QSizeF(rect.width(), rect.height())


def page_count(summary: Summary) -> int:
    """A4 pages the summary takes, laid out exactly as paint_summary draws it."""
    doc = summary_document(summary)
    doc.setPageSize(_content_size())
    return doc.pageCount()


def fits_one_page(summary: Summary) -> bool:
    return page_count(summary) <= 1


def fitted_summary(db: Database, options: SummaryOptions, today: date | None = None) -> Summary:
    """The period's summary fitted once to one A4 page: what every format (PDF, HTML, Markdown)
    of this export draws. Raises ValidationError for a bad period or classification line."""
    ensure_gui_application()
    return export.fitted_summary(db, options, today, fits_one_page)


def paint_summary(summary: Summary, device: QPagedPaintDevice) -> None:
    """Lay the summary out at the device's page size and paint every page onto it."""
    doc = summary_document(summary)
    size = _content_size()
    doc.setPageSize(size)
    scale = device.logicalDpiX() / RESOLUTION
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        for page in range(doc.pageCount()):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * size.height())
            doc.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
            painter.restore()
    finally:
        painter.end()


def pdf_bytes(summary: Summary) -> bytes:
    """The summary as a one-page PDF with no metadata at all: no title, author, creator,
    producer, dates, XMP packet or document id (Qt writes a producer, both dates and an XMP
    packet with a uuid; pikepdf takes them out). The file id is derived from the content."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(_page_layout())
    writer.setResolution(300)
    writer.setTitle("")
    writer.setCreator("")
    paint_summary(summary, writer)
    del writer  # the PDF is finished when the writer goes
    buffer.close()
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(bytes(data))) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        if "/ID" in pdf.trailer:  # Qt's first id is a uuid: replaced by one from the content
            del pdf.trailer["/ID"]
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def write_pdf(summary: Summary, path: Path, overwrite: bool = False) -> Path:
    """Draw the fitted summary and save it atomically; an existing file only with `overwrite`
    (raises ValidationError, TargetExistsError for that, otherwise)."""
    data = pdf_bytes(summary)
    return write_atomically(Path(path), lambda temp: temp.write_bytes(data), overwrite)
