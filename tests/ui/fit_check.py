"""Finds what a practitioner would see cut off: a child widget outside its parent, a label or
button whose text does not fit, a combo box or date field showing part of its text."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QScrollArea,
    QStatusBar,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from ui.widgets.column_widths import NARROW_TABLE

TOLERANCE = 1  # pixels: rounding at fractional scale factors
SHORT_TEXT = 60  # characters: a sentence this short should never need three lines


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: its content may lie outside and be scrolled to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "currentText", "accessibleName"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__} {widget.objectName()!r} {str(text)[:60]!r}"


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"wrapped text needs {needed}px of height, has {label.height()}"
        lines = round(needed / max(label.fontMetrics().lineSpacing(), 1))
        if lines >= 3 and len(label.text()) <= SHORT_TEXT:
            return f"a short sentence squeezed into {lines} lines, {label.width()}px wide"
        return None
    hint = label.minimumSizeHint()
    if hint.width() > label.width() + TOLERANCE:
        return f"text needs {hint.width()}px, has {label.width()}"
    ink = _ink_width(label)
    room = rect.width() - max(label.indent(), 0)
    if ink > room:  # a letter that leans past the advance is cut: "To" drew as "Tc"
        return f"its letters need {ink:g}px of ink, have {room}"
    if hint.height() > label.height() + TOLERANCE and rect.height() < label.fontMetrics().height():
        return f"text needs {hint.height()}px of height, has {label.height()}"
    return None


def _ink_width(label: QLabel) -> float:
    """How wide the label's letters are drawn, overhangs included (one line of plain text or
    a mnemonic; 0 for rich text, which lays out on its own)."""
    text = label.text()
    if "\n" in text or text.lstrip().startswith("<") or label.textFormat() == Qt.TextFormat.RichText:
        return 0.0
    shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return QFontMetricsF(label.font()).tightBoundingRect(shown).width()


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field.width() + TOLERANCE:
        return f"shows part of {text!r}: needs {needed}px, has {field.width()}"
    return None


def _spin_problem(spin: QAbstractSpinBox) -> str | None:
    edit = spin.findChild(QWidget, "qt_spinbox_lineedit")
    if edit is None:
        return None
    text = spin.text()
    needed = spin.fontMetrics().horizontalAdvance(text)
    if needed > edit.width() + TOLERANCE:
        return f"shows part of {text!r}: needs {needed}px, has {edit.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    hint = button.minimumSizeHint()
    if hint.width() > button.width() + TOLERANCE or hint.height() > button.height() + TOLERANCE:
        return (f"needs {hint.width()}x{hint.height()}, has {button.width()}x"
                f"{button.height()}")
    return None


CELL_PADDING = 8  # pixels a delegate keeps either side of a cell's text, near enough
ROWS_CHECKED = 60


def _table_problems(table: QTableView) -> list[str]:
    """A column cut at the table's right edge (so the last one needs a sideways scroll), and a
    cell whose text does not fit its column with no tooltip that shows it whole."""
    model, header = table.model(), table.horizontalHeader()
    if model is None or header.isHidden():
        return []
    problems: list[str] = []
    edge = table.viewport().width()
    # A table narrower than NARROW_TABLE scrolls sideways inside itself (the view never does):
    # a column past its edge is reached with the table's own scroll bar.
    scrolls = edge < NARROW_TABLE and table.horizontalScrollBarPolicy() != \
        Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    metrics = table.fontMetrics()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    for column in columns:
        title = model.headerData(column, Qt.Orientation.Horizontal)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if right > edge + TOLERANCE and header.sectionSize(column) > 0 and not scrolls:
            problems.append(f"column {title!r} is cut at the edge: ends at {right}px of {edge}")
        for row in range(min(model.rowCount(), ROWS_CHECKED)):
            if table.isRowHidden(row) or table.columnSpan(row, column) > 1:
                continue
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text or table.indexWidget(index) is not None:
                continue
            needed = metrics.horizontalAdvance(text) + CELL_PADDING
            if table.wordWrap() and needed > table.columnWidth(column):  # wraps in a tall row
                wrapped = metrics.boundingRect(QRect(0, 0, table.columnWidth(column) - CELL_PADDING,
                                                     100000), Qt.TextFlag.TextWordWrap, text)
                needed = wrapped.width() + CELL_PADDING if wrapped.height() <= \
                    table.rowHeight(row) + TOLERANCE else needed
            # A value of one word (a time, a date, a tier) is never cut, tooltip or not: Import
            # calendar at 150% on a 1280x800 screen showed "09:30–10:…" for every row's time.
            # It cannot wrap, so what its delegate asks for is what it needs.
            one_word = len(text.split()) == 1
            asked = _delegate_width(table, index) if one_word else 0
            if asked > table.columnWidth(column):  # a pixel short and Qt shortens it
                problems.append(f"column {title!r} shows part of {text!r}: its cell asks for "
                                f"{asked}px, has {table.columnWidth(column)}")
                break
            if needed > table.columnWidth(column) + TOLERANCE and (
                    one_word or text not in str(index.data(Qt.ItemDataRole.ToolTipRole) or "")):
                problems.append(f"column {title!r} shows part of {text[:40]!r} with no tooltip: "
                                f"needs {needed}px, has {table.columnWidth(column)}")
                break  # one cut cell says enough for the column
    return problems


def _delegate_width(table: QTableView, index) -> int:  # type: ignore[no-untyped-def]
    """The width the cell's delegate asks for (its margins and font, not a guess)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    return table.itemDelegateForIndex(index).sizeHint(option, index).width()


LIST_ITEM_ROOM = {"navigation": 40}  # the theme's item margins, padding and focus frame


