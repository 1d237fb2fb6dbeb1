"""What a screen reader can read of a band gauge. With figures off: words only, and nothing a
screen reader turns into a percentage (a progress bar's value is read as a percent of its
range: 112 on 60–150 is heard as "58 percent"). With figures on: a level whose Value is the
figure on screen, percent of available hours or cases. The two faces look exactly alike."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.widgets.gauge import CaseloadGauge, WorkloadGauge

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _reading(face) -> tuple[int, int, int]:
    value = QAccessible.queryAccessibleInterface(face).valueInterface()
    assert value is not None, "no value for a screen reader"
    return value.currentValue(), value.minimumValue(), value.maximumValue()


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


def _face_shown(holder) -> QWidget:
    shown = [w for w in holder.findChildren(QWidget) if w.isVisible()
             and QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)
             .startswith("This week's estimate:")]
    assert len(shown) == 1, "one gauge face is shown at a time"
    return shown[0]


def test_with_figures_off_there_is_no_value_and_no_progress_bar(card):
    face = _face_shown(card)
    assert face is card.gauge
    assert not card.findChildren(QProgressBar), "a progress bar is read as a percentage"
    iface = QAccessible.queryAccessibleInterface(face)
    assert iface.valueInterface() is None
    assert iface.role() != QAccessible.Role.ProgressBar
    assert iface.state().focusable
    assert iface.text(QAccessible.Text.Name) == "This week's estimate: Over capacity"
    assert iface.text(QAccessible.Text.Description).startswith("Over capacity")
    assert card.heading.buddy() is None  # its name says it; a buddy said it twice


def test_with_figures_on_the_value_is_the_percent_of_hours_rounded_half_up(card):
    card.gauge.set_show_figures(True)
    face = _face_shown(card)
    assert face is not card.gauge and face is card.gauge.reading_face()
    iface = QAccessible.queryAccessibleInterface(face)
    assert iface.role() == QAccessible.Role.ProgressBar
    assert _reading(face) == (112, 60, 150)
    card.gauge.set_value(187.5, "187.5%")
    assert _reading(face) == (188, 60, 188)  # past the drawn scale, the range holds it
    card.gauge.set_value(52.0, "52%")
    assert _reading(face) == (52, 52, 150)
    # Words first in the name, words in the description and in the bar's own text.
    assert iface.text(QAccessible.Text.Name) == "This week's estimate: Over capacity"
    assert iface.text(QAccessible.Text.Description).startswith("Over capacity")
    assert face.text() == "Over capacity"
    assert card.heading.buddy() is None  # its name says it; a buddy said it twice


def test_turning_figures_off_again_leaves_no_value_behind(card, qtbot):
    card.gauge.set_show_figures(True)
    reading = card.gauge.reading_face()
    card.gauge.set_show_figures(False)
    qtbot.waitUntil(lambda: not card.findChildren(QProgressBar))
    assert _face_shown(card) is card.gauge and card.gauge.reading_face() is None
    del reading


def test_the_caseload_value_is_in_cases(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    gauge = CaseloadGauge()
    layout.addWidget(gauge)
    qtbot.addWidget(holder)
    gauge.set_reference(Fraction(304, 10))  # part time: 30.4 cases is the reference
    gauge.set_value(23 / 30.4, "23 cases")
    gauge.set_show_figures(True)
    assert _reading(gauge.reading_face()) == (23, 0, 49)  # to 1.6 times the reference, 48.64


def test_tab_reaches_the_face_shown_in_its_place_and_focus_stays_on_the_gauge(card, qtbot):
    def tab_from(widget) -> QWidget:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        widget.focusNextChild()
        return card.focusWidget()

    for figures in (False, True, False, True):
        card.gauge.set_show_figures(figures)
        face = _face_shown(card)
        assert tab_from(card.before) is face
        assert tab_from(face) is card.after
    # Show figures changed while the gauge has the focus: the face that replaces it takes it.
    card.gauge.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(card.gauge.reading_face().hasFocus)
    card.gauge.set_show_figures(False)
    qtbot.waitUntil(lambda: card.focusWidget() is card.gauge)
    card.gauge.set_show_figures(True)
    qtbot.waitUntil(lambda: card.focusWidget() is card.gauge.reading_face())


def test_both_faces_look_exactly_alike(card, qtbot):
    for figures in (False, True):
        card.gauge.set_show_figures(figures)
        shown = _face_shown(card)
        image = shown.grab().toImage()
        other = card.gauge if shown is not card.gauge else None
        if other is None:  # figures off: draw the reading face the same way to compare
            card.gauge.set_show_figures(True)
            other = card.gauge.reading_face()
            card.gauge.scale.show_figures = False
        other.resize(shown.size())
        assert other.grab().toImage() == image, f"the faces differ with figures {figures}"
        card.gauge.set_show_figures(figures)


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
            assert (iface.valueInterface() is not None) == figures
