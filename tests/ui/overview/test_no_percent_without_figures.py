"""With "Show figures" off, no sentence on the Overview carries a percentage (issue 14).

Every text a user can see or hear: labels, buttons, tooltips, accessible names and
descriptions, the trend table's visible cells, on the demo data and on a heavy month with the
sustained panels up.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.demo_copy import demo_into
from ui.shell.hub import Hub
from ui.overview.overview_view import OverviewView

TODAY = date(2026, 11, 27)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                          "does not support raise")  # offscreen only


def _texts(view: QWidget) -> list[str]:
    texts = []
    for widget in [view, *view.findChildren(QWidget)]:
        if not widget.isVisibleTo(view) and widget is not view:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return [t for t in texts if t]


def _percent(texts: list[str]) -> list[str]:
    return [t for t in texts if "%" in t or "percent" in t.lower()]


def test_no_sentence_on_the_overview_carries_a_percentage_with_figures_off(db, qtbot, tmp_path):
    demo_into(db, TODAY)
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitUntil(lambda: view.trend is not None and view.what_if is not None)
    assert not view.show_figures.isChecked()
    assert "over capacity in" in view.trend.summary.text()  # the trend line, in band words
    assert _percent(_texts(view)) == []
    view.trend.as_table.setChecked(True)
    cells = [cell for row in view.trend.table_rows() for cell in row]
    assert _percent(_texts(view) + cells) == []
    view.show_figures.setChecked(True)  # and the figures are there when asked for
    assert _percent(_texts(view))


def test_the_sustained_panel_is_among_the_texts_checked(db, qtbot, tmp_path):
    demo_into(db, TODAY)
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    assert view.sustained.isVisibleTo(view)  # the demo month is heavy: the calm panel is up
    assert _percent(_texts(view.sustained)) == []
