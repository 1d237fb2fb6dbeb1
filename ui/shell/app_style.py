"""The app's Qt style over Fusion: what every widget of a kind needs wherever it is made (Tab
leaves tables and date fields), and control edges that stay visible on a dark palette
(`VisibleIndicators`) and in high contrast (`ContrastEdges`). ui.shell.theme chooses which."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QWidget

from ui.shell.contrast import ring_colour
from ui.shell.palettes import is_dark
from ui.widgets.qt_guard import qt_override

if TYPE_CHECKING:
    from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QScrollArea, QTabBar,
                                   QTabWidget, QToolButton)

# Fusion draws a check box's or radio button's edge as a darker shade of the window colour; on
# a dark window that edge all but vanishes. Drawn from this colour instead, the edge comes out
# about #8A8D93, over 3:1 against the dark window (WCAG's minimum for a control's boundary).
INDICATOR_EDGE_SOURCE = QColor("#CFD3DC")
# On the light window Fusion's edge is #ADADAD on #EFEFEF, 1.65:1, and an unticked box all but
# vanishes too; drawn from this colour the edge comes out about #7A7A7A, 3.7:1.
LIGHT_INDICATOR_EDGE_SOURCE = QColor("#ABABAB")
MENU_EDGE = {False: QColor("#7A7A7A"), True: QColor("#8A8D93")}  # light, dark: over 3:1
_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
               QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class TabLeavesField(QObject):
    """Tab and Shift+Tab leave a date or time field at once. Qt moves between its day, month
    and year on Tab, so focus stayed on one field for three presses; arrows and typing still
    move between the parts. Ctrl+Tab, which the field also kept, moves to the next tab of the
    page it is on, as it does from any other control."""

    @qt_override
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
    global QAbstractItemView, QDateTimeEdit, QScrollArea, QTabBar, QTableView, QTabWidget
    global QToolButton
    from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QScrollArea, QTabBar,
                                   QTableView, QTabWidget, QToolButton)


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
        elif isinstance(target, QToolButton) and isinstance(target.parentWidget(), QTabBar):
            # A tab bar too narrow for its tabs (Settings at 200%) shows Scroll Left and
            # Scroll Right: Tab stopped on them as if they were pages. The arrow keys and
            # Ctrl+Tab turn the tabs; the mouse still scrolls with them.
            from PySide6.QtCore import Qt

            target.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return super().polish(target)

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and \
                not option.features & option.ButtonFeature.Flat:
            draw_button_marks(option, painter)
        elif element == QStyle.ControlElement.CE_TabBarTabShape:
            draw_tab_marks(option, painter)
        elif element == QStyle.ControlElement.CE_ItemViewItem \
                and option.state & QStyle.StateFlag.State_HasFocus \
                and isinstance(widget, QAbstractItemView) and widget.objectName() != "navigation":
            draw_cell_ring(option, painter)  # the Views list has its own edge (ui.shell.theme)


def draw_button_marks(option, painter) -> None:  # type: ignore[no-untyped-def]
    """Over a push button as drawn: a 2-pixel edge in the text colour when it is a toggle that
    is on (Caseload's Active/Closed/All: the chosen one was told only by a shade, 1.3:1), and a
    2-pixel ring in the highlight colour inside its border when it has focus. Fusion showed
    focus only by recolouring the 1-pixel border, black to navy (1.2:1) in high contrast. Both
    marks stand over 3:1 from the button's face and the window in all four looks."""
    state = option.state
    checked = bool(state & QStyle.StateFlag.State_On)
    focused = bool(state & QStyle.StateFlag.State_HasFocus)
    if not (checked or focused):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setBrush(QBrush())
    rect = QRectF(option.rect)
    if checked:
        pen = QPen(option.palette.color(QPalette.ColorRole.ButtonText), 2)
        pen.setJoinStyle(pen.joinStyle().MiterJoin)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    if focused:
        pen = QPen(ring_colour(option.palette), 2)
        pen.setJoinStyle(pen.joinStyle().MiterJoin)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(4, 4, -4, -4))
    painter.restore()


