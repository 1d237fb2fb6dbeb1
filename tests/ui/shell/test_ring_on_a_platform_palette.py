"""Focus rings drawn on a platform's own dark palette: Qt keeps the system's palette when it is
dark already (GTK's Adwaita dark), and its highlight, #16539E, was the ring on a Settings tab at
1.3:1 on the tab and 1.7:1 on the window. The app's own four looks are measured in
test_contrast; here the palette is one the app did not choose."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from ui.shell.contrast import contrast
from ui.shell.palettes import dark_palette
from ui.shell.theme import apply_theme

pytestmark = pytest.mark.qt_log_ignore("does not support")

# As sampled from the tester's screen (Adwaita dark through Qt's GTK platform theme).
PLATFORM_DARK = {"Window": "#323232", "Button": "#3B424B", "Base": "#2D2D2D",
                 "AlternateBase": "#353535", "Highlight": "#16539E"}
# A platform's own high-contrast dark theme, kept as it is (ui.shell.contrast), selecting in a
# deep blue under white text.
PLATFORM_CONTRAST_DARK = {"Window": "#000000", "Button": "#000000", "Base": "#000000",
                          "AlternateBase": "#000000", "WindowText": "#FFFFFF",
                          "ButtonText": "#FFFFFF", "Text": "#FFFFFF",
                          "Highlight": "#1A1A8C", "HighlightedText": "#FFFFFF"}
PALETTES = {"Adwaita dark": (PLATFORM_DARK, False),
            "high contrast dark": (PLATFORM_CONTRAST_DARK, True)}


@pytest.fixture(params=list(PALETTES))
def platform_dark(qapp, request):
    kept, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    colours, high_contrast = PALETTES[request.param]
    # The app's style, drawing rings (high contrast: its edges from the text colour too).
    apply_theme(qapp, Qt.ColorScheme.Dark, high_contrast=high_contrast)
    palette = dark_palette()
    for role, colour in colours.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, getattr(QPalette.ColorRole, role), QColor(colour))
    qapp.setPalette(palette)
    QApplication.processEvents()
    yield palette
    qapp.setStyleSheet(sheet)
    qapp.setPalette(kept)
    qapp.setStyle(style)


def _grab(widget) -> QImage:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_focused_settings_tab_shows_its_ring_at_3_to_1_on_a_platform_dark_palette(
        platform_dark, demo_window, qtbot):
    demo_window.show_view("settings")
    bar = demo_window.view("settings").tabs.tabBar()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    demo_window.nav.setFocus()
    plain = _grab(bar)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    focused = _grab(bar)
    rect = bar.tabRect(bar.currentIndex())
    changed = [(x, y) for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1)
               if focused.pixel(x, y) != plain.pixel(x, y)]
    assert len(changed) >= rect.width() + rect.height(), f"focus changes {len(changed)} pixels"
    ring = QColor.fromRgb(Counter(focused.pixel(x, y) for x, y in changed).most_common(1)[0][0])
    under = Counter(plain.pixel(x, y) for x, y in changed if focused.pixel(x, y) == ring.rgb())
    face = QColor.fromRgb(under.most_common(1)[0][0])
    assert contrast(ring, face) >= 3.0, (ring.name(), face.name())
    window = platform_dark.color(QPalette.ColorRole.Window)
    assert contrast(ring, window) >= 3.0, ring.name()


def test_a_focused_field_shows_its_ring_at_3_to_1_on_a_platform_dark_palette(platform_dark,
                                                                             qtbot):
    """The Log time dialog's fields looked as faint: Fusion edges a focused field in the
    palette's highlight."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    field, other = QLineEdit("45m travel"), QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    other.setFocus()
    plain = _grab(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    focused = _grab(field)
    rect = field.rect()
    edge = [(x, y) for x in range(rect.width()) for y in (0, 1, 2, rect.height() - 2)
            if focused.pixel(x, y) != plain.pixel(x, y)]
    assert len(edge) >= rect.width(), f"focus changes {len(edge)} edge pixels"
    ring = QColor.fromRgb(Counter(focused.pixel(x, y) for x, y in edge).most_common(1)[0][0])
    inside = QColor.fromRgb(focused.pixel(rect.width() // 2, rect.height() // 2 + 4))
    window = platform_dark.color(QPalette.ColorRole.Window)
    for behind in (window, platform_dark.color(QPalette.ColorRole.Base)):
        assert contrast(ring, behind) >= 3.0, (ring.name(), behind.name(), inside.name())
