"""Table models for the Supervision view: the agenda gathered so far, actions carried forward, past sessions."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from core.common import clock
from core.supervision.agenda import AGENDA_KINDS, AgendaItem, reflection_parts
from core.supervision.sessions import Action, Session, action_status_text
from ui.widgets.date_fields import format_date
from ui.widgets.list_table_model import Column, ListTableModel, RawSortProxy

KIND_SHORT = {
    "workload": "Workload",
    "case": "Case to discuss",
    "going_well": "Going well",
    "request": "Request",
    "reflection": "Reflection",
    "learning": "Learning",
    "wellbeing": "Wellbeing (private)",
}
COL_KIND, COL_NOTE, COL_ADDED = 0, 1, 2
COL_ACTION, COL_OWNER, COL_DUE, COL_STATUS = 0, 1, 2, 3
COL_HELD, COL_NEXT, COL_SESSION_NOTES = 0, 1, 2


def note_text(item: AgendaItem) -> str:
    """One line for the table: a case note leads with its reference and reason."""
    if item.kind == "case":
        return f"{item.case_reference or 'A case'} ({item.reason}): {item.text}"
    if item.kind == "reflection":
        parts = reflection_parts(item.text)
        return " → ".join(words for words in parts.values() if words)
    return item.text.replace("\n", " ")


AGENDA_COLUMNS: list[Column[AgendaItem]] = [
    Column("Kind", lambda i: KIND_SHORT.get(i.kind, i.kind),
           sort=lambda i: (AGENDA_KINDS.index(i.kind), i.created_on, i.id or 0)),
    Column("Note", note_text, tooltip=lambda i: i.text),
    Column("Added", lambda i: format_date(i.created_on), sort=lambda i: i.created_on),
]

ACTION_COLUMNS: list[Column[Action]] = [
    Column("Action", lambda a: a.text, tooltip=lambda a: a.text),
    Column("Owner", lambda a: a.owner or "—"),
    Column("Due", lambda a: format_date(a.due_date, "—"), sort=lambda a: a.due_date),
    # "Overdue" in words (not only a colour) for an open action past its due date today.
    Column("Status", lambda a: action_status_text(a, clock.today())),
]


def session_line(session: Session) -> str:
    """One short line for a past session: the first line of what was agreed, else who it was with."""
    agreed = session.agreed.strip().splitlines()
    if agreed:
        return agreed[0]
    return f"With {session.with_whom}" if session.with_whom else "No notes"


def session_tooltip(session: Session) -> str:
    count = len(session.actions)
    lines = [f"With {session.with_whom}"] if session.with_whom else []
    lines += [session.agreed] if session.agreed else []
    lines += [f"{count} action{'s' if count != 1 else ''} agreed"] if count else []
    return "\n".join(lines) or "No notes"


SESSION_COLUMNS: list[Column[Session]] = [
    Column("Held on", lambda s: format_date(s.held_on), sort=lambda s: (s.held_on, s.id or 0)),
    Column("Next session", lambda s: format_date(s.next_date, "—"), sort=lambda s: s.next_date),
    Column("What was agreed", session_line, tooltip=session_tooltip),
]


class FittedTableView(QTableView):
    """Columns sized to their contents, measuring each column's widest text once per change.

    Qt's own ResizeToContents asks the delegate about every row, several times during the
    first layout (about 30 ms for a hundred open actions). Every cell here has the same font
    and no icon, so the widest text by font metrics gives the widest cell: one delegate call
    per column gives the same width.
    """

    def __init__(self) -> None:
        super().__init__()
        self._widest: dict[int, int] = {}  # column -> row of its widest text, until data changes

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged,
                       model.rowsInserted, model.rowsRemoved):
            signal.connect(self._widest.clear)

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 - Qt override
        model = self.model()
        if model is None or model.rowCount() == 0:
            return super().sizeHintForColumn(column)
        row = self._widest.get(column)
        if row is None:
            metrics = self.fontMetrics()
            widths: dict[str, int] = {}
            best = (-1, 0)
            for r in range(model.rowCount()):
                text = str(model.index(r, column).data(Qt.ItemDataRole.DisplayRole) or "")
                if text not in widths:
                    widths[text] = metrics.horizontalAdvance(text)
                    best = max(best, (widths[text], -r))
            row = self._widest[column] = -best[1]
        self.ensurePolished()
        hint = self.sizeHintForIndex(model.index(row, column)).width()
        return hint + 1 if self.showGrid() else hint  # as QTableView adds for the grid line


def make_table(model: ListTableModel, stretch: int, name: str) -> tuple[QTableView, RawSortProxy]:
    """A sortable, row-selecting table over `model`, with column `stretch` taking the spare room."""
    proxy = RawSortProxy()
    proxy.setSourceModel(model)
    view = FittedTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view, proxy