def draw_cell_ring(option, painter) -> None:  # type: ignore[no-untyped-def]
    """Over the table cell or list item the keyboard is on (the meeting's topics too, whose
    selection looks the same with focus and without): a 2-pixel ring in the highlight colour (in the
    selection's text colour on a selected row), drawn over the cell without taking room from
    its words. Fusion's tint for it was 1.2:1: Review and delete opened with focus on C10, and
    nothing showed it."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    colour = option.palette.color(QPalette.ColorRole.HighlightedText) if selected \
        else ring_colour(option.palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(colour, 2)
    pen.setJoinStyle(pen.joinStyle().MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush())
    painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
    painter.restore()


def draw_tab_marks(option, painter) -> None:  # type: ignore[no-untyped-def]
    """Over a tab as drawn: a 3-pixel bar in the text colour along the outer edge of the tab
    that is shown, and a 2-pixel ring in the highlight colour inside it when the tab bar has
    focus. Fusion told the shown tab only by a shade (white against #E8E8E8 light, black against
    #1A1A1A in high contrast), and focus by a pale fill, 1.15:1 (Settings' pages, Time's Week
    and Charts). Both marks stand over 3:1 from the tab in all four looks."""
    state = option.state
    selected = bool(state & QStyle.StateFlag.State_Selected)
    focused = bool(state & QStyle.StateFlag.State_HasFocus)
    if not (selected or focused) or not hasattr(option, "shape"):
        return
    from PySide6.QtWidgets import QTabBar

    shape = option.shape
    rect = QRectF(option.rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if selected:
        ink = option.palette.color(QPalette.ColorRole.WindowText)
        if shape in (QTabBar.Shape.RoundedSouth, QTabBar.Shape.TriangularSouth):
            bar = QRectF(rect.left() + 1, rect.bottom() - 3, rect.width() - 2, 3)
        elif shape in (QTabBar.Shape.RoundedWest, QTabBar.Shape.TriangularWest):
            bar = QRectF(rect.left(), rect.top() + 1, 3, rect.height() - 2)
        elif shape in (QTabBar.Shape.RoundedEast, QTabBar.Shape.TriangularEast):
            bar = QRectF(rect.right() - 3, rect.top() + 1, 3, rect.height() - 2)
        else:
            bar = QRectF(rect.left() + 1, rect.top(), rect.width() - 2, 3)
        painter.fillRect(bar, ink)
    if focused:
        pen = QPen(ring_colour(option.palette), 2)
        pen.setJoinStyle(pen.joinStyle().MiterJoin)
        painter.setPen(pen)
        painter.setBrush(QBrush())
        painter.drawRect(rect.adjusted(4, 5, -4, -2))
    painter.restore()


class VisibleIndicators(AppStyle):
    """The app's style, with check boxes and radio buttons whose edge stands 3:1 from the
    window, dark or light. Everything else Fusion draws is left exactly as it is."""

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        if element in _INDICATORS:
            enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
            dark = is_dark(option.palette)
            if dark or enabled:  # a disabled box on light keeps Fusion's quieter edge
                option = type(option)(option)
                palette = QPalette(option.palette)
                source = INDICATOR_EDGE_SOURCE if dark else LIGHT_INDICATOR_EDGE_SOURCE
                palette.setColor(QPalette.ColorRole.Window, source if enabled
                                 else source.darker(150))  # quieter when disabled
                option.palette = palette
        super().drawPrimitive(element, option, painter, widget)
        if element == _P.PE_PanelMenu:
            # A menu's edge, which Fusion draws as a darker shade of the window: on the dark
            # window #56585C (2.2:1), so an open menu ran into the view behind it.
            painter.save()
            painter.setPen(QPen(MENU_EDGE[is_dark(option.palette)], 1))
            painter.setBrush(QBrush())
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()
        elif element == _P.PE_FrameLineEdit and _faint_focus(option):
            draw_field_ring(option, painter)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        if control in _FIELDS and _faint_focus(option):
            draw_field_ring(option, painter, 2 if control == _C.CC_SpinBox else 1)


def _faint_focus(option) -> bool:  # type: ignore[no-untyped-def]
    """A field with focus on a palette whose highlight does not stand 3:1 from it (a
    platform's own dark palette: Adwaita dark's #16539E, 1.3:1): Fusion edges it in that
    highlight, so the app's ring is drawn over it. The app's own palettes keep Fusion's edge."""
    if option is None or not option.state & QStyle.StateFlag.State_HasFocus:
        return False
    palette = option.palette
    return ring_colour(palette).rgb() != palette.color(QPalette.ColorRole.Highlight).rgb()


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
        if element == _P.PE_FrameLineEdit and option.state & QStyle.StateFlag.State_HasFocus:
            draw_field_ring(option, painter)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802
        if control in _EDGED_CONTROLS:
            option = self._edged(option)
        super().drawComplexControl(control, option, painter, widget)
        if control in _FIELDS and option.state & QStyle.StateFlag.State_HasFocus:
            # Fusion draws a spin box's edge two pixels deep (its inner shadow from Dark).
            draw_field_ring(option, painter, 2 if control == _C.CC_SpinBox else 1)


def draw_field_ring(option, painter, inset: int = 1) -> None:  # type: ignore[no-untyped-def]
    """In high contrast, a field with focus (typed text, a list to choose from, a number or a
    date) gets a 2-pixel ring in the highlight colour just inside its edge: Fusion only
    recoloured the 1-pixel edge, black to navy (1.18:1) or light grey to yellow (1.64:1)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    colour = ring_colour(option.palette)
    rect = option.rect.adjusted(inset, inset, -inset, -inset)
    for edge in (rect.adjusted(0, 0, 0, 2 - rect.height()),
                 rect.adjusted(0, rect.height() - 2, 0, 0),
                 rect.adjusted(0, 0, 2 - rect.width(), 0),
                 rect.adjusted(rect.width() - 2, 0, 0, 0)):
        painter.fillRect(edge, colour)
    painter.restore()


_P, _C = QStyle.PrimitiveElement, QStyle.ComplexControl
_EDGED_PRIMITIVES = {_P.PE_PanelButtonCommand, _P.PE_FrameLineEdit, _P.PE_PanelLineEdit,
                     _P.PE_IndicatorCheckBox, _P.PE_IndicatorRadioButton, _P.PE_Frame,
                     _P.PE_FrameTabWidget, _P.PE_FrameGroupBox, _P.PE_FrameMenu,
                     _P.PE_PanelMenu}
_EDGED_CONTROLS = {_C.CC_ComboBox, _C.CC_SpinBox, _C.CC_ScrollBar}
_FIELDS = {_C.CC_ComboBox, _C.CC_SpinBox}
