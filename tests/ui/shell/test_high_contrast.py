"""High contrast: the platform's own palette when it is high contrast itself, the app's own
when the platform only asks for more contrast, and View > High contrast, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
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
    # On disk at once: an app killed right after the choice (stuck behind an error message, as
    # a tester's was) still starts in high contrast.
    assert "high_contrast=on" in (tmp_path / "s.ini").read_text()
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


def test_the_trend_takes_the_new_colours_when_contrast_is_turned_on(restored, demo_window,
                                                                    qtbot):
    """View > High contrast works while the window is open: the chart's field, line and key
    follow the palette, not only the words around them."""
    from PySide6.QtWidgets import QApplication

    from ui.widgets.swatch_key import fill_for

    restored.theme = apply_theme(restored, Qt.ColorScheme.Dark, high_contrast=False)
    demo_window.show_view("overview")
    view = demo_window.view("overview")
    view.ensure_trend()
    qtbot.waitUntil(lambda: view.trend is not None)
    trend = view.trend
    before = trend.plot.backgroundBrush().color().name()
    restored.theme.set_high_contrast(True)
    QApplication.processEvents()
    palette = trend.palette()
    field = trend.plot.backgroundBrush().color()
    assert field.name() != before and field == palette.color(ROLES.Base)
    line = trend.curve.opts["pen"].color()
    assert line.name() == QColor(fill_for("estimate", palette).colour).name()
    assert contrast(line, field) >= 3
    dashed = trend.key.layout().itemAt(3).layout().itemAt(0).widget().pixmap().toImage()
    inks = {dashed.pixelColor(x, dashed.height() // 2).name() for x in range(dashed.width())}
    assert palette.color(ROLES.WindowText).name() in inks  # the 110% swatch in the new ink
