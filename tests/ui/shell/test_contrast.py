"""Contrast measured on what is drawn: the rendered widgets are sampled, light, dark and high
contrast (light and dark), and text must stand at least 4.5:1 from what is behind it, focus
indicators and state at least 3:1 (WCAG 2.2, 1.4.3, 1.4.11, 2.4.7)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.shell.contrast_looks import contrast, pixels, text_contrast
from ui.widgets.line_field import LineField

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_selected_view_reads_at_4_5_to_1_and_its_focus_is_seen(scheme_window, qtbot):
    nav = scheme_window.nav
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    row = nav.currentRow()
    rect = nav.visualRect(nav.model().index(row, 0))
    scheme_window.centralWidget().setFocus()
    unfocused = nav.viewport().grab().toImage()
    nav.setFocus()
    QApplication.processEvents()
    focused = nav.viewport().grab().toImage()
    inner = rect.adjusted(4, 3, -4, -3)  # inside the item's edge: its words on its fill
    assert text_contrast(focused, inner) >= 4.5
    changed = [focused.pixel(x, y) for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1)
               if focused.pixel(x, y) != unfocused.pixel(x, y)]
    assert changed, "the views list looks the same with and without focus"
    edge = QColor.fromRgb(Counter(changed).most_common(1)[0][0])
    window = nav.palette().color(QPalette.ColorRole.Window)
    assert contrast(edge, window) >= 3.0  # the edge against the list it stands on
    # The state: the selected view's fill stands 3:1 from the list around it.
    fill = QColor.fromRgb(pixels(unfocused, inner).most_common(1)[0][0])
    assert contrast(fill, window) >= 3.0


@pytest.mark.parametrize("kind", [QLineEdit, LineField])
def test_placeholder_text_reads_at_4_5_to_1(scheme, qtbot, kind):
    field = kind()
    field.setPlaceholderText("Reference (Ctrl+F)")
    field.resize(300, 40)
    qtbot.addWidget(field)
    field.show()
    QApplication.processEvents()
    image = field.grab().toImage()
    assert text_contrast(image, field.rect().adjusted(4, 4, -4, -4)) >= 4.5


def test_placeholder_text_reads_at_4_5_to_1_in_a_shaded_table_row(scheme, qtbot):
    """A cell's editor opens on the row's shade: every other row is the alternate base (dark's
    #383A40 left its placeholder at 4.04:1)."""
    field = QLineEdit()
    field.setPlaceholderText("Type a note")
    palette = field.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.AlternateBase))
    field.setPalette(palette)
    field.resize(300, 40)
    qtbot.addWidget(field)
    field.show()
    QApplication.processEvents()
    image = field.grab().toImage()
    assert text_contrast(image, field.rect().adjusted(4, 4, -4, -4)) >= 4.5


@pytest.mark.parametrize("kind", ["QCheckBox", "QRadioButton"])
def test_a_focused_tick_box_shows_an_edge_at_3_to_1(scheme, qtbot, kind):
    from PySide6 import QtWidgets

    form = QtWidgets.QWidget()
    box = getattr(QtWidgets, kind)("Show figures", form)
    other = QLineEdit(form)
    layout = QtWidgets.QVBoxLayout(form)
    layout.addWidget(box)
    layout.addWidget(other)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    other.setFocus()
    QApplication.processEvents()
    plain = box.grab().toImage()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    focused = box.grab().toImage()
    changed = Counter(focused.pixel(x, y) for x in range(focused.width())
                      for y in range(focused.height())
                      if focused.pixel(x, y) != plain.pixel(x, y))
    assert changed, "focus does not show"
    edge = QColor.fromRgb(changed.most_common(1)[0][0])
    assert contrast(edge, box.palette().color(QPalette.ColorRole.Window)) >= 3.0


