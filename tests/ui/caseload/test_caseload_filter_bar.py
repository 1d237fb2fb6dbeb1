"""The caseload filters stay readable in a narrow window: they wrap to a second row, never squeeze."""

import pytest
from PySide6.QtWidgets import QLabel

from ui.caseload.caseload_filter_bar import CaseloadFilterBar

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


def _rows(bar):
    top = bar.search.geometry().top()
    return {name: getattr(bar, name).geometry().top() > top for name in ("case_type", "tier", "flag")}


def test_filters_share_one_row_when_wide_and_wrap_when_narrow(qtbot):
    bar = CaseloadFilterBar()
    bar.setMinimumSize(1, 1)  # as inside the window, whose own minimum decides how narrow it gets
    qtbot.addWidget(bar)
    bar.resize(1200, 80)
    bar.show()
    qtbot.waitUntil(lambda: bar.search.geometry().width() > 0)
    assert not any(_rows(bar).values())
    bar.resize(560, 80)
    qtbot.waitUntil(lambda: _rows(bar)["flag"])
    # Nothing is squeezed below the width its text needs, nothing passes the bar's right
    # edge, and each filter keeps its label on its line.
    for button in bar.status_buttons.values():
        assert button.width() >= button.sizeHint().width()
    for combo in (bar.case_type, bar.tier, bar.flag):
        assert combo.width() >= combo.minimumSizeHint().width()
        assert combo.geometry().right() <= bar.width()
        label = next(w for w in bar.findChildren(QLabel) if w.buddy() is combo)
        assert label.geometry().center().y() == pytest.approx(combo.geometry().center().y(), abs=3)
        assert label.geometry().right() < combo.geometry().left()
    bar.resize(1200, 80)
    qtbot.waitUntil(lambda: not any(_rows(bar).values()))


def test_the_chosen_status_is_shown_by_more_than_its_shade(qtbot):
    from ui.caseload.caseload_filter_bar import CaseloadFilterBar

    bar = CaseloadFilterBar()
    qtbot.addWidget(bar)
    bold = {key: b.font().bold() for key, b in bar.status_buttons.items()}
    assert bold == {"active": True, "closed": False, "all": False}
    bar.status_buttons["closed"].click()
    assert [k for k, b in bar.status_buttons.items() if b.font().bold()] == ["closed"]
