"""Contrast measured on what is drawn, for what shows the keyboard and state: the shown and the
focused tab, the table cell and list item with focus, a focused field, tick boxes, menus
(test_contrast.py has the rest); at least 3:1 (WCAG 2.2, 1.4.11, 2.4.7)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette

from tests.ui.shell.contrast_looks import contrast, pixels
from tests.ui.shell.test_contrast import _grab

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_shown_tab_has_an_edge_at_3_to_1_not_only_a_shade(scheme_window, qtbot):
    """Settings' pages (and Time's Week and Charts): the tab shown differs from the others by
    more than its fill (white against #E8E8E8, 1.15:1; black against #1A1A1A in high contrast)."""
    scheme_window.show_view("settings")
    bar = scheme_window.view("settings").tabs.tabBar()
    scheme_window.nav.setFocus()
    image = _grab(bar)
    shown, other = bar.tabRect(bar.currentIndex()), bar.tabRect((bar.currentIndex() + 1) % 2)

    def edge_rows(rect: QRect) -> list[float]:
        """Each of the tab's top rows: how far its commonest colour stands from the tab's face."""
        face = QColor.fromRgb(pixels(image, rect.adjusted(4, 4, -4, -4)).most_common(1)[0][0])
        ratios = []
        for y in range(rect.top(), rect.top() + 5):
            row = Counter(image.pixel(x, y) for x in range(rect.left() + 4, rect.right() - 3))
            colour, count = row.most_common(1)[0]
            ratios.append(contrast(QColor.fromRgb(colour), face)
                          if count >= (rect.width() - 8) * 0.8 else 1.0)
        return ratios

    assert max(edge_rows(shown)) >= 3.0, edge_rows(shown)
    assert max(edge_rows(other)) < 3.0  # the mark says which one is shown


def test_a_focused_tab_shows_a_ring_at_3_to_1(scheme_window, qtbot):
    """Fusion showed a focused tab by a pale fill, 1.15:1 on white."""
    scheme_window.show_view("settings")
    bar = scheme_window.view("settings").tabs.tabBar()
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    scheme_window.nav.setFocus()
    plain = _grab(bar)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    focused = _grab(bar)
    rect = bar.tabRect(bar.currentIndex())
    changed = [(x, y) for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1)
               if focused.pixel(x, y) != plain.pixel(x, y)]
    assert len(changed) >= rect.width() + rect.height(), f"focus changes {len(changed)} pixels"
    ring = Counter(focused.pixel(x, y) for x, y in changed).most_common(1)[0][0]
    under = Counter(plain.pixel(x, y) for x, y in changed if focused.pixel(x, y) == ring)
    assert contrast(QColor.fromRgb(ring), QColor.fromRgb(under.most_common(1)[0][0])) >= 3.0


def test_the_cell_with_focus_in_a_table_has_a_ring_at_3_to_1(scheme_window, qtbot):
    """Tab into a table: the cell the keyboard is on is ringed, 3:1 from its own fill. Fusion's
    dotted tint was 1.2:1 (Review and delete opened with focus on C10, and nothing showed it)."""
    scheme_window.show_view("caseload")
    table = scheme_window.view("caseload").table
    scheme_window.activateWindow()
    qtbot.waitUntil(scheme_window.isActiveWindow)
    scheme_window.view("caseload").filter_bar.search.setFocus()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: table.currentIndex().isValid())
    image = _grab(table.viewport())
    rect = table.visualRect(table.currentIndex())
    fill = QColor.fromRgb(pixels(image, rect.adjusted(5, 5, -5, -5)).most_common(1)[0][0])
    middle = rect.center().y()
    edge = [QColor.fromRgb(image.pixel(x, middle)) for x in range(rect.left(), rect.left() + 3)]
    assert max(contrast(colour, fill) for colour in edge) >= 3.0, [c.name() for c in edge]


def test_the_meeting_topic_with_focus_has_a_ring_at_3_to_1(scheme_window, qtbot):
    """The meeting's topics list: its selection looks the same with focus and without, so only
    a ring says the arrow keys are in it."""
    scheme_window.meeting.open()
    topics = scheme_window.meeting.view.topics
    topics.window().activateWindow()
    qtbot.waitUntil(topics.window().isActiveWindow)
    topics.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(topics.hasFocus)
    image = _grab(topics.viewport())
    rect = topics.visualRect(topics.currentIndex())
    fill = QColor.fromRgb(pixels(image, rect.adjusted(5, 5, -5, -5)).most_common(1)[0][0])
    middle = rect.center().y()
    edge = [QColor.fromRgb(image.pixel(x, middle)) for x in range(rect.left(), rect.left() + 3)]
    assert max(contrast(colour, fill) for colour in edge) >= 3.0, [c.name() for c in edge]


