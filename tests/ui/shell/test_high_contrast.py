"""High contrast: the platform's own palette when it is high contrast itself, the app's own
when the platform only asks for more contrast, and View > High contrast, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMainWindow

from ui.shell import theme as theme_module
from ui.shell.contrast import (
    apply_saved_choice,
    contrast,
    high_contrast_palette,
    install_contrast_action,
    is_high_contrast,
    saved_choice,
)
from ui.shell.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("does not support")
ROLES = QPalette.ColorRole


@pytest.fixture
def restored(qapp):
    """The application's look put back as it was after each test."""
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    had = getattr(qapp, "theme", None)
    yield qapp
    qapp.theme = had
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def _text_ratio(palette: QPalette) -> float:
    return contrast(palette.color(ROLES.WindowText), palette.color(ROLES.Window))


@pytest.mark.parametrize("dark", [False, True])
def test_the_apps_own_palette_is_high_contrast(dark):
    palette = high_contrast_palette(dark)
    assert is_high_contrast(palette)
    assert contrast(palette.color(ROLES.PlaceholderText), palette.color(ROLES.Base)) >= 7
    disabled = palette.color(QPalette.ColorGroup.Disabled, ROLES.Text)
    assert contrast(disabled, palette.color(ROLES.Base)) >= 4.5  # greyed, still readable
    # Fusion draws control edges from Mid and Dark: in the text colour, not a faint grey.
    assert contrast(palette.color(ROLES.Mid), palette.color(ROLES.Window)) >= 7


def test_a_platform_asking_for_contrast_without_a_palette_gets_the_apps(restored,
                                                                         monkeypatch):
    """On Linux the desktop may say "more contrast" yet hand Fusion its everyday palette."""
    monkeypatch.setattr(theme_module, "high_contrast_requested", lambda: True)
    restored.setPalette(QPalette())  # the platform's everyday palette
    assert not is_high_contrast(restored.palette())
    restored.theme = apply_theme(restored, Qt.ColorScheme.Light)
    assert is_high_contrast(restored.palette())
    assert _text_ratio(restored.palette()) >= 7


def test_a_platforms_own_contrast_theme_is_kept(restored, monkeypatch):
    monkeypatch.setattr(theme_module, "high_contrast_requested", lambda: True)
    chosen = high_contrast_palette(True)
    chosen.setColor(ROLES.Highlight, Qt.GlobalColor.cyan)  # the practitioner's own theme
    restored.setPalette(chosen)
    restored.theme = apply_theme(restored, Qt.ColorScheme.Dark)
    assert restored.palette().color(ROLES.Highlight) == chosen.color(ROLES.Highlight)


def test_view_high_contrast_turns_it_on_and_off_and_is_remembered(restored, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    restored.theme = apply_theme(restored, Qt.ColorScheme.Light, high_contrast=False)
    before = _text_ratio(restored.palette())
    window = QMainWindow()
    action = install_contrast_action(window, settings)
    assert not action.isChecked()
    action.trigger()
    assert is_high_contrast(restored.palette()) and _text_ratio(restored.palette()) > before
    assert saved_choice(settings) is True
    # The next start: main.py reads the choice before the first frame.
    restored.theme = apply_theme(restored, Qt.ColorScheme.Light)
    apply_saved_choice(restored.theme, settings)
    assert is_high_contrast(restored.palette())
    later = QMainWindow()
    again = install_contrast_action(later, settings)
    assert again.isChecked()
    again.trigger()
    assert not is_high_contrast(restored.palette())
    assert saved_choice(settings) is False


def test_the_view_menu_offers_it(demo_window):
    texts = [a.text() for a in demo_window.menu("&View").actions()]
    assert "&High contrast" in texts
