"""Table models for the Supervision view: the agenda gathered so far, and actions carried forward."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from core.agenda import AGENDA_KINDS, AgendaItem, reflection_parts
from core.supervision import ACTION_STATUS_LABELS, Action
from ui.date_fields import format_date
from ui.list_table_model import Column, ListTableModel, RawSortProxy

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
    Column("Status", lambda a: ACTION_STATUS_LABELS[a.status]),
]


def make_table(model: ListTableModel, stretch: int, name: str) -> tuple[QTableView, RawSortProxy]:
    """A sortable, row-selecting table over `model`, with column `stretch` taking the spare room."""
    proxy = RawSortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
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