def test_the_trend_line_stands_3_to_1_from_the_chart(scheme_window, qtbot):
    """The weekly estimate's line, sampled where it is drawn, against the chart's field."""
    scheme_window.show_view("overview")
    view = scheme_window.view("overview")
    qtbot.waitUntil(lambda: view.trend is not None)
    trend = view.trend
    trend.show()
    QApplication.processEvents()
    line = trend.curve.opts["pen"].color().rgb()
    image = trend.plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    seen = pixels(image, image.rect())
    assert seen[line] > 20  # the line is drawn in this colour (not only set)
    field = QColor.fromRgb(seen.most_common(1)[0][0])
    assert contrast(field, QColor.fromRgb(line)) >= 3


def _hue_apart(a: QColor, b: QColor) -> int:
    gap = abs(a.hsvHue() - b.hsvHue()) % 360
    return min(gap, 360 - gap)


def test_the_trend_line_is_not_a_gauge_bands_colour(scheme_window, qtbot):
    """The estimate's line was the gauge's "Fully committed" blue (and, on dark, near its
    "Some capacity" sky): one colour, two meanings on one page."""
    scheme_window.show_view("overview")
    view = scheme_window.view("overview")
    qtbot.waitUntil(lambda: view.trend is not None)
    line = view.trend.curve.opts["pen"].color()
    for gauge in (view.workload.gauge, view.caseload.gauge):
        for band in gauge.bands():
            fill = QColor(band.colour)
            if fill.hsvSaturation() > 40:  # a colour, not ink or grey
                assert _hue_apart(line, fill) >= 60, (line.name(), band.words)


def test_the_trend_keys_dashed_line_stands_3_to_1_from_its_card(scheme_window, qtbot):
    """The key's swatch for the 110% line was near-black ink, all but invisible on dark."""
    scheme_window.show_view("overview")
    view = scheme_window.view("overview")
    qtbot.waitUntil(lambda: view.trend is not None)
    key, card = view.trend.key, view.trend_card
    card.show()
    QApplication.processEvents()
    row = next(i for i, words in enumerate(key.words) if words.startswith("Dashed line"))
    mark = key.layout().itemAt(row).layout().itemAt(0).widget()
    image = card.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.width() / card.width()
    corner = mark.mapTo(card, mark.rect().topLeft())
    rect = QRect(round(corner.x() * ratio), round(corner.y() * ratio),
                 round(mark.width() * ratio), round(mark.height() * ratio))
    assert text_contrast(image, rect) >= 3.0


def test_a_focused_gauge_shows_a_ring_at_3_to_1_on_its_card(scheme_window, qtbot):
    """The gauges take focus (a screen reader reads their level there): the ring must show."""
    scheme_window.show_view("overview")
    view = scheme_window.view("overview")
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    card, gauge = view.workload, view.workload.gauge
    card.official_button.setFocus()
    QApplication.processEvents()
    plain = card.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    gauge.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    focused = card.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    changed = Counter(focused.pixel(x, y) for x in range(focused.width())
                      for y in range(focused.height())
                      if focused.pixel(x, y) != plain.pixel(x, y))
    assert changed, "focus on the gauge does not show"
    ring = QColor.fromRgb(changed.most_common(1)[0][0])
    assert contrast(ring, card.palette().color(QPalette.ColorRole.Base)) >= 3.0


def test_a_focused_card_heading_shows_a_ring_at_3_to_1_on_its_card(scheme_window, qtbot):
    """A card of sentences ("What's driving it") is a Tab stop by its heading: the ring must
    show."""
    scheme_window.show_view("overview")
    view = scheme_window.view("overview")
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    card = view.drivers
    view.show_figures.setFocus()
    QApplication.processEvents()
    plain = card.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    card.heading.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    focused = card.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    changed = Counter(focused.pixel(x, y) for x in range(focused.width())
                      for y in range(focused.height())
                      if focused.pixel(x, y) != plain.pixel(x, y))
    assert sum(changed.values()) >= 2 * card.heading.height(), "focus on the heading hardly shows"
    ring = QColor.fromRgb(changed.most_common(1)[0][0])
    assert contrast(ring, card.palette().color(QPalette.ColorRole.Base)) >= 3.0


