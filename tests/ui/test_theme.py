"""The look follows the system: dark palettes stay dark, fonts scale, the window fits 1024×700."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.theme import apply_theme, app_icon, dark_palette, is_dark, palette_for_scheme, stylesheet


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
