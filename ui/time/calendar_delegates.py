"""Drop-downs for the calendar import preview: the activity (or leave kind) and the case; and the
reason a row is not proposed, read whole however it wraps."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication, QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget,
)
from sqlite_utils import Database

from core.time.calendar.preview import LEAVE, ProposedRow
from core.caseload.cases import CaseStore
from core.time.activities import list_activities
from core.time.working_week import LEAVE_KINDS
from ui.widgets.list_table_model import OBJECT_ROLE
from ui.widgets.named_editor import name_editor


class ActivityDelegate(QStyledItemDelegate):
    """A drop-down of activities (or of leave kinds, for an all-day row)."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        row: ProposedRow = index.data(OBJECT_ROLE)
        if row.kind == LEAVE:
            for kind in LEAVE_KINDS:
                combo.addItem(kind.capitalize(), kind)
        else:
            for activity in list_activities(self._db):
                combo.addItem(activity.name, activity.id)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        name_editor(combo, index)  # named after its cell, not by its value
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CaseDelegate(QStyledItemDelegate):
    """A drop-down of the practitioner's cases open on the row's day, or none."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        row: ProposedRow = index.data(OBJECT_ROLE)
        combo = QComboBox(parent)
        combo.addItem("No case", 0)
        for case in sorted(CaseStore(self._db).list_cases("all"), key=lambda c: c.reference):
            if case.closed_date is None or row.date < case.closed_date:
                combo.addItem(case.reference, case.id)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        name_editor(combo, index)  # named after its cell, not by its value
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or 0)))

    def setModelData(  # noqa: N802
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ReasonDelegate(QStyledItemDelegate):
    """The reason column: as tall as its text wrapped in the width the style paints it in. The
    default height is measured a little wider than the text is drawn, so a reason that just
    fits two lines there was drawn on three and cut ("log it by …")."""

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        width = opt.rect.width()  # type: ignore[attr-defined]
        if width <= 0 or not opt.text:  # type: ignore[attr-defined]
            return hint
        opt.rect = QRect(0, 0, width, 100_000)  # type: ignore[attr-defined]
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        drawn = opt.fontMetrics.boundingRect(  # type: ignore[attr-defined]
            QRect(0, 0, text.width() - 2 * margin, 100_000),
            int(Qt.TextFlag.TextWordWrap), opt.text)  # type: ignore[attr-defined]
        return QSize(hint.width(), max(hint.height(), drawn.height() + 2 * margin + 2))