def _grab(widget) -> QImage:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _focus_ring(scheme_window, qtbot, button) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """How many pixels focus changes on `button`, and the contrast of the commonest new colour
    against the colour it replaced there (black to navy was 1.2:1: nobody sees that)."""
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    scheme_window.view("caseload").filter_bar.search.setFocus()
    plain = _grab(button)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    focused = _grab(button)
    changed = [(x, y) for x in range(focused.width()) for y in range(focused.height())
               if focused.pixel(x, y) != plain.pixel(x, y)]
    if not changed:
        return 0, 1.0
    ring = Counter(focused.pixel(x, y) for x, y in changed).most_common(1)[0][0]
    under = Counter(plain.pixel(x, y) for x, y in changed if focused.pixel(x, y) == ring)
    return len(changed), contrast(QColor.fromRgb(ring), QColor.fromRgb(under.most_common(1)[0][0]))


@pytest.mark.parametrize("which", ["button", "toggle"])
def test_a_focused_button_or_toggle_shows_a_ring_at_3_to_1(scheme_window, qtbot, which):
    scheme_window.show_view("caseload")
    view = scheme_window.view("caseload")
    button = view.new_button if which == "button" else view.filter_bar.status_buttons["closed"]
    count, against = _focus_ring(scheme_window, qtbot, button)
    # A ring all round: at least the button's perimeter, not a recoloured corner.
    assert count >= button.width() + button.height(), f"focus changes {count} pixels"
    assert against >= 3.0


def test_the_chosen_case_status_has_an_edge_at_3_to_1_not_only_a_shade(scheme_window, qtbot):
    """Active/Closed/All: the chosen one differs from the others by more than its fill."""
    scheme_window.show_view("caseload")
    bar = scheme_window.view("caseload").filter_bar
    chosen, other = bar.status_buttons["active"], bar.status_buttons["all"]
    assert chosen.isChecked() and not other.isChecked()
    scheme_window.view("caseload").new_button.setFocus()  # neither has focus
    on, off = _grab(chosen), _grab(other)
    # Across the left edge at mid-height: the chosen one's frame stands 3:1 from what the other
    # shows at the same pixels (the shades alone were 1.3:1), and 3:1 from the window.
    middle = on.height() // 2
    window = chosen.palette().color(QPalette.ColorRole.Window)
    apart = [(contrast(QColor.fromRgb(on.pixel(x, middle)), QColor.fromRgb(off.pixel(x, middle))),
              contrast(QColor.fromRgb(on.pixel(x, middle)), window)) for x in range(4)]
    assert any(a >= 3.0 and w >= 3.0 for a, w in apart), apart
    assert chosen.font().bold() and not other.font().bold()  # and its words say it too


def test_the_time_charts_ink_stands_3_to_1_from_the_chart(scheme_window, qtbot):
    """The weekly chart's dashes for contracted hours and its hatching for hours over contract,
    sampled where they are drawn: both were near-black whatever the palette, about 1.1:1 on
    the dark window, so a week over contract looked like any other."""
    scheme_window.show_view("time")
    view = scheme_window.view("time")
    view.tabs.setCurrentWidget(view._charts_page)
    weekly = view.charts.weekly
    QApplication.processEvents()
    image = weekly.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.width() / weekly.width()
    corner = weekly.plot.mapTo(weekly, weekly.plot.rect().topLeft())
    rect = QRect(round(corner.x() * ratio), round(corner.y() * ratio),
                 round(weekly.plot.width() * ratio), round(weekly.plot.height() * ratio))
    seen = pixels(image, rect)
    field = QColor.fromRgb(seen.most_common(1)[0][0])
    dash = weekly.contracted_curve.opts["pen"].color()
    hatching = weekly.over_bars.opts["brush"].color()
    for what, colour in (("contracted hours", dash), ("over contract", hatching)):
        assert seen[colour.rgb()] > 20, f"{what} is not drawn in {colour.name()}"
        assert contrast(field, colour) >= 3, (what, colour.name(), field.name())