def _list_problems(listing: QListWidget) -> list[str]:
    """An item whose words are cut short ("Supervis…" in the Views list on a narrow window)."""
    problems = []
    room = LIST_ITEM_ROOM.get(listing.objectName(), 8)
    for row in range(listing.count()):
        item = listing.item(row)
        needed = listing.fontMetrics().horizontalAdvance(item.text()) + room
        rect = listing.visualItemRect(item)
        if not item.isHidden() and needed > rect.width() + TOLERANCE:
            problems.append(f"item {item.text()!r} shows in part: needs {needed}px, "
                            f"has {rect.width()}")
    return problems


def _plot_problems(plot: QWidget) -> list[str]:
    """pyqtgraph axes: a tick label shortened with an ellipsis, or wider than its axis."""
    problems: list[str] = []
    # pyqtgraph sizes an axis to its labels when it is drawn: a chart below the fold of a
    # scrolling page has not been yet, so draw it as scrolling to it would.
    plot.grab()
    QApplication.processEvents()
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        levels = getattr(axis, "_tickLevels", None) or []
        metrics = plot.fontMetrics()
        for level in levels:
            for _value, text in level:
                if "…" in text:
                    problems.append(f"{side} axis shortens {text!r}")
                widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                if side == "left" and widest > axis.width() + TOLERANCE:
                    problems.append(f"{side} axis label {text!r} needs {widest}px, "
                                    f"has {axis.width():.0f}")
    return problems


def cut_off(top: QWidget) -> list[str]:
    """Everything visible in `top` that lies outside its parent or shows only part of its
    text, one line each (empty when all of it can be seen)."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow():
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        if isinstance(widget, QScrollArea):
            problem = _sideways_problem(widget)
            if problem:
                problems.append(f"{_name(widget)}: {problem}")
        geometry, room = widget.geometry(), parent.rect().adjusted(-TOLERANCE, -TOLERANCE,
                                                                  TOLERANCE, TOLERANCE)
        # Inside a scroll area's page a widget may lie below the fold and be scrolled to; its
        # text must still fit it, and the page must not need a sideways scroll (above).
        if not isinstance(parent, QAbstractScrollArea) and not _scrolled(widget, top) \
                and not room.contains(geometry):
            if geometry.width() > 0 and geometry.height() > 0 and not _internal(widget):
                problems.append(f"{_name(widget)} lies outside {_name(parent)}: "
                                f"{geometry.getRect()} in {parent.rect().getRect()}")
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QAbstractSpinBox):
            problem = _spin_problem(widget)
        elif isinstance(widget, QAbstractButton) and not _internal(widget):
            problem = _button_problem(widget)
        if problem:
            problems.append(f"{_name(widget)}: {problem}")
        if isinstance(widget, QTableView):
            problems += [f"{_name(widget)}: {p}" for p in _table_problems(widget)]
        if isinstance(widget, QListWidget):
            problems += [f"{_name(widget)}: {p}" for p in _list_problems(widget)]
        if type(widget).__name__ == "PlotWidget":
            problems += [f"{_name(widget)}: {p}" for p in _plot_problems(widget)]
        if isinstance(widget, QStatusBar):
            problem = _status_problem(widget)
            if problem:
                problems.append(f"status bar: {problem}")
    return problems


def _status_problem(bar: QStatusBar) -> str | None:
    """The status bar's message shown whole: QStatusBar draws it on one line and cuts it at
    the window's edge, so it must be shown by a label of the bar's that shows all its words
    (the label's own fit is checked as any label's)."""
    message = bar.currentMessage()
    if not message:
        return None
    shown = [label for label in bar.findChildren(QLabel)
             if label.isVisibleTo(bar) and label.text() == message]
    if shown:
        return None
    needed = bar.fontMetrics().horizontalAdvance(message) + 12  # the bar's own margins
    if needed > bar.width() + TOLERANCE:
        return f"cuts {message[:50]!r}…: the line needs {needed}px, has {bar.width()}"
    return None


def _sideways_problem(area: QScrollArea) -> str | None:
    """A page of the app that scrolls sideways, or is cut at its right edge where its scroll
    bar is turned off: a card or message grew wider than the window (text wraps, rows become
    two; nothing needs a horizontal scrollbar)."""
    bar = area.horizontalScrollBar()
    content = area.widget()
    if content is not None and content.isVisibleTo(area) \
            and content.width() > area.viewport().width() + TOLERANCE and not bar.isVisibleTo(area):
        return (f"cuts its page at the right edge: the page is {content.width()}px wide, "
                f"{area.viewport().width()}px show (widest part: {_widest(content)})")
    if not bar.isVisibleTo(area) or bar.maximum() <= 0:
        return None
    needed = content.minimumSizeHint().width() if content is not None else 0
    return (f"scrolls sideways: its page needs {needed}px, has {area.viewport().width()}"
            + (f" (widest part: {_widest(content)})" if content is not None else ""))


def _widest(content: QWidget) -> str:
    """The visible widget that asks for the most width, to say what pushed the page wide."""
    shown = [w for w in content.findChildren(QWidget) if w.isVisibleTo(content)]
    if not shown:
        return "none"
    widest = max(shown, key=lambda w: w.minimumSizeHint().width())
    return f"{_name(widest)} needs {widest.minimumSizeHint().width()}px"


def _internal(widget: QWidget) -> bool:
    """Qt's own parts (tab bar scrollers, header sections, calendar buttons) manage themselves."""
    name = widget.objectName()
    return name.startswith("qt_") or type(widget).__name__ in ("QToolButton",
                                                               "QTabBar", "QSizeGrip")