@pytest.mark.parametrize("kind", ["QLineEdit", "QComboBox", "QSpinBox", "QDateEdit"])
def test_a_focused_field_shows_a_change_at_3_to_1(scheme, qtbot, kind):
    """Arriving in a field changes pixels at least 3:1 from what they were. In high contrast
    Fusion only recoloured the field's 1-pixel edge, black to navy (1.18:1) or light grey to
    yellow (1.64:1), on every text field, list, number and date."""
    from PySide6 import QtWidgets

    form = QtWidgets.QWidget()
    before = QtWidgets.QPushButton("Before", form)
    field = getattr(QtWidgets, kind)(form)
    if isinstance(field, QtWidgets.QComboBox):
        field.addItems(["All types", "Custody"])
    layout = QtWidgets.QVBoxLayout(form)
    layout.addWidget(before)
    layout.addWidget(field)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    before.setFocus()
    plain = _grab(field)
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # as the keyboard arrives (Fusion asks how it came)
    assert field.hasFocus()
    focused = _grab(field)
    changed = [(x, y) for x in range(focused.width()) for y in range(focused.height())
               if focused.pixel(x, y) != plain.pixel(x, y)]
    assert len(changed) >= field.width() + field.height(), f"focus changes {len(changed)} pixels"
    ring = Counter(focused.pixel(x, y) for x, y in changed).most_common(1)[0][0]
    under = Counter(plain.pixel(x, y) for x, y in changed if focused.pixel(x, y) == ring)
    assert contrast(QColor.fromRgb(ring), QColor.fromRgb(under.most_common(1)[0][0])) >= 3.0


def _tick_edge(box) -> tuple[float, QRect]:  # type: ignore[no-untyped-def]
    """How far the most distinct colour of `box`'s tick box stands from the window, and the
    box's rectangle (in the grab's pixels)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    box.show()
    image = _grab(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    ratio = image.width() / box.width()
    rect = QRect(round(rect.x() * ratio), round(rect.y() * ratio),
                 round(rect.width() * ratio), round(rect.height() * ratio))
    window = box.palette().color(QPalette.ColorRole.Window)
    return max(contrast(QColor.fromRgb(p), window) for p in pixels(image, rect)), rect


def test_the_meetings_tick_boxes_are_drawn_in_the_look_in_use(scheme_window, qtbot):
    """The meeting's large tick boxes had a style of their own, plain Fusion: on the dark and
    high-contrast dark windows their box was not drawn at all (its edge a darker shade of a
    black window), so "Case references" looked like a line of words. They stand as far from
    the window as every other tick box in the app (3:1 on dark and in high contrast)."""
    from PySide6.QtWidgets import QCheckBox

    plain = QCheckBox("Show figures", scheme_window.centralWidget())  # unticked, no focus
    ordinary, _rect = _tick_edge(plain)
    scheme_window.meeting.open()
    view = scheme_window.meeting.view
    for box in (view.show_cases, view.next_date.check):
        edge, rect = _tick_edge(box)
        assert edge >= min(ordinary, 3.0) - 0.05, (box.text(), edge, ordinary)
        assert rect.height() >= box.fontMetrics().height() - 2  # as tall as its words


@pytest.mark.parametrize("kind", ["QCheckBox", "QRadioButton"])
def test_an_unticked_box_shows_its_edge_at_3_to_1(scheme, qtbot, kind):
    """An unticked tick box or radio button is only its edge: on the light window Fusion drew
    it #ADADAD on #EFEFEF, 1.65:1 (WCAG asks 3:1 for what identifies a control)."""
    from PySide6 import QtWidgets
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    form = QtWidgets.QWidget()
    box = getattr(QtWidgets, kind)("Show figures", form)
    QtWidgets.QVBoxLayout(form).addWidget(box)
    qtbot.addWidget(form)
    form.show()
    image = _grab(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    which = QStyle.SubElement.SE_CheckBoxIndicator if kind == "QCheckBox" else \
        QStyle.SubElement.SE_RadioButtonIndicator
    rect = box.style().subElementRect(which, option, box)
    window = box.palette().color(QPalette.ColorRole.Window)
    edge = max(contrast(QColor.fromRgb(p), window) for p in pixels(image, rect))
    assert edge >= 3.0, edge


def test_a_menu_has_an_edge_at_3_to_1(scheme, qtbot, qapp):
    """A menu opened over the window stands apart from it: its edge was a darker shade of the
    window, #56585C on the dark one (2.2:1) and black on black in high contrast dark, where
    File's items seemed to float over the Overview."""
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    for words in ("Log time…", "Import calendar…", "Lock now", "Quit"):
        menu.addAction(words)
    qtbot.addWidget(menu)
    menu.popup(menu.mapToGlobal(menu.rect().topLeft()))
    qtbot.waitExposed(menu)
    image = _grab(menu)
    edge = Counter(image.pixel(x, 0) for x in range(image.width()))
    edge.update(image.pixel(0, y) for y in range(image.height()))
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert contrast(QColor.fromRgb(edge.most_common(1)[0][0]), window) >= 3.0
