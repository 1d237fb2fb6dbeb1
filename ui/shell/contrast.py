"""High contrast: the platform's own when it gives one, else the app's, and View > High contrast.

Windows' contrast themes hand Qt a palette of their own: that is used untouched. Elsewhere the
platform may only say that more contrast is wanted (Qt's contrast preference, from the desktop
portal on Linux), or say nothing at all; then the app applies its own high-contrast palette,
light or dark as the system is. View > High contrast asks for it whatever the platform says, and
is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

SETTING = "appearance/high_contrast"  # "on" or "off"; absent: follow the platform


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio, 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def quiet_text(palette: QPalette, least: float = 4.5) -> QColor:
    """Text for something set aside but still to be read (a calendar row not proposed): the
    placeholder colour, moved toward the text colour until it stands `least` from both row
    shades. The palette's disabled text is for controls that cannot be used (1.9:1 on white)."""
    roles = QPalette.ColorRole
    text, quiet = palette.color(roles.Text), palette.color(roles.PlaceholderText)
    rows = (palette.color(roles.Base), palette.color(roles.AlternateBase))
    for step in range(11):
        share = step / 10
        colour = QColor.fromRgbF(*(q + (t - q) * share for q, t in zip(
            quiet.getRgbF()[:3], text.getRgbF()[:3])))
        if all(contrast(colour, row) >= least for row in rows):
            return colour
    return text


def ring_colour(palette: QPalette, least: float = 3.5) -> QColor:
    """The colour of a focus ring: the highlight, when it stands `least` from every face a
    control is drawn on (window, button, field, alternate row); else the highlight moved toward
    the text colour until it does. A platform's dark palette (GTK's Adwaita dark) highlights in
    #16539E, 1.3:1 on its tabs and 1.7:1 on its window. `least` leaves room over WCAG's 3:1 for
    the shades Fusion draws a face in."""
    roles = QPalette.ColorRole
    ink, text = palette.color(roles.Highlight), palette.color(roles.WindowText)
    faces = [palette.color(role) for role in (roles.Window, roles.Button, roles.Base,
                                              roles.AlternateBase)]
    faces.append(palette.color(roles.Button).lighter(130))  # Fusion's face of a tab shown
    for step in range(11):
        share = step / 10
        colour = QColor.fromRgbF(*(h + (t - h) * share for h, t in zip(
            ink.getRgbF()[:3], text.getRgbF()[:3])))
        if all(contrast(colour, face) >= least for face in faces):
            return colour
    return text


def is_high_contrast(palette: QPalette) -> bool:
    """A palette that is already high contrast (WCAG's enhanced 7:1 for text and selection):
    a platform's contrast theme, kept as the practitioner chose it."""
    roles = QPalette.ColorRole
    pairs = ((roles.WindowText, roles.Window), (roles.Text, roles.Base),
             (roles.HighlightedText, roles.Highlight), (roles.ButtonText, roles.Button))
    return all(contrast(palette.color(a), palette.color(b)) >= 7 for a, b in pairs)


# (role, light, dark): black on white or white on black; selection in navy under white or in
# yellow under black; every edge Fusion derives from Mid, Dark and Shadow in the text colour.
_ROLES = (
    ("Window", "#FFFFFF", "#000000"), ("WindowText", "#000000", "#FFFFFF"),
    ("Base", "#FFFFFF", "#000000"), ("AlternateBase", "#F0F0F0", "#1A1A1A"),
    ("Text", "#000000", "#FFFFFF"), ("Button", "#FFFFFF", "#000000"),
    ("ButtonText", "#000000", "#FFFFFF"), ("BrightText", "#000000", "#FFFFFF"),
    ("Light", "#FFFFFF", "#000000"), ("Midlight", "#FFFFFF", "#000000"),
    ("Mid", "#000000", "#FFFFFF"), ("Dark", "#000000", "#FFFFFF"),
    ("Shadow", "#000000", "#FFFFFF"), ("Highlight", "#00007A", "#FFE500"),
    ("HighlightedText", "#FFFFFF", "#000000"), ("Link", "#00007A", "#FFE500"),
    ("LinkVisited", "#4B0082", "#E0B0FF"), ("ToolTipBase", "#FFFFFF", "#000000"),
    ("ToolTipText", "#000000", "#FFFFFF"), ("PlaceholderText", "#3D3D3D", "#CFCFCF"),
)
# Disabled text is still readable (4.5:1), and looks unlike enabled text.
_DISABLED = {"light": "#5E5E5E", "dark": "#A8A8A8"}


def high_contrast_palette(dark: bool) -> QPalette:
    """The app's own high-contrast palette, light or dark."""
    palette = QPalette()
    for name, light, on_dark in _ROLES:
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(on_dark if dark else light))
    disabled = QColor(_DISABLED["dark" if dark else "light"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def contrast_palette(system: QPalette, dark: bool) -> QPalette:
    """The platform's palette when it is itself high contrast, else the app's."""
    return system if is_high_contrast(system) else high_contrast_palette(dark)


def saved_choice(settings: QSettings) -> bool | None:
    """True or False when asked for in View > High contrast, None to follow the platform."""
    value = settings.value(SETTING)
    return {"on": True, "off": False}.get(str(value)) if value is not None else None


def apply_saved_choice(theme, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    """At start, the choice made in View > High contrast (if any) over the platform's."""
    choice = saved_choice(settings)
    if theme is not None and choice is not None and choice != theme.high_contrast():
        theme.set_high_contrast(choice)


def install_contrast_action(window: QMainWindow, settings: QSettings) -> QAction:
    """View > High contrast: ticked while it is on; a choice made here is remembered and wins
    over the platform's (which may say nothing: many Linux desktops do not). Once per window:
    the first frame has it already."""
    made = window.findChild(QAction, "highContrast")
    if made is not None:
        return made
    theme = getattr(QApplication.instance(), "theme", None)
    action = QAction("&High contrast", window)
    action.setObjectName("highContrast")
    action.setCheckable(True)
    apply_saved_choice(theme, settings)  # main.py has, before the first frame
    action.setChecked(theme.high_contrast() if theme is not None
                      else bool(saved_choice(settings)))

    def chosen(on: bool) -> None:
        settings.setValue(SETTING, "on" if on else "off")
        # Written now, not when the window is next idle: a tester killed the app, stuck behind
        # an error message just after choosing it, and the next start had forgotten it.
        settings.sync()
        if theme is not None:
            theme.set_high_contrast(on)

    action.toggled.connect(chosen)
    view_menu = getattr(window, "menu", None)
    if callable(view_menu):
        menu = view_menu("&View")
        menu.addSeparator()
        menu.addAction(action)
    return action
