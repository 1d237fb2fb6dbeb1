"""The week as one table: a heading row per day, its entries, and the gaps that can be filled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from core.time.time_entries import TimeEntry, format_span
from core.time.time_summary import hours_text
from core.time.working_week import DaySummary, Gap, WeekSummary
from ui.time.time_wording import day_words

Index = QModelIndex | QPersistentModelIndex
COL_TIME, COL_DURATION, COL_ACTIVITY, COL_CASE, COL_NOTE, COL_WMT = range(6)
HEADERS = ("Time", "Duration", "Activity", "Case", "Note", "Counted by the WMT")
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw values: minutes, times, dates
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the TimeEntry, Gap or DaySummary behind the row


@dataclass(frozen=True)
class WeekRow:
    """One row: `item` is a DaySummary (heading), a TimeEntry, a Gap, or a date with a note."""

    kind: str  # "day", "entry", "gap" or "note"
    item: Any
    day: date
    text: str = ""


def day_heading(day: DaySummary) -> str:
    label = f"{day.date:%A} {day.date.day} {day.date:%B}"
    if day.bank_holiday:
        return f"{label}  ·  bank holiday: {day.bank_holiday}"
    if day.leave is not None and day.leave.hours is None:
        return f"{label}  ·  {day.leave.kind}"
    logged = hours_text(day.logged_hours) if day.logged_minutes else "nothing logged"
    if day.contracted_hours:
        return f"{label}  ·  {logged} of {hours_text(day.contracted_hours)}"
    if day.before_start:
        return f"{label}  ·  {logged} (before you set up the app)"
    return f"{label}  ·  {logged}" + ("" if day.logged_minutes else " (not a working day)")


def rows_for_week(week: WeekSummary) -> list[WeekRow]:
    rows: list[WeekRow] = []
    for day in week.days:
        if not day.entries and not day.contracted_hours and day.date.weekday() >= 5:
            continue  # quiet weekends stay out of the way
        rows.append(WeekRow("day", day, day.date))
        timed = [e for e in day.entries if e.timed]
        untimed = [e for e in day.entries if not e.timed]
        # Gaps sit between the entries they separate.
        pieces: list[tuple[Any, WeekRow]] = [
            (e.start, WeekRow("entry", e, day.date)) for e in timed
        ]
        pieces += [(g.start, WeekRow("gap", g, day.date)) for g in day.gaps]
        rows += [row for _, row in sorted(pieces, key=lambda p: (p[0], p[1].kind != "gap"))]
        rows += [WeekRow("entry", e, day.date) for e in untimed]
        if not day.entries and day.contracted_hours:
            rows.append(WeekRow("note", None, day.date, "Nothing logged yet."))
    return rows


class TimeTableModel(QAbstractTableModel):
    """Read-only rows for the week; the view spans heading and gap rows across columns."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[WeekRow] = []
        # Each row's texts, worked out once when the week is set: painting and fitting the
        # columns ask for every cell, several times over (a week back was 48 ms of CPU).
        self._texts: list[tuple[str, ...]] = []
        self._fonts: dict[str, QFont] = {}

    def set_week(self, week: WeekSummary) -> None:
        self.beginResetModel()
        self._rows = rows_for_week(week)
        self._texts = [self._row_texts(row) for row in self._rows]
        self._fonts = {}  # made again from the application's font, which may have changed
        self.endResetModel()

    def _font(self, kind: str) -> QFont:
        font = self._fonts.get(kind)
        if font is None:
            font = QFont(QApplication.font())
            font.setBold(kind == "day")
            font.setItalic(kind in ("gap", "note"))
            self._fonts[kind] = font
        return font

    def row_at(self, row: int) -> WeekRow:
        return self._rows[row]

    def rows(self) -> list[WeekRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row.item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == SORT_ROLE:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and row.kind == "note" and column == 0:
            # Read alone (the keyboard landed there after a deletion), it says which day.
            return f"{day_words(row.day)}: {row.text[:1].lower()}{row.text[1:]}"
        if role == Qt.ItemDataRole.FontRole and row.kind in ("day", "gap", "note"):
            return self._font(row.kind)
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == "day":
            return QApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "gap":
            return "Press Enter or double-click to say what this time was"
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "entry":
            return self._texts[index.row()][column] or None  # a long activity or note, whole
        return None

    @staticmethod
    def _row_texts(row: WeekRow) -> tuple[str, ...]:
        """What each column shows for this row, in column order."""
        blank = ("",) * (len(HEADERS) - 1)
        if row.kind == "day":
            return (day_heading(row.item), *blank)
        if row.kind == "note":
            return (row.text, *blank)
        if row.kind == "gap":
            gap: Gap = row.item
            return (f"{gap.start:%H:%M}–{gap.end:%H:%M}  ·  {hours_text(gap.minutes / 60)} "
                    "not logged: what were you doing?", *blank[:-1], "Fill…")
        entry: TimeEntry = row.item
        texts = {
            COL_TIME: format_span(entry) or "no times",
            COL_DURATION: hours_text(entry.minutes / 60),
            COL_ACTIVITY: entry.activity_name,
            COL_CASE: entry.case_reference or "",
            COL_NOTE: entry.note,
            COL_WMT: "Counted" if entry.counted_by_wmt else "Not counted",
        }
        return tuple(texts[column] for column in range(len(HEADERS)))

    @staticmethod
    def _raw(row: WeekRow, column: int) -> Any:
        if row.kind != "entry":
            return None
        entry: TimeEntry = row.item
        return {
            COL_TIME: (entry.date, entry.start),
            COL_DURATION: entry.minutes,
            COL_ACTIVITY: entry.activity_name,
            COL_CASE: entry.case_reference,
            COL_NOTE: entry.note,
            COL_WMT: entry.counted_by_wmt,
        }[column]
