"""The app's look: Fusion with the system's light or dark palette, the system font, calm spacing.
(The palettes are in ui.shell.palettes, the style that draws over Fusion in ui.shell.app_style.)

Colours in the stylesheet are palette references, never fixed values, so dark mode and high
contrast keep working; font sizes are derived from the system font, so its size is respected.

The window's first frame is drawn in the look the system asked for at the last start (light or
dark, with or without more contrast; kept in the settings): asking the system names the `Qt`
namespace, whose enums take 20-25 ms to set up (ui.widgets.labels), so it is asked once the
frame is on screen (`Theme.follow_system`), and a look that changed in between is applied then.
"""

from __future__ import annotations

from copy import copy  # a palette copied as QPalette(palette) sets up the `Qt` namespace first
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from core.common.resources import resource_path
from ui.shell.palettes import dark_palette, high_contrast_requested, is_dark, readable

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QProxyStyle

LOOK_KEY = "window/look"  # what the system asked for at the last start, for the first frame
LOOKS = ("light", "dark", "light-contrast", "dark-contrast")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
TITLE_SCALE = 1.5

_STYLESHEET = """
QLabel#viewTitle {{ font-size: {title_pt:.1f}pt; font-weight: 600; }}
QListWidget#navigation {{
    border: none; border-right: 1px solid palette(mid);
    background: palette(window); padding-top: 8px; outline: 0;
}}
QListWidget#navigation::item {{ padding: 4px 12px; border-radius: 6px; margin: 0 6px; }}
QListWidget#navigation::item:selected {{
    background: palette(highlight); color: palette(highlighted-text);
}}
QListWidget#navigation::item:hover:!selected {{ background: palette(alternate-base); }}
QListWidget#navigation::item:focus {{ border: 2px solid palette(window-text); }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 3px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: palette(window-text); }}
"""
# The list's own focus rectangle is off (outline: 0); the item with focus gets a 2-pixel edge
# in the text colour instead, at least 3:1 against the window. Tick boxes and radio buttons get
# the same edge: Fusion's faint frame (#B1C7D5 on white) was 1.75:1.


def stylesheet(base_point_size: float) -> str:
    size = base_point_size if base_point_size > 0 else 10.0
    return _STYLESHEET.format(title_pt=size * TITLE_SCALE)


