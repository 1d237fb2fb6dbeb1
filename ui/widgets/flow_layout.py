"""A row of controls that wraps onto the next line when the window is too narrow for it.

A view's header (title, the week in words, Show figures, How is this worked out?) and its row
of buttons were QHBoxLayouts: on a 1280×800 screen at 200% (640×400 logical pixels) the row
asked for more width than the window had, so the whole view scrolled sideways and its
sentences were cut at the window's edge. In a `FlowRow` each control keeps its natural width
and moves to the next line when it no longer fits; a word-wrapped label alone on its line
takes the line's width and wraps. On a wide screen it is the same single row as before.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QLayoutItem, QWidget


class _HeldItems(QLayout):
    """A QLayout whose items are held by a plain QBoxLayout that is never laid out: Python keeps
    no wrapper of an item between calls (PySide let a kept one go stale while Qt still held
    the item, and the row lost its buttons). Widgets only: a row of buttons that must move
    as one goes in a QWidget of its own (a layout held here would be deleted twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._cache: dict[object, object] = {}  # sizes and heights, until Qt invalidates

    def invalidate(self) -> None:
        self._cache.clear()
        super().invalidate()

    def _cached(self, key: object, compute):  # type: ignore[no-untyped-def]
        """`compute()`, once per layout pass: Qt asks a layout its height for the same width
        many times while a window is resized, and each answer is measured in Python."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._held.addItem(item)

    def count(self) -> int:
        return self._held.count()

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._held.itemAt(index)

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._held.takeAt(index)

    def _all(self) -> list[QLayoutItem]:
        return [self._held.itemAt(i) for i in range(self._held.count())]


class FlowRow(_HeldItems):
    """Items left to right, wrapping. After `addStretch()` the items that follow sit at the
    right end of their line while they share it with items before the stretch, as a header's
    buttons did in a QHBoxLayout."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8,
                 line_spacing: int | None = None, centred: bool = False) -> None:
        super().__init__(parent)
        self._centred = centred
        self._spacing = spacing
        self._line_spacing = spacing if line_spacing is None else line_spacing
        self._stretch_at: int | None = None
        self._together: list[range] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addStretch(self, _stretch: int = 1) -> None:  # noqa: N802 - as QBoxLayout's
        """What follows sits at the right end of its line (nothing follows: nothing to do)."""
        self._stretch_at = self.count()

    # QLayout's interface -------------------------------------------------------------------
    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if not 0 <= index < self.count():
            return None
        self._together = [range(r.start - (r.start > index), r.stop - (r.stop > index))
                          for r in self._together]
        if self._stretch_at is not None and self._stretch_at > index:
            self._stretch_at -= 1
        return super().takeAt(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._cached(width, lambda: self._arrange(QRect(0, 0, width, 0), place=False))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._cached("hint", self._one_line))

    def _one_line(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._cached("least", self._widest))

    def _widest(self) -> QSize:
        """As narrow as its widest control: everything else wraps."""
        shown = self._shown()
        width = max((i.minimumSize().width() for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    # Laying out ----------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._all() if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int, bool]]]:
        """The items of each line: the width each is given, and whether it follows the
        stretch. A group (`addGroup`: a label and its field) moves to a new line whole."""
        lines: list[list[tuple[QLayoutItem, int, bool]]] = []
        line: list[tuple[QLayoutItem, int, bool]] = []
        used = 0
        for members in self._groups():
            placed = [(item, max(min(_natural_width(item), width), item.minimumSize().width()),
                       self._stretch_at is not None and index >= self._stretch_at)
                      for index, item in members]
            whole = sum(w for _i, w, _r in placed) + self._spacing * (len(placed) - 1)
            if line and used + self._spacing + whole > width:
                lines.append(line)
                line, used = [], 0
            for entry in placed:
                needed = entry[1] if not line else used + self._spacing + entry[1]
                if line and needed > width:  # a group wider than the line itself
                    lines.append(line)
                    line, needed = [], entry[1]
                line.append(entry)
                used = needed
        if line:
            lines.append(line)
        return lines

    def addGroup(self, *widgets: QWidget) -> None:  # noqa: N802 - as addWidget
        """Widgets that stay on one line together while the line is wide enough for them."""
        first = self.count()
        for widget in widgets:
            self.addWidget(widget)
        self._together.append(range(first, self.count()))

    def _groups(self) -> list[list[tuple[int, QLayoutItem]]]:
        items = self._all()
        groups: list[list[tuple[int, QLayoutItem]]] = []
        taken: set[int] = set()
        for index, item in enumerate(items):
            if index in taken or item.isEmpty():
                continue
            span = next((r for r in self._together if index in r), range(index, index + 1))
            members = [(i, items[i]) for i in span if not items[i].isEmpty()]
            taken.update(span)
            groups.append(members)
        return groups

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lay the items out in `rect` (when `place`); the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for number, line in enumerate(self._lines(max(area.width(), 1))):
            heights = [self._height(item, width) for item, width, _right in line]
            tall = max(heights)
            if number:
                y += self._line_spacing
            x = area.x()
            used = sum(width for _item, width, _right in line) + self._spacing * (len(line) - 1)
            pushed = line[0][2]  # a line of only what follows the stretch starts at the left
            if self._centred:
                x += max(area.width() - used, 0) // 2
            for (item, width, right), height in zip(line, heights):
                if right and not pushed:
                    x += max(area.width() - used, 0)
                    pushed = True
                if place:
                    item.setGeometry(QRect(QPoint(x, y + (tall - height) // 2),
                                           QSize(width, height)))
                x += width + self._spacing
            y += tall
        return y - area.y() + margins.top() + margins.bottom()


def _natural_width(item: QLayoutItem) -> int:
    """The width an item asks for on a line of its own: a word-wrapped label's whole sentence
    on one line (QLabel's own hint for it is a guess at a pleasing paragraph), capped later by
    the line's width."""
    widget = item.widget()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        text = widget.text()
        if widget.textFormat() == Qt.TextFormat.RichText or "<" in text:
            text = re.sub(r"<[^>]+>", "", text)
        metrics = widget.fontMetrics()
        longest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        extra = widget.contentsMargins().left() + widget.contentsMargins().right() \
            + 2 * widget.margin() + max(widget.indent(), 0) + 2
        return max(longest + extra, widget.minimumSizeHint().width())
    return item.sizeHint().width()


class SideBySide(_HeldItems):
    """Two or more panels side by side while the width allows, one above the other when it
    does not (the Overview's estimate and caseload cards on a 640-pixel-wide window): the
    panels share a wide row by their stretch factors and each takes the whole narrow one."""

    def __init__(self, wide_from: int, spacing: int = 14) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self._stretch: list[int] = []
        self._wide_from = wide_from
        self._spacing = spacing

    def add(self, widget: QWidget, stretch: int = 1) -> None:
        self.addWidget(widget)
        self._stretch[-1] = stretch

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        super().addItem(item)
        self._stretch.append(1)

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if not 0 <= index < self.count():
            return None
        self._stretch.pop(index)
        return super().takeAt(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [(i, s) for i, s in zip(self._all(), self._stretch) if not i.isEmpty()]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        def side_by_side() -> QSize:
            shown = [i for i, _s in self._shown()]
            width = sum(i.sizeHint().width() for i in shown) \
                + self._spacing * max(len(shown) - 1, 0)
            return QSize(max(width, self._wide_from),
                         max((i.sizeHint().height() for i in shown), default=0))
        return QSize(self._cached("hint", side_by_side))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        def stacked() -> QSize:
            shown = [i for i, _s in self._shown()]
            return QSize(max((i.minimumSize().width() for i in shown), default=0),
                         max((i.minimumSize().height() for i in shown), default=0))
        return QSize(self._cached("least", stacked))

    def _widths(self, width: int) -> list[int] | None:
        """Each panel's width side by side, or None when they go one above the other."""
        shown = self._shown()
        room = width - self._spacing * max(len(shown) - 1, 0)
        total = sum(s for _i, s in shown) or 1
        widths = [room * s // total for _i, s in shown]
        if width < self._wide_from or any(w < i.minimumSize().width()
                                          for w, (i, _s) in zip(widths, shown)):
            return None
        return widths

    @staticmethod
    def _least(item: QLayoutItem, width: int) -> int:
        """The height a panel needs at `width`: its words' height, else its minimum (a chart
        takes what the page has left, as it did in a QHBoxLayout)."""
        if item.hasHeightForWidth():
            return max(item.minimumHeightForWidth(width), item.minimumSize().height())
        return item.minimumSize().height()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """The least height, as preferred too: a scroll area takes a page's preferred height
        for its minimum, and a chart's preferred height gave the Overview a second scroll
        bar."""
        return self._cached(width, lambda: self._arrange(QRect(0, 0, width, 0), place=False))

    def _arrange(self, rect: QRect, place: bool) -> int:
        shown = self._shown()
        widths = self._widths(rect.width())
        if widths is not None:
            tall = max((self._least(i, w) for (i, _s), w in zip(shown, widths)), default=0)
            x = rect.x()
            for (item, _s), width in zip(shown, widths):
                if place:
                    item.setGeometry(QRect(x, rect.y(), width, max(tall, rect.height())))
                x += width + self._spacing
            return tall
        heights = [self._least(item, rect.width()) for item, _s in shown]
        needed = sum(heights) + self._spacing * max(len(shown) - 1, 0)
        extra = max(rect.height() - needed, 0) // max(len(shown), 1)  # shared out when placed
        y = rect.y()
        for (item, _s), height in zip(shown, heights):
            if place:
                item.setGeometry(QRect(rect.x(), y, rect.width(), height + extra))
                y += extra
            y += height + self._spacing
        return needed
