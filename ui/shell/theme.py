"""The app's look: Fusion with the system's light or dark palette, the system font, calm spacing.

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

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

from core.common.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QDateTimeEdit, QScrollArea, QTabWidget

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
        (roles.ToolTipText, text), (roles.PlaceholderText, QColor("#9A9A9A")),
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


# Fusion draws a check box's or radio button's edge as a darker shade of the window colour; on
# a dark window that edge all but vanishes. Drawn from this colour instead, the edge comes out
# about #8A8D93, over 3:1 against the dark window (WCAG's minimum for a control's boundary).
INDICATOR_EDGE_SOURCE = QColor("#CFD3DC")
_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
               QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class TabLeavesField(QObject):
    """Tab and Shift+Tab leave a date or time field at once. Qt moves between its day, month
    and year on Tab, so focus stayed on one field for three presses; arrows and typing still
    move between the parts. Ctrl+Tab, which the field also kept, moves to the next tab of the
    page it is on, as it does from any other control."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QDateTimeEdit):
            return False
        from PySide6.QtCore import Qt

        if (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            return _next_tab(watched, event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        if (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            try:  # QWidget's own step through the focus chain, not the field's
                QWidget.focusNextPrevChild(watched, forward)
            except TypeError:  # a field Qt made itself cannot be stepped from here
                return False
            return True
        return False


def _next_tab(widget: QWidget, forward: bool) -> bool:
    """Show the next (or previous) page of the nearest tab widget holding `widget`."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    if parent is None or parent.count() < 2:
        return False
    parent.setCurrentIndex((parent.currentIndex() + (1 if forward else -1)) % parent.count())
    return True


_field_tab: TabLeavesField | None = None


def _tab_leaves_field() -> TabLeavesField:
    global _field_tab
    if _field_tab is None:
        _field_tab = TabLeavesField(QApplication.instance())
    return _field_tab


def _name_the_widgets_styled_apart() -> None:
    """The widget classes AppStyle and TabLeavesField treat apart, named (and their enums set
    up) once an AppStyle is made: after the window's first frame, which is drawn in Fusion."""
    global QAbstractItemView, QDateTimeEdit, QScrollArea, QTabWidget
    from PySide6.QtWidgets import QAbstractItemView, QDateTimeEdit, QScrollArea, QTabWidget


class AppStyle(QProxyStyle):
    """Fusion, plus what every widget of a kind needs wherever it is made (views, pages, dialogs).

    Tab moves from control to control and nowhere else: Qt's tables move cell by cell on Tab
    by default, which trapped a keyboard user in a long table, and its date and time fields
    step through their parts; arrows still move within both.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        _name_the_widgets_styled_apart()

    def polish(self, target):  # noqa: D102 - Qt override (widget, application or palette)
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)
            # An editor that opens as focus arrives takes Tab too, moving from cell to cell.
            opens_on_arrival = QAbstractItemView.EditTrigger.CurrentChanged
            if target.editTriggers() & opens_on_arrival:
                target.setEditTriggers(target.editTriggers() & ~opens_on_arrival)
        elif isinstance(target, QDateTimeEdit):
            target.removeEventFilter(_tab_leaves_field())  # polished again on a style change
            target.installEventFilter(_tab_leaves_field())
        elif isinstance(target, QScrollArea):
            # A page that scrolls is not a control: Tab stopped on it with nothing to show
            # where focus was. It still scrolls to whichever control inside has focus.
            from PySide6.QtCore import Qt

            target.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return super().polish(target)


class VisibleIndicators(AppStyle):
    """The app's style, with check boxes and radio buttons that keep a visible edge on dark
    palettes. Light palettes, and everything else Fusion draws, are left exactly as they are."""

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        if element in _INDICATORS and is_dark(option.palette):
            option = type(option)(option)
            palette = QPalette(option.palette)
            enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
            palette.setColor(QPalette.ColorRole.Window, INDICATOR_EDGE_SOURCE if enabled
                             else INDICATOR_EDGE_SOURCE.darker(150))  # quieter when disabled
            option.palette = palette
        super().drawPrimitive(element, option, painter, widget)


class ContrastEdges(AppStyle):
    """Fusion draws every control's edge as a darker shade of the window colour: on white a
    pale grey (about 2:1), on black nothing at all. In high contrast each edge is drawn from the
    text colour instead: black on white, light grey (11:1) on black."""

    def _edged(self, option):  # type: ignore[no-untyped-def]
        if option is None or not hasattr(option, "palette"):
            return option
        option = type(option)(option)
        palette = QPalette(option.palette)
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.WindowText))
        option.palette = palette
        return option

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        if element in _EDGED_PRIMITIVES:
            option = self._edged(option)
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802
        if control in _EDGED_CONTROLS:
            option = self._edged(option)
        super().drawComplexControl(control, option, painter, widget)


_P, _C = QStyle.PrimitiveElement, QStyle.ComplexControl
_EDGED_PRIMITIVES = {_P.PE_PanelButtonCommand, _P.PE_FrameLineEdit, _P.PE_PanelLineEdit,
                     _P.PE_IndicatorCheckBox, _P.PE_IndicatorRadioButton, _P.PE_Frame,
                     _P.PE_FrameTabWidget, _P.PE_FrameGroupBox}
_EDGED_CONTROLS = {_C.CC_ComboBox, _C.CC_SpinBox, _C.CC_ScrollBar}


def palette_for_scheme(scheme: Qt.ColorScheme, system: QPalette) -> QPalette:
    """The system palette, unless dark mode is asked for and the platform only offers light."""
    from PySide6.QtCore import Qt

    if scheme == Qt.ColorScheme.Dark and not is_dark(system):
        return dark_palette()
    return system


def stylesheet(base_point_size: float) -> str:
    size = base_point_size if base_point_size > 0 else 10.0
    return _STYLESHEET.format(title_pt=size * TITLE_SCALE)


def app_icon() -> QIcon:
    """The window and taskbar icon, every rendered size plus the SVG for anything in between."""
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
            fusion = QStyleFactory.create("Fusion")  # the frame has no tick box to edge
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
        """VisibleIndicators only while the palette is dark, ContrastEdges in high contrast: in
        light mode AppStyle draws as plain Fusion, without a call into Python for everything
        it paints (~5 ms at start)."""
        if kind == self._edges_drawn:
            return
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            if kind == "contrast":
                style: QProxyStyle = ContrastEdges(fusion)
            else:
                style = VisibleIndicators(fusion) if kind == "dark" else AppStyle(fusion)
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
