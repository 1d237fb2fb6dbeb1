"""A calendar row not proposed (declined, shown as free, outside the working day) is quieter than
the rest but still read: it can be ticked, and its reason says why it was left. Sampled from the
drawn table at 4.5:1, light, dark and high contrast (it was drawn in the disabled grey, 1.9:1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.shell.contrast_looks import SCHEMES, text_contrast
from tests.ui.time.test_calendar_import_dialog import (  # noqa: F401 - its fixtures, used here
    WEEK, cases, dialog, load, week_file)
from ui.shell.theme import apply_theme
from ui.time.calendar_rows_model import COL_SUBJECT, COL_WHY

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(params=list(SCHEMES))
def scheme(request, qapp):
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    apply_theme(qapp, *SCHEMES[request.param])
    QApplication.processEvents()
    yield request.param
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def test_a_row_not_proposed_reads_at_4_5_to_1(scheme, qtbot, dialog, week_file):  # noqa: F811
    load(qtbot, dialog, week_file, *WEEK)
    dialog.resize(1180, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, rows = dialog.table, dialog.rows()
    left = [n for n, row in enumerate(rows) if row.greyed]
    assert left, "the invented week has rows not proposed"
    table.clearSelection()
    for row in left:
        for column in (COL_SUBJECT, COL_WHY):
            index = table.model().index(row, column)
            table.scrollTo(index)  # the dialog may have been cut to a smaller screen
            QApplication.processEvents()
            image = table.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
            ratio = image.width() / table.viewport().width()
            cell = table.visualRect(index).adjusted(2, 2, -2, -2)
            rect = QRect(round(cell.x() * ratio), round(cell.y() * ratio),
                         round(cell.width() * ratio), round(cell.height() * ratio))
            assert image.rect().contains(rect), (scheme, rows[row].subject, column, "not in view")
            assert text_contrast(image, rect) >= 4.5, (scheme, rows[row].subject, column)
