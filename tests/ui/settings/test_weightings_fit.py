"""Settings > Weightings keeps its two columns apart however narrow the window: at a 900×600
window (100%) the tier points and the court report fields overlapped. Side by side while each
has the room it needs, else one above the other, and nothing on the page is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.fit_check import cut_off

pytestmark = pytest.mark.qt_log_ignore("does not support")


def _rect(widget: QWidget, page: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(900, 600), (1024, 700), (1280, 800)])
def test_the_weightings_columns_never_overlap(demo_window, size):
    demo_window.resize(*size)
    demo_window.show_view("settings")
    settings = demo_window.view("settings")
    settings.show_page("Weightings")
    page = settings.page("Weightings")
    QApplication.processEvents()
    parts = [page.table, page.changes, *page.scalars.values()]
    for index, first in enumerate(parts):
        assert first.width() >= first.minimumSizeHint().width(), first.accessibleName()
        for second in parts[index + 1:]:
            overlap = _rect(first, page).intersected(_rect(second, page))
            assert overlap.isEmpty(), f"{first.accessibleName()} overlaps {second.accessibleName()}"
    assert cut_off(demo_window) == []  # nor cut at the window's edge, behind a sideways scroll
