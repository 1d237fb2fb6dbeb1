"""A change taken back (or made again) only over the rows as the change left them.

A change that is neither an addition nor a deletion (a note's words, an action marked done, a
past session corrected, an activity renamed, a calendar keyword changed) is undone by the
feature's own function writing the old values back. Between the change and the Ctrl+Z another
window or a command may have changed the same row; writing the old values then overwrote that
later change without a word. `RowWatch` names the rows a change touches, by table and id;
`run_unchanged` runs an undo or redo step only while they still read as the step left them,
in one IMMEDIATE transaction with the check, and says otherwise (ValidationError, nothing
written): the same rule as a Settings save taken back (core.store.saved_rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.common.crash_points import crash_point
from core.common.errors import ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database

State = tuple[tuple[tuple[str, Any], ...], ...]


@dataclass(frozen=True)
class RowWatch:
    """The rows (table, id) one change writes, and what to call them in a refusal ("the
    note")."""

    db: Database
    rows: tuple[tuple[str, int], ...]
    what: str

    def read(self) -> State:
        found = []
        for table, row_id in self.rows:
            rows = list(self.db.query(f'SELECT * FROM "{table}" WHERE id = ?', [row_id]))
            found.append(tuple(sorted(rows[0].items())) if rows else ())
        return tuple(found)


def run_unchanged(watch: RowWatch, expected: State, step: Callable[[], object],
                  done: str) -> State:
    """Run `step` if the rows still read `expected`; return what they read after it.
    ValidationError, nothing written, when they have been changed (or deleted) since."""
    with watch.db.atomic():
        if watch.read() != expected:
            raise ValidationError(
                f"{watch.what[:1].upper()}{watch.what[1:]} has been changed since, so this "
                f"was not {done}: the later change is kept.")
        crash_point("watched_rows.checked")
        step()
        return watch.read()
