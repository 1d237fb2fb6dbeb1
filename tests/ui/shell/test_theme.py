"""The look follows the system: dark palettes stay dark, fonts scale, the window fits 1024×700."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.shell.main_window import MainWindow
from ui.shell.palettes import dark_palette, is_dark, palette_for_scheme
from ui.shell.theme import apply_theme, app_icon, stylesheet


@pytest.fixture
def restored_app(qapp):
    """Theme tests change the shared application: put its look back afterwards."""
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if style:
        qapp.setStyle(style)


def _light() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
    p.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.black)
    return p


def test_dark_mode_gets_a_dark_palette_even_if_the_platform_offers_light():
    assert is_dark(palette_for_scheme(Qt.ColorScheme.Dark, _light()))


def test_light_and_unknown_schemes_keep_the_system_palette():
    system = _light()
    assert palette_for_scheme(Qt.ColorScheme.Light, system) is system
    assert palette_for_scheme(Qt.ColorScheme.Unknown, system) is system


def test_a_dark_system_palette_is_kept_as_it_is():
    system = dark_palette()
    system.setColor(QPalette.ColorRole.Highlight, Qt.GlobalColor.magenta)
    assert palette_for_scheme(Qt.ColorScheme.Dark, system) is system


def test_view_titles_scale_with_the_system_font_size():
    assert "15.0pt" in stylesheet(10)
    assert "24.0pt" in stylesheet(16)


def test_stylesheet_uses_palette_colours_only():
    # A hard-coded colour would be light-on-light or dark-on-dark in one of the two modes.
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb", stylesheet(10))
    assert "palette(highlight)" in stylesheet(10)


def test_applying_dark_mode_makes_the_app_dark_with_its_icon(restored_app):
    apply_theme(restored_app, Qt.ColorScheme.Dark)
    assert is_dark(QApplication.palette())
    assert "viewTitle" in restored_app.styleSheet()
    assert not restored_app.windowIcon().isNull()
    assert not app_icon().pixmap(16, 16).isNull()


def test_main_window_fits_a_1024_by_700_window(qtbot, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (1024, 700)


def _luminance(colour) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) \
        + 0.0722 * channel(colour.blue())


def _edge_contrast(qtbot, widget_class, style, palette) -> float:
    """The strongest contrast between the unticked indicator and the window behind it."""
    from PySide6.QtGui import QColor

    widget = widget_class("")  # no label: only the indicator is drawn
    if style is not None:  # None: the application's own style
        widget.setStyle(style)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    qtbot.addWidget(widget)
    widget.resize(120, 30)
    image = widget.grab().toImage()
    window = _luminance(palette.color(QPalette.ColorRole.Window))
    best = 1.0
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = _luminance(QColor(image.pixel(x, y)))
            high, low = max(pixel, window), min(pixel, window)
            best = max(best, (high + 0.05) / (low + 0.05))
    return best


@pytest.mark.parametrize("kind", ["QCheckBox", "QRadioButton"])
def test_tick_boxes_and_radio_buttons_keep_a_visible_edge_in_dark_mode(qtbot, kind):
    import PySide6.QtWidgets as widgets
    from PySide6.QtWidgets import QStyleFactory

    from ui.shell.app_style import VisibleIndicators

    widget_class = getattr(widgets, kind)
    plain = _edge_contrast(qtbot, widget_class, QStyleFactory.create("Fusion"), dark_palette())
    ours = _edge_contrast(qtbot, widget_class, VisibleIndicators(QStyleFactory.create("Fusion")),
                          dark_palette())
    assert plain < 3 <= ours  # WCAG 1.4.11: a control's boundary needs 3:1


@pytest.mark.parametrize("kind", ["QCheckBox", "QRadioButton"])
def test_tick_boxes_and_radio_buttons_keep_a_visible_edge_in_light_mode(qtbot, kind):
    """Fusion's edge on the light window is #ADADAD on #EFEFEF, 1.65:1: an unticked box was
    all but invisible there too."""
    import PySide6.QtWidgets as widgets
    from PySide6.QtWidgets import QStyleFactory

    from ui.shell.app_style import VisibleIndicators

    widget_class = getattr(widgets, kind)
    plain = _edge_contrast(qtbot, widget_class, QStyleFactory.create("Fusion"), _light())
    ours = _edge_contrast(qtbot, widget_class, VisibleIndicators(QStyleFactory.create("Fusion")),
                          _light())
    assert plain < 3 <= ours  # WCAG 1.4.11: a control's boundary needs 3:1


def test_the_app_in_dark_mode_draws_tick_boxes_with_visible_edges(qtbot, restored_app):
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    theme = apply_theme(restored_app, Qt.ColorScheme.Dark)
    for kind in (QCheckBox, QRadioButton):
        assert _edge_contrast(qtbot, kind, None, restored_app.palette()) >= 3
    theme._forced_scheme = Qt.ColorScheme.Light  # the system switches back to light
    theme._system_changed()
    assert not is_dark(restored_app.palette())