def app_icon() -> QIcon:
    """The window and taskbar icon, every rendered size plus the SVG for anything in between
    (set once the first frame is on screen: naming QIcon sets up its 151 theme icons' enum)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"app-{size}.png")
        if path.is_file():  # with its size given, each file is read only when that size is drawn
            icon.addFile(str(path), QSize(size, size))
    svg = resource_path("icon.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def load_bundled_fonts() -> int:
    """With no fonts on the system at all (a bare Linux), load those shipped in resources/fonts."""
    if QFontDatabase.families():
        return 0
    loaded = 0
    folder = resource_path("fonts")
    if folder.is_dir():
        for path in sorted(folder.glob("*.ttf")):
            loaded += QFontDatabase.addApplicationFont(str(path)) >= 0
    return loaded


class Theme(QObject):
    """Applies the look once, then again whenever the system switches light or dark."""

    def __init__(self, app: QApplication, scheme: Qt.ColorScheme | None = None,
                 high_contrast: bool | None = None):
        super().__init__(app)
        self._app = app
        self._forced_scheme = scheme  # None follows the system; tests and screenshots force one
        self._high_contrast = high_contrast  # None follows the platform; View > High contrast
        self._system_palette = copy(app.palette())
        self._edges_drawn: str | None = None  # which style is in use: "", "dark", "contrast"
        self.applied: str | None = None  # what the system asked for (LOOKS), as drawn
        self._following = False

    def asked(self) -> str:
        """What the system asks for now (one of LOOKS): light or dark (or the scheme forced at
        creation), and whether the platform wants more contrast."""
        from PySide6.QtCore import Qt

        scheme = self._forced_scheme or self._app.styleHints().colorScheme()
        look = "dark" if scheme == Qt.ColorScheme.Dark else "light"
        return f"{look}-contrast" if high_contrast_requested() else look

    def high_contrast(self) -> bool:
        """High contrast is on: asked for in the app, or else by the platform."""
        if self._high_contrast is not None:
            return self._high_contrast
        return (self.applied or self.asked()).endswith("-contrast")

    def set_high_contrast(self, on: bool | None) -> None:
        """On or off whatever the platform says; None follows the platform again."""
        self._high_contrast = on
        self.apply()

    def apply(self, asked: str | None = None, first_frame: bool = False) -> None:
        """Palette, style and stylesheet for what the system asked (LOOKS; asked now if not
        given). For the `first_frame` the style is plain Fusion, which draws the frame's widgets
        as AppStyle does: AppStyle's `polish`, which Qt calls with a choice of overloads, sets
        up the `Qt` namespace at the first widget; `follow_system` puts it in place."""
        asked = asked if asked in LOOKS else self.asked()
        self.applied = asked
        app = self._app
        if self.high_contrast():
            from ui.shell.contrast import contrast_palette

            dark = asked.startswith("dark") or is_dark(self._system_palette)
            app.setPalette(contrast_palette(self._system_palette, dark))
        else:
            dark_wanted = asked.startswith("dark") and not is_dark(self._system_palette)
            app.setPalette(readable(dark_palette() if dark_wanted else self._system_palette))
        kind = "contrast" if self.high_contrast() else "dark" if is_dark(app.palette()) else ""
        if first_frame and kind != "contrast" and self._edges_drawn is None:
            # The frame has no tick box to edge. An application made in Fusion (create_application)
            # is left as it is: a style handed over from Python sets up QStyle's enums (4-5 ms).
            fusion = None if getattr(app, "fusion_at_start", False) else \
                QStyleFactory.create("Fusion")
            if fusion is not None:
                app.setStyle(fusion)
        else:
            self._draw_edges(kind)
        app.setStyleSheet(stylesheet(app.font().pointSizeF()))

    def follow_system(self) -> str:
        """Ask the system what it wants, apply it if the window is drawn otherwise, put the
        app's own style in place and follow later changes; returns what was asked (to be kept
        for the next start's first frame)."""
        asked = self.asked()
        if asked != self.applied or self._edges_drawn is None:
            self.apply(asked)
        if not self._following:
            self._following = True
            # The window icon too: drawing it reads eight PNGs and an SVG, and loads Qt's SVG
            # library and every image-format plugin (PDF's among them).
            self._app.setWindowIcon(app_icon())
            hints = self._app.styleHints()
            hints.colorSchemeChanged.connect(self._system_changed)
            accessibility = getattr(hints, "accessibility", None)
            if accessibility is not None:
                accessibility().contrastPreferenceChanged.connect(self._system_changed)
        return asked

    def _draw_edges(self, kind: str) -> None:
        """VisibleIndicators, light or dark, ContrastEdges in high contrast. (Light mode drew
        in AppStyle, as plain Fusion, to save a call into Python for everything it paints, about
        5 ms once the first frame is up; its unticked boxes' edges were 1.65:1.)"""
        if kind == self._edges_drawn:
            return
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            # Imported here, not before the first frame (drawn in plain Fusion): naming
            # QProxyStyle and QStyle's enums costs about 5 ms.
            from ui.shell.app_style import ContrastEdges, VisibleIndicators

            if kind == "contrast":
                style: QProxyStyle = ContrastEdges(fusion)
            else:
                style = VisibleIndicators(fusion)
            self._app.setStyle(style)
            self._edges_drawn = kind

    def _system_changed(self, *_args: object) -> None:
        # An empty palette resets the application to the platform's (already updated) one.
        self._app.setPalette(QPalette())
        self._system_palette = copy(self._app.palette())
        self.apply()


def apply_theme(app: QApplication, scheme: Qt.ColorScheme | None = None,
                high_contrast: bool | None = None, last_look: object = None) -> Theme:
    """Style, palette, stylesheet, window icon and fallback fonts; follows later system changes
    (light or dark, and more contrast where the platform says so).

    Given `last_look` (one of LOOKS, as `follow_system` returned it at the last start), the
    system is not asked now and the window icon is not set: the caller calls `follow_system()`
    once the window is on screen."""
    load_bundled_fonts()
    # Fusion draws the same on every OS, follows the palette fully, and scales cleanly to 200%;
    # Theme.apply sets it, inside AppStyle.
    theme = Theme(app, scheme, high_contrast)
    if last_look in LOOKS:
        theme.apply(str(last_look), first_frame=True)
    else:
        theme.follow_system()
    return theme
