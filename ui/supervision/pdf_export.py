"""Draw the summary's HTML onto one A4 page with QPdfWriter (or a printer), with empty metadata."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
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

from core.supervision.export import check_target, write_atomically
from core.supervision.summary import SummaryOptions, first_fitting, fit_summary
from core.supervision.summary_model import Summary
from core.supervision.summary_render import summary_html
from ui.supervision.trend_image import trend_image

MARGIN_MM = 15.0
RESOLUTION = 96  # layout units match the screen's, so the preview and the page agree
CHART_NAME = "trend.png"
CHART_WIDTH = 300


def ensure_gui_application() -> QGuiApplication:
    """The command line draws PDFs without a window: start Qt offscreen when nothing is running."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
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
    doc = summary_document(summary)
    doc.setPageSize(_content_size())
    return doc.pageCount()


def fitted_summary(db: Database, options: SummaryOptions, today: date | None = None) -> Summary:
    """The summary with sections cut (reflection, then time) until it lays out on one page."""
    ensure_gui_application()
    return fit_summary(db, options, today, fits=lambda s: page_count(s) <= 1)


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


def _write_pdf_file(summary: Summary, target: Path) -> None:
    writer = QPdfWriter(str(target))
    writer.setPageLayout(_page_layout())
    writer.setResolution(300)
    # Metadata stays empty: the file should say nothing about who wrote it or what it is.
    writer.setTitle("")
    writer.setCreator("")
    writer.setAuthor("") if hasattr(writer, "setAuthor") else None
    paint_summary(summary, writer)
    del writer  # the file is finished when the writer goes


def write_pdf(
    db: Database, path: Path, options: SummaryOptions, today: date | None = None
) -> Path:
    """Compose, fit to one page and write the PDF atomically (temporary file, then rename)."""
    check_target(Path(path))
    summary = fitted_summary(db, options, today)
    return write_atomically(Path(path), lambda temp: _write_pdf_file(summary, temp))


def write_pdf_candidates(candidates: list[Summary], path: Path) -> Path:
    """The worker-thread half of an export: choose the first summary that fits, draw, save."""
    summary = first_fitting(candidates, lambda s: page_count(s) <= 1)
    return write_atomically(Path(path), lambda temp: _write_pdf_file(summary, temp))
