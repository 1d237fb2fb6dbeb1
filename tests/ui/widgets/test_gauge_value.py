"""What a screen reader can read of a band gauge: words, and with figures on the figure exactly
as the gauge writes it, in its description. Never a Value: Orca 43 says a Value as its whole share
of the range, truncated, and no range makes that the figure on screen (118.4% on the 60–150 scale
was heard as "131 percent", 45 cases as "56 percent"; on 0–100, 29 is "28 percent")."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.widgets.gauge import BandGauge, CaseloadGauge, WorkloadGauge

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _orca43_share(value: float, low: float, high: float) -> int:
    """What Orca 43 says of a Value: int((current / (maximum - minimum)) * 100) percent."""
    return int((value / (high - low)) * 100)


def test_no_range_makes_orca43s_share_the_figure_shown():
    # Why the gauge has no Value: the share Orca 43 says is not the figure, whichever range.
    assert _orca43_share(118, 60, 150) == 131  # the drawn scale: heard "131 percent", shown 118.4%
    assert _orca43_share(45, 0, 80) == 56  # 45 cases heard "56 percent"
    assert _orca43_share(29, 0, 100) == 28  # even 0-100: floating point
    assert _orca43_share(118.4, 0, 100) == 118  # and whole numbers only


@pytest.fixture
def card(qtbot):
    """A gauge as a card holds it: a heading that names it, a button before and after."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    before, heading, after = QPushButton("Before"), QLabel("This week's estimate"), \
        QPushButton("After")
    gauge = WorkloadGauge()
    for widget in (before, heading, gauge, after):
        layout.addWidget(widget)
    gauge.set_heading(heading)
    gauge.set_value(111.5, "111.5%")
    gauge.set_value_words("Over capacity")
    gauge.set_description("Over capacity, about a tenth more than your available hours.")
    qtbot.addWidget(holder)
    holder.resize(600, 400)
    holder.show()
    qtbot.waitExposed(holder)
    holder.before, holder.heading, holder.gauge, holder.after = before, heading, gauge, after
    return holder


def _no_value(holder) -> None:
    assert not holder.findChildren(QProgressBar), "a progress bar is read as a share of its range"
    for gauge in holder.findChildren(BandGauge):
        iface = QAccessible.queryAccessibleInterface(gauge)
        assert iface.valueInterface() is None, "a Value is heard as a share, not as the figure"
        assert iface.role() == QAccessible.Role.Graphic


def test_with_figures_off_or_on_there_is_no_value_and_no_progress_bar(card):
    for figures in (False, True, False):
        card.gauge.set_show_figures(figures)
        _no_value(card)
        iface = QAccessible.queryAccessibleInterface(card.gauge)
        assert iface.state().focusable
        assert iface.text(QAccessible.Text.Name) == "This week's estimate: Over capacity"
        assert iface.text(QAccessible.Text.Description).startswith("Over capacity")
        assert card.heading.buddy() is None  # its name says it; a buddy said it twice
        assert card.gauge.marker_text() == ("111.5%" if figures else "")


def test_the_caseload_gauge_writes_cases_and_has_no_value(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    gauge = CaseloadGauge()
    layout.addWidget(gauge)
    qtbot.addWidget(holder)
    gauge.set_reference(Fraction(304, 10))  # part time: 30.4 cases is the reference
    gauge.set_value(23 / 30.4, "23 cases")
    gauge.set_show_figures(True)
    assert gauge.marker_text() == "23 cases"
    _no_value(holder)


def test_tab_reaches_the_gauge_in_its_place_figures_on_or_off(card, qtbot):
    def tab_from(widget) -> QWidget:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        widget.focusNextChild()
        return card.focusWidget()

    for figures in (False, True, False, True):
        card.gauge.set_show_figures(figures)
        assert tab_from(card.before) is card.gauge
        assert tab_from(card.gauge) is card.after
    # Show figures changed while the gauge has the focus: it keeps it.
    card.gauge.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(card.gauge.hasFocus)
    card.gauge.set_show_figures(False)
    assert card.focusWidget() is card.gauge


def test_the_overview_gauges_are_named_by_their_cards_and_band_words(demo_window):
    view = demo_window.view("overview")
    for figures in (False, True):
        view.show_figures.setChecked(figures)
        for card in (view.workload, view.caseload):
            face = card.gauge.face()
            iface = QAccessible.queryAccessibleInterface(face)
            words = card.headline.text()
            assert words
            assert iface.text(QAccessible.Text.Name) == f"{card.heading.text()}: {words}"
            # Then the card's sentences as shown (the band once, in the name).
            assert iface.text(QAccessible.Text.Description).startswith(card.words.text())
            assert card.heading.buddy() is None  # its name says it; a buddy said it twice
            assert iface.valueInterface() is None
            # The figure is heard as the gauge writes it, in the card's sentences said with it.
            figure = card.gauge.marker_text()
            assert bool(figure) == figures
            if figures:
                said = figure.replace("%", " percent")
                assert said in iface.text(QAccessible.Text.Description), figure
