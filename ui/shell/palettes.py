"""The app's light and dark palettes: selection and placeholder text readable on light, a calm
dark palette where the platform reports dark mode but offers only light, and whether the system
asks for more contrast. Contrast ratios are WCAG 2 ratios; the high-contrast palettes themselves
are in ui.shell.contrast."""

from __future__ import annotations

from copy import copy  # a palette copied as QPalette(palette) sets up the `Qt` namespace first
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

# Fusion's light palette selects in #308CC6, 3.7:1 under white text, and writes placeholders at
# half the text's strength (#7F7F7F, 4.0:1 on white). The Okabe-Ito blue the gauges use and a
# darker grey keep both at WCAG's 4.5:1 for text.
LIGHT_HIGHLIGHT, LIGHT_PLACEHOLDER = QColor("#0072B2"), QColor("#6B6B6B")


def readable(palette: QPalette) -> QPalette:
    """`palette` with selection and placeholder text at least 4.5:1 (light palettes only: the
    dark one is already chosen so; high contrast has its own, ui.shell.contrast)."""
    if is_dark(palette):
        return palette
    palette = copy(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, LIGHT_HIGHLIGHT)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, LIGHT_PLACEHOLDER)
    return palette


def is_dark(palette: QPalette) -> bool:
    """True when window text is lighter than the window (a dark palette, whatever asked for it)."""
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return text > window


def high_contrast_requested() -> bool:
    """The system asks for more contrast (its own palette is kept if it is high contrast
    itself, else the app's is used: ui.shell.contrast)."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:  # Qt before 6.10 cannot tell
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def dark_palette() -> QPalette:
    """A calm dark palette for platforms that report dark mode but hand Fusion a light palette."""
    p = QPalette()
    roles = QPalette.ColorRole
    # Fields lighter than the window: Fusion outlines controls with a darker shade of the
    # window colour, which vanishes on dark; a lighter fill keeps checkboxes and fields visible.
    base, window, text = QColor("#303237"), QColor("#232428"), QColor("#E8E8E8")
    for role, colour in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, QColor("#383A40")), (roles.ToolTipBase, window),
        (roles.ToolTipText, text), (roles.PlaceholderText, QColor("#A8A8A8")),
        (roles.Text, text), (roles.Button, QColor("#3A3C42")), (roles.ButtonText, text),
        (roles.BrightText, QColor("#FFFFFF")), (roles.Light, QColor("#4A4D52")),
        (roles.Midlight, QColor("#3E4045")), (roles.Mid, QColor("#4F5257")),
        (roles.Dark, QColor("#18191B")), (roles.Shadow, QColor("#000000")),
        (roles.Highlight, QColor("#56B4E9")), (roles.HighlightedText, QColor("#101010")),
        (roles.Link, QColor("#56B4E9")), (roles.LinkVisited, QColor("#9ECFEF")),
    ):
        p.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7A7A7A"))
    return p


def palette_for_scheme(scheme: Qt.ColorScheme, system: QPalette) -> QPalette:
    """The system palette, unless dark mode is asked for and the platform only offers light."""
    from PySide6.QtCore import Qt

    if scheme == Qt.ColorScheme.Dark and not is_dark(system):
        return dark_palette()
    return system
